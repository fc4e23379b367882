import { NextResponse } from 'next/server';
import { getTenantBySlug } from '@/lib/tenants/get-tenant';
import { getPublicJwks } from '@/lib/tenants/tenant-keys';

/**
 * A private_key_jwt tenant's JWKS URL, which the customer admin gives Okta: public keys only (active and
 * next, so a rotation can be prepared). Public by design; 404 for tenants without keys.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ tenant: string }> }) {
  const tenant = await getTenantBySlug((await params).tenant);
  if (!tenant || tenant.clientAuthMethod !== 'private_key_jwt' || tenant.status === 'suspended') {
    return NextResponse.json({ error: 'not_found' }, { status: 404 });
  }
  const jwks = await getPublicJwks(tenant.id);
  return NextResponse.json(jwks, { headers: { 'cache-control': 'public, max-age=60' } });
}

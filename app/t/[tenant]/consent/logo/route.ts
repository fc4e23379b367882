import { type NextRequest } from 'next/server';
import { getConsentLogo } from '@/lib/consent/get-consent-logo';
import { requestContextOf } from '@/lib/http/request-context';
import { findPublicTenant } from '@/lib/tenants/find-public-tenant';

type Params = { params: Promise<{ tenant: string }> };

const notFound = () => new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff', 'cache-control': 'no-store' } });

/**
 * GET: the tenant's uploaded consent logo, public like the consent page. Only the PNG or JPEG type checked
 * at upload is ever sent, with nosniff, as an inline image no other site may embed. Unknown, draft and
 * suspended tenants get the same 404 as everything else (counted against signin.unknown.ip).
 */
export async function GET(request: NextRequest, { params }: Params) {
  const { tenant: slug } = await params;
  const tenant = await findPublicTenant(slug, requestContextOf(request.headers));
  const logo = tenant ? await getConsentLogo(tenant.id) : null;
  if (!logo) return notFound();
  return new Response(logo.image, {
    headers: {
      'content-type': logo.contentType,
      'content-length': String(logo.image.length),
      'content-disposition': 'inline; filename="logo"',
      'x-content-type-options': 'nosniff',
      'cross-origin-resource-policy': 'same-origin',
      // The page asks for ?v=<hash>: a new upload is a new URL.
      'cache-control': 'public, max-age=3600',
      etag: `"${logo.sha256.slice(0, 32)}"`,
    },
  });
}

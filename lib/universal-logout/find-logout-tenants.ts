/**
 * Which tenants a Universal Logout token of `issuer` may act on: the active tenants whose Okta connection is
 * that org. The one place this module asks lib/tenants, so a change of how an issuer counts for a tenant (e.g.
 * only once a test sign-in proved the connection) needs one swap here.
 */
import { getTenantsByIssuer } from '@/lib/tenants/get-tenant';
import type { Tenant } from '@/lib/tenants/tenant';

export type LogoutTenant = Pick<Tenant, 'id' | 'slug' | 'displayName' | 'issuer' | 'clientId'>;

export async function findLogoutTenantsByIssuer(issuer: string): Promise<LogoutTenant[]> {
  const tenants = await getTenantsByIssuer(issuer);
  return tenants
    .filter((t) => t.status === 'active' && t.issuer === issuer)
    .map(({ id, slug, displayName, issuer: iss, clientId }) => ({ id, slug, displayName, issuer: iss, clientId }));
}

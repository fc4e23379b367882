/**
 * Which tenants a Universal Logout token of `issuer` may act on: the active tenants whose proven Okta
 * connection is that org (lib/tenants: a draft, a suspended tenant or an unproven connection never answers
 * for an issuer). The one place this module asks lib/tenants.
 */
import { getActiveProvenConnectionsForIssuer } from '@/lib/tenants/get-tenant';
import type { Tenant } from '@/lib/tenants/tenant';

export type LogoutTenant = Pick<Tenant, 'id' | 'slug' | 'displayName' | 'issuer' | 'clientId'>;

export async function findLogoutTenantsByIssuer(issuer: string): Promise<LogoutTenant[]> {
  const tenants = await getActiveProvenConnectionsForIssuer(issuer, { limit: 100 });
  return tenants
    .filter((t) => t.connectionProven && t.issuer === issuer)
    .map(({ id, slug, displayName, issuer: iss, clientId }) => ({ id, slug, displayName, issuer: iss, clientId }));
}

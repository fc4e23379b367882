/** Every tenant in the documented JSON format (`okta-oin-saas/tenants@1`), without secrets. */
import { listTenants } from './get-tenant';
import { TENANT_EXPORT_FORMAT, type TenantFile } from './tenant-schema';

export async function exportTenants(): Promise<TenantFile> {
  const tenants = await listTenants();
  return {
    format: TENANT_EXPORT_FORMAT,
    tenants: tenants.map((t) => ({
      slug: t.slug,
      displayName: t.displayName,
      status: t.status,
      issuer: t.issuer,
      clientId: t.clientId,
      clientAuthMethod: t.clientAuthMethod,
      scopes: t.scopes as TenantFile['tenants'][number]['scopes'],
      // Only verified domains: an import is the operator's word and approves what it lists.
      emailDomains: t.verifiedEmailDomains,
      loginInitiatedBy: t.loginInitiatedBy,
      tileLoginFlow: t.tileLoginFlow,
      ...(t.oktaOrgDomain ? { oktaOrgDomain: t.oktaOrgDomain } : {}),
      requireDpop: t.requireDpop,
    })),
  };
}

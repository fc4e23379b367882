/**
 * Operator approval of an email domain (CLI `domains approve`): the operator knows the customer owns it, so
 * it routes at once, without a DNS record. Adds the domain when the tenant has not claimed it yet. Public email
 * domains are refused; a domain another tenant verified is `domain_taken`. One audit event.
 */
import { assertClaimableDomains } from './email-domains';
import { TenantError, rethrowUniqueViolation } from './tenant-error';
import { changeTenant, type ChangeContext } from './update-tenant';
import type { Tenant } from './tenant';

export async function approveEmailDomain(slug: string, domain: string, context: ChangeContext): Promise<Tenant> {
  assertClaimableDomains([domain]);
  try {
    return await changeTenant(slug, 'tenant.domain_verified', { ...context, operator: true }, async (tx, current) => {
      const row = await tx.tenantEmailDomain.findUnique({ where: { tenantId_domain: { tenantId: current.id, domain } } });
      if (row?.verifiedBy === 'operator' && row.verifiedDomain) return null;
      const approved = { verifiedDomain: domain, verifiedAt: new Date(), verifiedBy: 'operator' };
      await tx.tenantEmailDomain.upsert({
        where: { tenantId_domain: { tenantId: current.id, domain } },
        create: { tenantId: current.id, domain, ...approved },
        update: approved,
      });
      return { domain, by: 'operator' };
    }, 'domain_already_approved');
  } catch (error) {
    if (error instanceof TenantError) throw error;
    rethrowUniqueViolation(error, { slug, domains: [domain] });
  }
}

/**
 * The email-domain commands of the tenant CLI: `domains list <slug>` (state and the DNS record to create),
 * `domains approve <slug> <domain>` (operator approval: routes at once), `domains check <slug> <domain>`
 * (DNS now), `domains recheck` (the periodic re-check, e.g. from cron; the app also runs it every hour).
 */
import { getTenantBySlug } from '@/lib/tenants/get-tenant';
import { approveEmailDomain } from '@/lib/tenants/approve-email-domain';
import { checkEmailDomain, recheckEmailDomains } from '@/lib/tenants/check-email-domain';
import { listEmailDomains, verificationRecord } from '@/lib/tenants/email-domains';
import { TenantError } from '@/lib/tenants/tenant-error';
import { emailDomainSchema } from '@/lib/tenants/tenant-schema';

type Out = (human: string, json: unknown) => void;
type Context = { actor: string; requestId: string };

export const DOMAINS_HELP = `  domains list <slug>                 email domains, whether verified, and the DNS TXT record that verifies each
  domains approve <slug> <domain>     operator approval: the domain routes at /login at once (no DNS record needed)
  domains check <slug> <domain>       look the domain's TXT record up now
  domains recheck                     re-check domains not checked for a day (the app also does this hourly)`;

export async function runDomainsCommand(argv: string[], out: Out, context: Context): Promise<number> {
  const [command, slug, rawDomain] = argv;
  if (command === 'recheck') {
    const counts = await recheckEmailDomains();
    out(`Checked ${counts.checked} domains: ${counts.verified} verified, ${counts.unverified} not verified.`, counts);
    return 0;
  }
  const tenant = slug ? await getTenantBySlug(slug) : null;
  if (!tenant) throw slug ? new TenantError('not_found', 'tenant_not_found', { slug }) : new Error(`Usage:\n${DOMAINS_HELP}`);
  const domain = rawDomain === undefined ? undefined : emailDomainSchema.safeParse(rawDomain);
  if (domain && !domain.success) throw new Error(`"${rawDomain}" is not a domain name`);
  switch (command) {
    case 'list': {
      const domains = await listEmailDomains(tenant.id);
      const token = tenant.domainVerificationToken ?? '';
      const rows = domains.map((d) => ({ ...d, record: verificationRecord(d.domain, token) }));
      out(
        rows.length
          ? rows.map((r) => `${r.domain.padEnd(30)} ${r.verified ? `verified (${r.verifiedBy})` : `not verified${r.lastCheckCode ? ` (${r.lastCheckCode})` : ''}`}\n  ${r.record.name} TXT "${r.record.value}"`).join('\n')
          : `No email domains for ${tenant.slug}.`,
        rows,
      );
      return 0;
    }
    case 'approve': {
      if (!domain) throw new Error('Usage: npm run tenant -- domains approve <slug> <domain>');
      await approveEmailDomain(tenant.slug, domain.data, { ...context, operator: true });
      out(`Approved ${domain.data} for ${tenant.slug}: it routes at /login now.`, { slug: tenant.slug, domain: domain.data, verified: true });
      return 0;
    }
    case 'check': {
      if (!domain) throw new Error('Usage: npm run tenant -- domains check <slug> <domain>');
      const result = await checkEmailDomain(tenant.id, domain.data, context);
      out(`${domain.data}: ${result.verified ? 'verified' : 'not verified'} (${result.code})`, result);
      return result.verified ? 0 : 1;
    }
    default:
      throw new Error(`Usage:\n${DOMAINS_HELP}`);
  }
}

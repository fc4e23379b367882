/**
 * A tenant's email domains: claimed by its admins or the operator, routing at /login only once verified —
 * by a DNS TXT record holding the tenant's token (checked on demand and periodically, see
 * check-email-domain.ts) or by operator approval (CLI). Public email domains are never accepted.
 * A verified domain belongs to one tenant (unique `verifiedDomain`); an unverified claim blocks nobody.
 */
import { randomBytes } from 'node:crypto';
import { getDb } from '@/lib/db/client';
import type { Prisma } from '@/lib/generated/prisma/client';
import { isPublicEmailDomain } from './public-email-domains';
import { TenantError } from './tenant-error';

/** The DNS name under the domain that holds the verification record, and the record's value prefix. */
export const VERIFICATION_LABEL = '_oin-saas-verification';
export const VERIFICATION_PREFIX = 'oin-saas-verification=';

export const newDomainVerificationToken = () => randomBytes(18).toString('base64url');

/** What the admin creates in DNS to verify `domain` for the tenant holding `token`. */
export function verificationRecord(domain: string, token: string) {
  return { name: `${VERIFICATION_LABEL}.${domain}`, type: 'TXT' as const, value: `${VERIFICATION_PREFIX}${token}` };
}

export type EmailDomainStatus = {
  domain: string;
  verified: boolean;
  verifiedBy: 'dns' | 'operator' | null;
  verifiedAt: Date | null;
  lastCheckedAt: Date | null;
  /** Outcome of the last DNS check: null (found), record_missing, wrong_value, dns_error, taken. */
  lastCheckCode: string | null;
};

/** Throws `public_domain` for a free-mail or other public domain. */
export function assertClaimableDomains(domains: string[]): void {
  const publicOne = domains.find(isPublicEmailDomain);
  if (publicOne) {
    throw new TenantError('public_domain', 'public_domain', { domain: publicOne });
  }
}

/**
 * Makes `domains` the tenant's claimed domains: removed ones go, kept ones keep their verification, new ones
 * start unverified — or approved when the operator (`approve`) lists them. Approving a domain another tenant
 * verified throws `domain_taken` (from the unique index, mapped by the caller).
 */
export async function replaceEmailDomains(
  tx: Prisma.TransactionClient,
  tenantId: string,
  domains: string[],
  options: { approve: boolean },
): Promise<void> {
  assertClaimableDomains(domains);
  await tx.tenantEmailDomain.deleteMany({ where: { tenantId, domain: { notIn: domains } } });
  const kept = new Set((await tx.tenantEmailDomain.findMany({ where: { tenantId }, select: { domain: true } })).map((d) => d.domain));
  const added = domains.filter((d) => !kept.has(d));
  if (added.length > 0) {
    await tx.tenantEmailDomain.createMany({
      data: added.map((domain) => ({ tenantId, domain, ...(options.approve ? approvedFields(domain) : {}) })),
    });
  }
  if (options.approve) {
    const pending = [...kept].filter((d) => domains.includes(d));
    for (const domain of pending) {
      await tx.tenantEmailDomain.updateMany({ where: { tenantId, domain, verifiedDomain: null }, data: approvedFields(domain) });
    }
  }
}

const approvedFields = (domain: string) => ({ verifiedDomain: domain, verifiedAt: new Date(), verifiedBy: 'operator' });

/** The tenant's domains with their verification state, for the admin page and the CLI. */
export async function listEmailDomains(tenantId: string): Promise<EmailDomainStatus[]> {
  const rows = await getDb().tenantEmailDomain.findMany({ where: { tenantId }, orderBy: { domain: 'asc' } });
  return rows.map((r) => ({
    domain: r.domain,
    verified: r.verifiedDomain !== null,
    verifiedBy: r.verifiedBy === 'dns' || r.verifiedBy === 'operator' ? r.verifiedBy : null,
    verifiedAt: r.verifiedAt,
    lastCheckedAt: r.lastCheckedAt,
    lastCheckCode: r.lastCheckCode,
  }));
}

/**
 * DNS verification of a tenant's email domain: looks up `_oin-saas-verification.<domain>` TXT (through
 * `resolveTxt`, so `DNS_SERVERS` applies) and expects the tenant's token. Found: the domain is verified and
 * routes at /login (unless another tenant verified it first). Gone: a DNS-verified domain stops routing. A DNS
 * failure changes nothing but the recorded outcome. Operator-approved domains are not re-checked.
 * Each change of state writes one audit event (`tenant.domain_verified` / `tenant.domain_unverified`).
 */
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { getDb } from '@/lib/db/client';
import { getLog } from '@/lib/log';
import { verificationRecord } from './email-domains';
import { resolveTxt } from './resolve-txt';
import { TenantError } from './tenant-error';
import type { ChangeContext } from './update-tenant';
import { forgetCachedTenants } from './tenant-cache';

export type DomainCheck = { domain: string; verified: boolean; code: 'verified' | 'approved' | 'record_missing' | 'wrong_value' | 'dns_error' | 'taken' };

export async function checkEmailDomain(tenantId: string, domain: string, context: ChangeContext): Promise<DomainCheck> {
  const db = getDb();
  const row = await db.tenantEmailDomain.findUnique({
    where: { tenantId_domain: { tenantId, domain } },
    include: { tenant: { select: { domainVerificationToken: true } } },
  });
  if (!row) throw new TenantError('not_found', 'domain_unknown', { domain });
  if (row.verifiedBy === 'operator' && row.verifiedDomain) return { domain, verified: true, code: 'approved' };
  const token = row.tenant.domainVerificationToken;
  if (!token) throw new TenantError('invalid', 'no_verification_token');

  const record = verificationRecord(domain, token);
  const lookup = await resolveTxt(record.name);
  const found = lookup.ok && lookup.records.includes(record.value);
  const code: DomainCheck['code'] = found ? 'verified' : lookup.ok ? (lookup.records.length ? 'wrong_value' : 'record_missing') : lookup.code;
  const wasVerified = row.verifiedDomain !== null;
  const where = { tenantId_domain: { tenantId, domain } };
  const { actor, actorUserId, ...audit } = context;
  const event = (type: 'tenant.domain_verified' | 'tenant.domain_unverified', tx: Parameters<typeof recordAuditEvent>[0], why: string) =>
    recordAuditEvent(tx, { ...audit, type, tenantId, actorUserId: actorUserId ?? null, details: { actor, domain, by: 'dns', result: why } });

  if (found) {
    if (wasVerified) {
      await db.tenantEmailDomain.update({ where, data: { lastCheckedAt: new Date(), lastCheckCode: null } });
      return { domain, verified: true, code };
    }
    try {
      await db.$transaction(async (tx) => {
        await tx.tenantEmailDomain.update({
          where,
          data: { verifiedDomain: domain, verifiedAt: new Date(), verifiedBy: 'dns', lastCheckedAt: new Date(), lastCheckCode: null },
        });
        await event('tenant.domain_verified', tx, code);
      });
      forgetCachedTenants();
      return { domain, verified: true, code };
    } catch (error) {
      if ((error as { code?: string }).code !== 'P2002') throw error;
      await db.tenantEmailDomain.update({ where, data: { lastCheckedAt: new Date(), lastCheckCode: 'taken' } });
      return { domain, verified: false, code: 'taken' };
    }
  }
  if (code === 'dns_error' || !wasVerified) {
    await db.tenantEmailDomain.update({ where, data: { lastCheckedAt: new Date(), lastCheckCode: code } });
    return { domain, verified: wasVerified, code };
  }
  await db.$transaction(async (tx) => {
    await tx.tenantEmailDomain.update({
      where,
      data: { verifiedDomain: null, verifiedAt: null, verifiedBy: null, lastCheckedAt: new Date(), lastCheckCode: code },
    });
    await event('tenant.domain_unverified', tx, code);
  });
  forgetCachedTenants();
  return { domain, verified: false, code };
}

/**
 * The periodic re-check: DNS-verified and unverified domains last checked more than `maxAgeMs` ago (oldest
 * first, at most `batch`), so a removed record stops routing and a newly published one starts. Returns counts.
 */
export async function recheckEmailDomains(options: { maxAgeMs?: number; batch?: number } = {}): Promise<{ checked: number; verified: number; unverified: number }> {
  const cutoff = new Date(Date.now() - (options.maxAgeMs ?? 24 * 3600_000));
  const rows = await getDb().tenantEmailDomain.findMany({
    where: {
      OR: [{ verifiedBy: null }, { verifiedBy: 'dns' }],
      AND: [{ OR: [{ lastCheckedAt: null }, { lastCheckedAt: { lt: cutoff } }] }],
    },
    orderBy: { lastCheckedAt: { sort: 'asc', nulls: 'first' } },
    take: options.batch ?? 100,
    select: { tenantId: true, domain: true },
  });
  const counts = { checked: 0, verified: 0, unverified: 0 };
  for (const row of rows) {
    try {
      const result = await checkEmailDomain(row.tenantId, row.domain, { actor: 'domain-recheck', requestId: 'domain-recheck' });
      counts.checked++;
      if (result.verified) counts.verified++;
      else counts.unverified++;
    } catch (error) {
      getLog().warn({ err: error, domain: row.domain }, 'email domain re-check failed');
    }
  }
  return counts;
}

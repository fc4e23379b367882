/**
 * Audit evidence: every consent grant of a tenant (revoked ones included) and every decline, as JSON
 * (`okta-oin-saas/consent-grants@1`: `grants` and `declines`) or CSV (one row each, `decision` = `granted` or
 * `declined`). Caller authorizes and audits the export.
 */
import { stringify } from 'csv-stringify/sync';
import { getDb } from '@/lib/db/client';

export const CONSENT_EXPORT_FORMAT = 'okta-oin-saas/consent-grants@1';

export type ConsentGrantRecord = {
  grantId: string; userSub: string; userEmail: string | null; version: number; scopes: string[];
  grantedAt: string; ip: string | null; userAgent: string | null; revokedAt: string | null;
};

export async function listConsentEvidence(tenantId: string) {
  const db = getDb();
  const [grants, declines] = await Promise.all([
    db.consentGrant.findMany({ where: { tenantId }, orderBy: { grantedAt: 'asc' }, include: { user: { select: { sub: true, email: true } }, version: { select: { version: true } } } }),
    db.consentDecline.findMany({ where: { tenantId }, orderBy: { declinedAt: 'asc' }, include: { version: { select: { version: true } } } }),
  ]);
  return {
    grants: grants.map<ConsentGrantRecord>((g) => ({
      grantId: g.id, userSub: g.user.sub, userEmail: g.user.email, version: g.version.version, scopes: g.scopes,
      grantedAt: g.grantedAt.toISOString(), ip: g.ip, userAgent: g.userAgent, revokedAt: g.revokedAt?.toISOString() ?? null,
    })),
    declines: declines.map((d) => ({ userSub: d.sub, version: d.version.version, declinedAt: d.declinedAt.toISOString() })),
  };
}

export async function exportConsentGrants(tenant: { id: string; slug: string }, format: 'json' | 'csv'): Promise<string> {
  const evidence = await listConsentEvidence(tenant.id);
  if (format === 'json') {
    return JSON.stringify({ format: CONSENT_EXPORT_FORMAT, tenant: tenant.slug, exportedAt: new Date().toISOString(), ...evidence }, null, 2);
  }
  // One row per grant and per refusal, in time order; `decision` tells them apart (as JSON's two lists do).
  const columns = ['decision', 'grantId', 'userSub', 'userEmail', 'version', 'scopes', 'grantedAt', 'ip', 'userAgent', 'revokedAt', 'declinedAt'] as const;
  type Row = Partial<Record<(typeof columns)[number], unknown>> & { at: string };
  const rows: Row[] = [
    ...evidence.grants.map((g) => ({ decision: 'granted', ...g, at: g.grantedAt })),
    ...evidence.declines.map((d) => ({ decision: 'declined', userSub: d.userSub, version: d.version, declinedAt: d.declinedAt, at: d.declinedAt })),
  ].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  // Cells that a spreadsheet would run as a formula are prefixed with a quote (CSV injection).
  const cell = (v: unknown) => {
    const s = Array.isArray(v) ? v.join(' ') : v == null ? '' : String(v);
    return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  };
  return stringify(rows.map((r) => columns.map((c) => cell(r[c]))), { header: true, columns: [...columns] });
}

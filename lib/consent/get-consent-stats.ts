/**
 * Per version: how many people granted (grants not revoked), declined (and hold no grant of that version),
 * and — for the current version — how many are pending: active users of the tenant whose grants do not
 * cover it and who have not declined it. Caller authorizes (tenant admin or operator).
 */
import { getDb } from '@/lib/db/client';
import { getConsentPolicy, grantCovers, type ConsentPolicyView } from './get-consent-policy';

export type ConsentVersionStats = { version: number; title: string; publishedAt: Date; requireReconsent: boolean; granted: number; declined: number; pending: number | null };

export async function getConsentStats(tenantId: string): Promise<{ policy: ConsentPolicyView; versions: ConsentVersionStats[] }> {
  const db = getDb();
  const [policy, versions, grants, declines, users] = await Promise.all([
    getConsentPolicy(db, tenantId),
    db.consentVersion.findMany({ where: { tenantId }, orderBy: { version: 'desc' } }),
    db.consentGrant.findMany({ where: { tenantId, revokedAt: null }, select: { userId: true, versionId: true, scopes: true, revokedAt: true, version: { select: { version: true } }, user: { select: { sub: true } } } }),
    db.consentDecline.findMany({ where: { tenantId }, select: { sub: true, versionId: true } }),
    db.user.findMany({ where: { tenantId, status: 'active' }, select: { id: true, sub: true } }),
  ]);
  const stats = versions.map((v) => {
    const grantedSubs = new Set(grants.filter((g) => g.versionId === v.id).map((g) => g.user.sub));
    const declinedSubs = new Set(declines.filter((d) => d.versionId === v.id && !grantedSubs.has(d.sub)).map((d) => d.sub));
    let pending: number | null = null;
    if (policy.current?.id === v.id) {
      const covered = new Set(grants.filter((g) => grantCovers({ version: g.version.version, scopes: g.scopes, revokedAt: g.revokedAt }, policy)).map((g) => g.userId));
      pending = users.filter((u) => !covered.has(u.id) && !declinedSubs.has(u.sub)).length;
    }
    return { version: v.version, title: v.title, publishedAt: v.publishedAt, requireReconsent: v.requireReconsent, granted: grantedSubs.size, declined: declinedSubs.size, pending };
  });
  return { policy, versions: stats };
}

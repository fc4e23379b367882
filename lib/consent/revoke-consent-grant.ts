/**
 * A user withdraws a consent grant: it is marked revoked (kept as evidence) and every session of that user
 * in that tenant ends at once, in one transaction; the next sign-in asks again. Audited as
 * `consent.revoked`. The caller authorizes: `userId` is the signed-in user of `tenantId`.
 */
import { recordAuditEvent, type AuditContext } from '@/lib/audit/record-audit-event';
import { getDb } from '@/lib/db/client';

export async function revokeConsentGrant(
  input: { tenantId: string; userId: string; grantId: string },
  context: AuditContext,
): Promise<{ revoked: boolean; sessionsEnded: number }> {
  return getDb().$transaction(async (tx) => {
    const { count } = await tx.consentGrant.updateMany({
      where: { id: input.grantId, tenantId: input.tenantId, userId: input.userId, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (count === 0) return { revoked: false, sessionsEnded: 0 };
    const sessions = await tx.session.deleteMany({ where: { tenantId: input.tenantId, userId: input.userId } });
    await recordAuditEvent(tx, {
      ...context,
      type: 'consent.revoked',
      tenantId: input.tenantId,
      actorUserId: input.userId,
      details: { grantId: input.grantId, sessionsEnded: sessions.count },
    });
    return { revoked: true, sessionsEnded: sessions.count };
  });
}

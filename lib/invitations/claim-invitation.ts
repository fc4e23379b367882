/**
 * Using an invitation link: the first "Start" claims it for one browser — the link is then used up, and
 * that browser continues with an onboarding cookie (its token's SHA-256 is `claimHash`). A second use, an
 * expired or a revoked link is refused with the reason. A plain GET of the link only looks, so mail
 * scanners that open links cannot use it up.
 */
import { recordAuditEvent, type AuditContext } from '@/lib/audit/record-audit-event';
import { getDb } from '@/lib/db/client';
import { invitationStatus, type InvitationRefusal } from './invitation-status';
import { hashToken, isTokenShaped, newToken } from './invitation-token';

export type InvitationLookup =
  | { ok: true; id: string; email: string | null; expiresAt: Date }
  | { ok: false; reason: InvitationRefusal; id?: string };

/** What the link is worth, without changing anything. */
export async function lookUpInvitation(token: string): Promise<InvitationLookup> {
  if (!isTokenShaped(token)) return { ok: false, reason: 'unknown' };
  const row = await getDb().tenantInvitation.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!row) return { ok: false, reason: 'unknown' };
  const status = invitationStatus(row);
  if (status === 'open') return { ok: true, id: row.id, email: row.email, expiresAt: row.expiresAt };
  return { ok: false, reason: status === 'in_progress' ? 'used' : status, id: row.id };
}

/** Claims the link atomically; returns the onboarding cookie token, or why the link cannot be used. */
export async function claimInvitation(
  token: string,
  context: AuditContext,
): Promise<{ ok: true; claimToken: string; expiresAt: Date } | { ok: false; reason: InvitationRefusal }> {
  const lookup = await lookUpInvitation(token);
  if (!lookup.ok) return lookup;
  const claimToken = newToken();
  const now = new Date();
  return getDb().$transaction(async (tx) => {
    // Only one concurrent claim can win: the row must still be unused, unrevoked and unexpired.
    const { count } = await tx.tenantInvitation.updateMany({
      where: { id: lookup.id, usedAt: null, revokedAt: null, completedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now, claimHash: hashToken(claimToken) },
    });
    if (count !== 1) return { ok: false as const, reason: 'used' as const };
    await recordAuditEvent(tx, { ...context, type: 'invitation.used', details: { invitationId: lookup.id } });
    return { ok: true as const, claimToken, expiresAt: lookup.expiresAt };
  });
}

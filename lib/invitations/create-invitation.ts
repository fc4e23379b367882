/**
 * An operator's tenant invitation (`npm run tenant -- invite`): a one-time link that expires. The link is
 * returned once and never stored: the database keeps the SHA-256 of its token. Authorized by whoever runs
 * the CLI (an operator with database access).
 */
import { recordAuditEvent, type AuditContext } from '@/lib/audit/record-audit-event';
import { getDb } from '@/lib/db/client';
import { getEnv } from '@/lib/env';
import { hashToken, newToken } from './invitation-token';

export const INVITE_PATH = '/invite';
export const DEFAULT_INVITATION_DAYS = 7;

export type CreatedInvitation = { id: string; link: string; expiresAt: Date; email: string | null };

export async function createInvitation(
  input: { expiresDays?: number; email?: string | null },
  context: AuditContext & { actor: string },
): Promise<CreatedInvitation> {
  const days = input.expiresDays ?? DEFAULT_INVITATION_DAYS;
  if (!Number.isFinite(days) || days <= 0 || days > 90) throw new RangeError('--expires-days must be between 1 and 90');
  const token = newToken();
  const expiresAt = new Date(Date.now() + days * 24 * 3600_000);
  const row = await getDb().$transaction(async (tx) => {
    const created = await tx.tenantInvitation.create({
      data: { tokenHash: hashToken(token), email: input.email ?? null, createdBy: context.actor, expiresAt },
    });
    const { actor, ...audit } = context;
    await recordAuditEvent(tx, {
      ...audit,
      type: 'invitation.created',
      details: { actor, invitationId: created.id, email: created.email, expiresAt: expiresAt.toISOString() },
    });
    return created;
  });
  return { id: row.id, link: `${getEnv().APP_URL}${INVITE_PATH}/${token}`, expiresAt, email: row.email };
}

/** Operator views and revocation of invitations (CLI). Never returns a token: only ids and states. */
import { recordAuditEvent, type AuditContext } from '@/lib/audit/record-audit-event';
import { getDb } from '@/lib/db/client';
import { invitationStatus, type InvitationStatus } from './invitation-status';

export type InvitationView = {
  id: string;
  email: string | null;
  status: InvitationStatus;
  createdBy: string;
  createdAt: Date;
  expiresAt: Date;
  tenantSlug: string | null;
};

export async function listInvitations(): Promise<InvitationView[]> {
  const rows = await getDb().tenantInvitation.findMany({ orderBy: { createdAt: 'desc' }, include: { tenant: { select: { slug: true } } } });
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    status: invitationStatus(r),
    createdBy: r.createdBy,
    createdAt: r.createdAt,
    expiresAt: r.expiresAt,
    tenantSlug: r.tenant?.slug ?? r.slug ?? null,
  }));
}

export class InvitationError extends Error {
  override name = 'InvitationError';
}

/** Revokes an invitation that has not completed; its link (and a wizard started with it) stops working. */
export async function revokeInvitation(id: string, context: AuditContext & { actor: string }): Promise<void> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new InvitationError(`No invitation with id "${id}"`);
  await getDb().$transaction(async (tx) => {
    const row = await tx.tenantInvitation.findUnique({ where: { id } });
    if (!row) throw new InvitationError(`No invitation with id "${id}"`);
    const status = invitationStatus(row);
    if (status === 'completed' || status === 'revoked') throw new InvitationError(`The invitation is already ${status}`);
    await tx.tenantInvitation.update({ where: { id }, data: { revokedAt: new Date() } });
    const { actor, ...audit } = context;
    await recordAuditEvent(tx, { ...audit, type: 'invitation.revoked', tenantId: row.tenantId, details: { actor, invitationId: id, before: status } });
  });
}

/**
 * Tenant users as an admin manages them: deactivate/reactivate (a deactivated user's sessions end at once
 * and sign-in is refused), grant/revoke the admin role. The tenant always keeps at least one active admin,
 * so the last admin cannot remove or deactivate themselves. One audit event per change, with before/after.
 * Callers authorize (runAdminAction); every query is scoped to the caller's tenant.
 */
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { getDb } from '@/lib/db/client';
import type { ChangeContext } from '@/lib/tenants/update-tenant';
import { AdminError } from './admin-error';

export type UserRow = {
  id: string;
  sub: string;
  email: string | null;
  name: string | null;
  role: 'member' | 'admin';
  status: 'active' | 'deactivated';
  createdAt: Date;
  lastLoginAt: Date | null;
};

export async function listUsers(tenantId: string, filter: { role?: 'admin' } = {}): Promise<UserRow[]> {
  return getDb().user.findMany({
    where: { tenantId, ...(filter.role ? { role: filter.role } : {}) },
    select: { id: true, sub: true, email: true, name: true, role: true, status: true, createdAt: true, lastLoginAt: true },
    orderBy: [{ role: 'desc' }, { email: 'asc' }],
    take: 500,
  });
}

type Change = { status?: 'active' | 'deactivated'; role?: 'member' | 'admin' };

/** Applies one change to one user of `tenantId`; throws AdminError for a refused one. */
export async function changeUser(tenantId: string, userId: string, change: Change, context: ChangeContext): Promise<UserRow> {
  return getDb().$transaction(async (tx) => {
    const user = await tx.user.findFirst({ where: { id: userId, tenantId } });
    if (!user) throw new AdminError('No such user in this organization.', { code: 'no_such_user' });
    const removesAdmin =
      user.role === 'admin' && user.status === 'active' && (change.role === 'member' || change.status === 'deactivated');
    if (removesAdmin) {
      const admins = await tx.user.count({ where: { tenantId, role: 'admin', status: 'active' } });
      if (admins <= 1) {
        throw userId === context.actorUserId
          ? new AdminError('You are the last administrator: make someone else an administrator first.', { code: 'last_admin_self' })
          : new AdminError('This is the last administrator of the organization.', { code: 'last_admin' });
      }
    }
    if (change.status === 'deactivated' && userId === context.actorUserId) throw new AdminError('You cannot deactivate yourself.', { code: 'cannot_deactivate_self' });
    const type =
      change.status === 'deactivated' ? 'user.deactivated' : change.status === 'active' ? 'user.reactivated' : change.role === 'admin' ? 'admin.granted' : 'admin.revoked';
    if ((change.status && change.status === user.status) || (change.role && change.role === user.role)) {
      throw new AdminError('Nothing to change.', { code: 'nothing_to_change' });
    }
    const updated = await tx.user.update({ where: { id: user.id }, data: change });
    if (change.status === 'deactivated') await tx.session.deleteMany({ where: { userId: user.id } });
    const { actor, actorUserId, ...audit } = context;
    await recordAuditEvent(tx, {
      ...audit,
      type,
      tenantId,
      actorUserId: actorUserId ?? null,
      details: {
        actor,
        userId: user.id,
        sub: user.sub,
        email: user.email,
        before: { role: user.role, status: user.status },
        after: { role: updated.role, status: updated.status },
      },
    });
    return updated;
  });
}

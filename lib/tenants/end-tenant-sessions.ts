/**
 * Ends everything that lets people of a tenant in: its sessions and its sign-ins waiting on the consent
 * page. Runs in the caller's transaction (a status change away from `active`); returns counts for the
 * change's audit event.
 */
import type { Prisma } from '@/lib/generated/prisma/client';

export async function endTenantSessions(tx: Prisma.TransactionClient, tenantId: string): Promise<{ sessionsEnded: number; pendingSignInsEnded: number }> {
  const sessions = await tx.session.deleteMany({ where: { tenantId } });
  const pending = await tx.pendingSignIn.deleteMany({ where: { tenantId } });
  return { sessionsEnded: sessions.count, pendingSignInsEnded: pending.count };
}

/**
 * Ends every session of the users a Universal Logout subject names, in the given tenants, in one transaction
 * with the token's one-time `jti` and the audit events. Users are matched inside each tenant only, and only
 * those Okta org `issuer` asserted: by (iss, sub), or by the email the tenant stored for them — email serves
 * here to end sessions, never to sign anyone in. Callers have verified the token.
 */
import { recordAuditEvent, type AuditContext } from '@/lib/audit/record-audit-event';
import { getDb } from '@/lib/db/client';
import type { LogoutTenant } from './find-logout-tenants';
import type { LogoutSubject } from './logout-request-schema';

export type EndSessionsResult =
  | { outcome: 'replayed' }
  | { outcome: 'unknown_user' }
  | { outcome: 'done'; users: number; sessionsEnded: number };

export async function endUserSessions(
  input: { tenants: LogoutTenant[]; issuer: string; jti: string; expiresAt: Date; subject: LogoutSubject },
  context: AuditContext,
): Promise<EndSessionsResult> {
  const { tenants, issuer, subject } = input;
  return getDb().$transaction(async (tx) => {
    const fresh = await tx.usedLogoutToken.createMany({ data: [{ issuer, jti: input.jti, expiresAt: input.expiresAt }], skipDuplicates: true });
    if (fresh.count === 0) return { outcome: 'replayed' } as const;

    const who = subject.format === 'iss_sub'
      ? { sub: subject.sub }
      : { email: { equals: subject.email, mode: 'insensitive' as const } };
    const users = await tx.user.findMany({
      where: { tenantId: { in: tenants.map((t) => t.id) }, issuer, ...who },
      select: { id: true, tenantId: true, sub: true },
    });
    if (users.length === 0) return { outcome: 'unknown_user' } as const;

    let sessionsEnded = 0;
    for (const user of users) {
      const { count } = await tx.session.deleteMany({ where: { userId: user.id, tenantId: user.tenantId } });
      // A sign-in waiting on the consent page would otherwise still become a session.
      await tx.pendingSignIn.deleteMany({ where: { tenantId: user.tenantId, sub: user.sub } });
      sessionsEnded += count;
      await recordAuditEvent(tx, {
        ...context,
        type: 'logout.universal',
        tenantId: user.tenantId,
        details: { userId: user.id, format: subject.format, sessionsEnded: count, jti: input.jti.slice(0, 100) },
      });
    }
    return { outcome: 'done', users: users.length, sessionsEnded } as const;
  });
}

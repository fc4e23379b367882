/**
 * Inside `establishSession`'s transaction, for the onboarding wizard's test sign-in only: checks that the
 * invitation sealed in the sign-in transaction is still in progress for this draft tenant, makes the signed-in
 * identity an admin of the tenant (its first), keeps the claims the wizard shows, and marks the tenant's
 * (issuer, client id) proven — from now on (once active) it answers for that issuer at the initiate login URI. A stale invitation
 * (revoked, expired, completed, or for another tenant) refuses the sign-in, and the transaction writes nothing.
 */
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { SignInError } from '@/lib/auth/sign-in-error';
import type { Prisma } from '@/lib/generated/prisma/client';
import { invitationStatus } from '@/lib/invitations/invitation-status';
import type { IdTokenClaims } from '@/lib/oidc/verify-id-token';
import { proveConnection } from '@/lib/tenants/prove-connection';
import type { Tenant } from '@/lib/tenants/tenant';

export type TestSignInClaims = { sub: string; email: string | null; name: string | null; iss: string };

export async function recordOnboardingTestSignIn(
  tx: Prisma.TransactionClient,
  input: { invitationId: string; tenant: Tenant; userId: string; claims: IdTokenClaims },
): Promise<void> {
  const { invitationId, tenant, userId, claims } = input;
  const invitation = await tx.tenantInvitation.findUnique({ where: { id: invitationId } });
  if (!invitation || invitation.tenantId !== tenant.id || invitationStatus(invitation) !== 'in_progress') {
    throw new SignInError('tenant_not_active', 'Onboarding test sign-in without a live invitation', { invitationId });
  }
  const seen: TestSignInClaims = {
    sub: claims.sub,
    email: typeof claims.email === 'string' ? claims.email : null,
    name: typeof claims.name === 'string' ? claims.name : null,
    iss: claims.iss,
  };
  const before = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { role: true } });
  await tx.user.update({ where: { id: userId }, data: { role: 'admin' } });
  await tx.tenantInvitation.update({ where: { id: invitationId }, data: { testedAt: new Date(), testClaims: seen } });
  await proveConnection(tx, { tenantId: tenant.id, connection: { issuer: tenant.issuer, clientId: tenant.clientId }, actorUserId: userId, by: 'test_sign_in' });
  await recordAuditEvent(tx, {
    type: 'admin.granted',
    tenantId: tenant.id,
    actorUserId: userId,
    details: { userId, sub: seen.sub, reason: 'onboarding_test_sign_in', before: { role: before.role }, after: { role: 'admin' } },
  });
}

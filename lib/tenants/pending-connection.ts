/**
 * Changing a live tenant's Okta connection without trusting the change: a changed issuer or client ID from the
 * admin connection page becomes the *pending* connection; the live one keeps signing people in. An admin then
 * runs a test sign-in through the pending connection (flow `connection_test`); when the code exchange with the
 * tenant's credentials and the ID token check succeed, it replaces the live one and is proven
 * (`proveConnection`). Until then it takes part in nothing.
 */
import { idTokenUseKey } from '@/lib/auth/id-token-use';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { getDb } from '@/lib/db/client';
import { getEnv } from '@/lib/env';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { IdTokenClaims } from '@/lib/oidc/verify-id-token';
import { assertConnectionFree, proveConnection, type Connection } from './prove-connection';
import { forgetCachedTenants } from './tenant-cache';
import { TenantError } from './tenant-error';
import { changeTenant, type ChangeContext } from './update-tenant';
import type { Tenant } from './tenant';

/** Sets (or, when `connection` is the live one, clears) the pending connection; one audit event. */
export async function setPendingConnection(slug: string, connection: Connection, context: ChangeContext): Promise<Tenant> {
  return changeTenant(slug, 'tenant.connection_pending', context, async (tx, current) => {
    const live = connection.issuer === current.issuer && connection.clientId === current.clientId;
    const same = current.pendingConnection?.issuer === connection.issuer && current.pendingConnection.clientId === connection.clientId;
    if (live && !current.pendingConnection) return null;
    if (same) return null;
    if (!live) await assertConnectionFree(tx, current.id, connection);
    await tx.tenant.update({
      where: { id: current.id },
      data: live
        ? { pendingIssuer: null, pendingClientId: null, pendingSince: null }
        : { pendingIssuer: connection.issuer, pendingClientId: connection.clientId, pendingSince: new Date() },
    });
    return { pending: live ? null : connection };
  }, 'connection_unchanged');
}

/** Drops the pending connection; one audit event. */
export async function discardPendingConnection(slug: string, context: ChangeContext): Promise<Tenant> {
  return changeTenant(slug, 'tenant.connection_pending', context, async (tx, current) => {
    if (!current.pendingConnection) return null;
    await tx.tenant.update({ where: { id: current.id }, data: { pendingIssuer: null, pendingClientId: null, pendingSince: null } });
    return { pending: null, discarded: { issuer: current.pendingConnection.issuer, clientId: current.pendingConnection.clientId } };
  }, 'no_pending_connection');
}

/**
 * The outcome of a successful connection test sign-in: not a session (the admin keeps theirs), a way back
 * to the connection page. Thrown like `ConsentRequired`, answered by the sign-in routes' one failure mapper.
 */
export class ConnectionTested {
  constructor(readonly tenantSlug: string) {}
  get landing() {
    return `/t/${encodeURIComponent(this.tenantSlug)}/admin/connection?tested=1`;
  }
}

/**
 * At the callback of flow `connection_test`, after the code was redeemed with the tenant's credentials for
 * `connection.clientId` and the ID token verified against `connection.issuer`: the admin who started it must
 * still be an active admin of the tenant and the pending connection unchanged; then the pending connection
 * becomes the live, proven one. Throws `ConnectionTested` (success) or `TenantError`.
 */
export async function finishConnectionTest(input: {
  tenant: Tenant;
  connection: Connection & { actorUserId: string };
  claims: IdTokenClaims;
  /** The ID token of the test sign-in: recorded as used, like every token of a sign-in (lib/auth/id-token-use.ts). */
  idToken: string;
  context: { requestId?: string; ip?: string | null; userAgent?: string | null };
}): Promise<never> {
  const { tenant, connection, claims } = input;
  const pending = tenant.pendingConnection;
  if (!pending || pending.issuer !== connection.issuer || pending.clientId !== connection.clientId || claims.iss !== connection.issuer) {
    throw new TenantError('invalid', 'pending_changed');
  }
  await getDb().$transaction(async (tx) => {
    // Single use: this token must never open a session later through another flow (e.g. an Okta Simplified POST).
    await tx.usedIdToken.create({
      data: { issuer: claims.iss, jti: idTokenUseKey(input.idToken, claims.jti), expiresAt: new Date((claims.exp + getEnv().CLOCK_SKEW_SECONDS) * 1000) },
    });
    const admin = await tx.user.findFirst({ where: { id: connection.actorUserId, tenantId: tenant.id, role: 'admin', status: 'active' } });
    if (!admin) throw new TenantError('invalid', 'prover_not_admin');
    await proveConnection(tx, {
      tenantId: tenant.id,
      connection: { issuer: connection.issuer, clientId: connection.clientId },
      actorUserId: admin.id,
      by: 'test_sign_in',
      context: input.context,
    });
    // A new issuer means new identities (users are (tenant, iss, sub)): the person who proved it administers the
    // tenant under it, as the wizard's test sign-in does, so the organization is never left without an admin.
    if (connection.issuer !== tenant.issuer) await grantAdminToTester(tx, tenant.id, claims, admin.id, input.context);
  });
  forgetCachedTenants();
  throw new ConnectionTested(tenant.slug);
}

async function grantAdminToTester(
  tx: Prisma.TransactionClient,
  tenantId: string,
  claims: IdTokenClaims,
  grantedBy: string,
  context: { requestId?: string; ip?: string | null; userAgent?: string | null },
) {
  const user = await tx.user.upsert({
    where: { tenantId_issuer_sub: { tenantId, issuer: claims.iss, sub: claims.sub } },
    create: { tenantId, issuer: claims.iss, sub: claims.sub, role: 'admin' },
    update: { role: 'admin' },
  });
  await recordAuditEvent(tx, {
    ...context,
    type: 'admin.granted',
    tenantId,
    actorUserId: grantedBy,
    details: { userId: user.id, sub: claims.sub, reason: 'connection_test_sign_in', after: { role: 'admin' } },
  });
}

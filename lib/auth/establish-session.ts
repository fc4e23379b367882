/**
 * The one way to a session, for all three ways in (SP-initiated, Okta tile redirect, Okta Simplified
 * POST). Takes a tenant and claims that were already verified, runs the gates, provisions the user just in
 * time as (tenant, sub) — never by email — and creates the session, all in one database transaction. A
 * gate that says no throws `SignInError`; nothing is written then (the caller records the refusal).
 *
 * Gates, in order: tenant active; Okta Simplified `jti` not seen before (kept until the token's `exp`);
 * user not deactivated by a tenant admin. Per-tenant rate limits and consent plug in here.
 */
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { getDb } from '@/lib/db/client';
import { getEnv } from '@/lib/env';
import type { RequestContext } from '@/lib/http/request-context';
import type { IdTokenClaims } from '@/lib/oidc/verify-id-token';
import type { Tenant } from '@/lib/tenants/tenant';
import { SignInError } from './sign-in-error';
import { createSession } from './session-store';
import type { SignInFlow } from './sign-in-transaction';

export type EstablishSessionInput = {
  tenant: Tenant;
  claims: IdTokenClaims;
  idToken: string;
  flow: SignInFlow;
  returnTo: string | null;
  context: RequestContext;
  /** Okta Simplified: the token's `jti`, accepted once. */
  oneTimeJti?: string;
};

export type EstablishedSession = { token: string; expiresAt: Date; userId: string; landing: string };

export async function establishSession(input: EstablishSessionInput): Promise<EstablishedSession> {
  const { tenant, claims, context } = input;
  if (tenant.status !== 'active') throw new SignInError('tenant_not_active', `Tenant ${tenant.slug} is ${tenant.status}`);
  if (claims.iss !== tenant.issuer) throw new SignInError('verification_failed', 'Claims are not from the tenant issuer');

  const profile = {
    email: typeof claims.email === 'string' ? claims.email.slice(0, 320) : null,
    name: typeof claims.name === 'string' ? claims.name.slice(0, 200) : null,
  };
  const env = getEnv();
  try {
    return await getDb().$transaction(async (tx) => {
      if (input.oneTimeJti) {
        await tx.usedIdToken.create({
          data: { issuer: claims.iss, jti: input.oneTimeJti, expiresAt: new Date(claims.exp * 1000) },
        });
      }
      const user = await tx.user.upsert({
        where: { tenantId_sub: { tenantId: tenant.id, sub: claims.sub } },
        create: { tenantId: tenant.id, issuer: claims.iss, sub: claims.sub, ...profile, lastLoginAt: new Date() },
        update: { ...profile, issuer: claims.iss, lastLoginAt: new Date() },
        select: { id: true, status: true },
      });
      if (user.status !== 'active') throw new SignInError('user_deactivated', 'User is deactivated in this tenant');
      const session = await createSession(tx, {
        tenantId: tenant.id,
        userId: user.id,
        flow: input.flow,
        idToken: input.idToken,
        ttlHours: env.SESSION_TTL_HOURS,
        ip: context.ip,
        userAgent: context.userAgent,
      });
      await recordAuditEvent(tx, {
        ...context,
        type: 'signin.succeeded',
        tenantId: tenant.id,
        actorUserId: user.id,
        details: { flow: input.flow, sub: claims.sub, idp: claims.idp, amr: claims.amr },
      });
      return { ...session, userId: user.id, landing: input.returnTo ?? `/t/${tenant.slug}` };
    });
  } catch (error) {
    if ((error as { code?: string }).code === 'P2002' && input.oneTimeJti) {
      throw new SignInError('replayed_token', 'ID token jti already used', { jti: input.oneTimeJti });
    }
    throw error;
  }
}

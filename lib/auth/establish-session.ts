/**
 * The one way to a session, for all three ways in (SP-initiated, Okta tile redirect, Okta Simplified
 * POST). Takes a tenant and claims that were already verified, runs the gates, provisions the user just in
 * time as (tenant, iss, sub) — never by email — and creates the session, all in one database transaction. A
 * gate that says no throws `SignInError`; nothing is written then (the caller records the refusal).
 *
 * Gates, in order: tenant active; the ID token not seen before, in any flow (`(iss, jti)`, or a hash of a
 * token without `jti`, recorded until the token's `exp` — lib/auth/id-token-use.ts; a sign-in coming back
 * from the consent page was recorded when it was parked, and its pending row is single-use);
 * the tenant's own user consent (lib/consent/run-consent-gate.ts: without a covering grant it parks the sign-in
 * and throws `ConsentRequired` once that is committed; accepting comes back here with `grantConsent`, so the
 * grant and the session are written together); user not deactivated by a tenant admin. The user row keeps
 * only the claims of the consented (or, without consent, the tenant's) scopes. Per-tenant rate limits run
 * earlier, as soon as the tenant is known and before Okta is called (lib/rate-limit/sign-in-gates.ts), so a
 * flood never spends the customer's Okta budget.
 */
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { getDb } from '@/lib/db/client';
import { getEnv } from '@/lib/env';
import { profileForScopes } from '@/lib/consent/consent-scopes';
import { ConsentRequired } from '@/lib/consent/consent-required';
import { runConsentGate, type GrantConsent } from '@/lib/consent/run-consent-gate';
import type { RequestContext } from '@/lib/http/request-context';
import { recordOnboardingTestSignIn } from '@/lib/onboarding/record-test-sign-in';
import type { IdTokenClaims } from '@/lib/oidc/verify-id-token';
import type { Tenant } from '@/lib/tenants/tenant';
import { SignInError } from './sign-in-error';
import { idTokenUseKey } from './id-token-use';
import { createSession } from './session-store';
import type { SignInFlow } from './sign-in-transaction';

export type EstablishSessionInput = {
  tenant: Tenant;
  claims: IdTokenClaims;
  idToken: string;
  flow: SignInFlow;
  returnTo: string | null;
  context: RequestContext;
  /** Accepting on the consent page: writes the grant in the session's transaction. */
  grantConsent?: GrantConsent;
  /**
   * The onboarding wizard's test sign-in (flow `onboarding_test`, sealed in the transaction with its
   * invitation): lets a draft tenant through for this one sign-in and makes the identity its first admin.
   */
  onboarding?: { invitationId: string };
};

export type EstablishedSession = { token: string; expiresAt: Date; userId: string; landing: string };

export async function establishSession(input: EstablishSessionInput): Promise<EstablishedSession> {
  const { tenant, claims, context } = input;
  const onboardingTest = input.flow === 'onboarding_test' && input.onboarding ? input.onboarding : null;
  if (tenant.status !== 'active' && !(onboardingTest && tenant.status === 'draft')) {
    throw new SignInError('tenant_not_active', `Tenant ${tenant.slug} is ${tenant.status}`);
  }
  if (claims.iss !== tenant.issuer) throw new SignInError('verification_failed', 'Claims are not from the tenant issuer');

  const env = getEnv();
  const useKey = input.grantConsent ? null : idTokenUseKey(input.idToken, claims.jti);
  // Expired rows are purged in the background (purge-used-id-tokens.ts), not on a sign-in's path.
  try {
    const result = await getDb().$transaction(async (tx) => {
      if (useKey) {
        await tx.usedIdToken.create({
          data: { issuer: claims.iss, jti: useKey, expiresAt: new Date((claims.exp + env.CLOCK_SKEW_SECONDS) * 1000) },
        });
      }
      const consent = await runConsentGate(tx, input);
      if (consent instanceof ConsentRequired) return consent;
      const profile = profileForScopes(claims, consent.keepScopes);
      const user = await tx.user.upsert({
        // (tenant, iss, sub): if a tenant ever moves to another IdP, its users there are new users, so
        // nobody at the new IdP can take over an old account whose `sub` happens to match.
        where: { tenantId_issuer_sub: { tenantId: tenant.id, issuer: claims.iss, sub: claims.sub } },
        create: { tenantId: tenant.id, issuer: claims.iss, sub: claims.sub, ...profile, lastLoginAt: new Date() },
        update: { ...profile, lastLoginAt: new Date() },
        select: { id: true, status: true },
      });
      if (user.status !== 'active') throw new SignInError('user_deactivated', 'User is deactivated in this tenant');
      if (onboardingTest) await recordOnboardingTestSignIn(tx, { ...onboardingTest, tenant, userId: user.id, claims });
      await consent.recordGrant?.(user.id);
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
    if (result instanceof ConsentRequired) throw result;
    return result;
  } catch (error) {
    const e = error as { code?: string; meta?: { modelName?: string } };
    if (e.code === 'P2002' && e.meta?.modelName === 'UsedIdToken' && useKey) {
      throw new SignInError('replayed_token', 'ID token already used', { jti: useKey.slice(0, 100), flow: input.flow });
    }
    throw error;
  }
}

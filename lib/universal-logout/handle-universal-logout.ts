/**
 * Okta's Universal Logout with Global Token Revocation: the request at `UNIVERSAL_LOGOUT_PATH` asks the app to
 * end every session of one user. The order is the guide's: authenticate the request (the Okta org's signed JWT)
 * before reading what it asks, then find the user, then end the sessions.
 *
 *  1. per-address cap (before any work);
 *  2. `Authorization: Bearer <JWT>`; its `iss` must be the Okta org of an active tenant;
 *  3. signature with that org's keys (JWKS from the per-issuer cache), `typ`, `aud` = this endpoint, times, `jti`;
 *  4. the app instance: token `sub` = a tenant's client id (when absent, every tenant of that org);
 *  5. per-tenant cap, counted only now that the org signed the request;
 *  6. body (byte cap, one subject, `iss_sub` naming this same org, or `email`);
 *  7. one transaction: `jti` once, the user(s) in those tenants, their sessions deleted, an audit event each.
 *
 * Authorization is the org's signature: an org can only log out its own users from its own tenants.
 */
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { getDb } from '@/lib/db/client';
import { getEnv } from '@/lib/env';
import type { RequestContext } from '@/lib/http/request-context';
import { getIdpRuntime } from '@/lib/idp/idp-runtime';
import { getLog } from '@/lib/log';
import { enforceRateLimit } from '@/lib/rate-limit/consume';
import { UNIVERSAL_LOGOUT_PATH } from '@/lib/oin/oin-values';
import { endUserSessions } from './end-user-sessions';
import { findLogoutTenantsByIssuer, type LogoutTenant } from './find-logout-tenants';
import { parseLogoutRequest, readCappedBody } from './logout-request-schema';
import { UniversalLogoutError } from './universal-logout-error';
import { peekLogoutTokenIssuer, verifyLogoutToken } from './verify-logout-token';

export type UniversalLogoutOutcome = { tenants: string[]; users: number; sessionsEnded: number };

/** Throws `UniversalLogoutError` (refusals, already audited) or `RateLimitedError`. */
export async function handleUniversalLogout(request: Request, context: RequestContext): Promise<UniversalLogoutOutcome> {
  let tenants: LogoutTenant[] = [];
  try {
    await enforceRateLimit('logout.universal.ip', { ip: context.ip }, context);
    const auth = request.headers.get('authorization') ?? '';
    const match = /^Bearer ([^\s]+)$/i.exec(auth.trim());
    if (!match) throw new UniversalLogoutError('missing_token', 'Expected Authorization: Bearer <signed JWT>');
    const token = match[1]!;
    const issuer = peekLogoutTokenIssuer(token);

    const orgTenants = await findLogoutTenantsByIssuer(issuer);
    if (orgTenants.length === 0) throw new UniversalLogoutError('unknown_issuer', 'No active tenant uses this issuer', { iss: issuer.slice(0, 200) });

    const env = getEnv();
    const { cache } = getIdpRuntime();
    const claims = await verifyLogoutToken(token, {
      issuer,
      audience: universalLogoutUrl(env.APP_URL),
      clockSkewSeconds: env.CLOCK_SKEW_SECONDS,
      now: new Date(),
      getKey: (header) => cache.getKey(issuer, header),
    });
    tenants = claims.sub === undefined ? orgTenants : orgTenants.filter((t) => t.clientId === claims.sub);
    if (tenants.length === 0) {
      tenants = orgTenants;
      throw new UniversalLogoutError('foreign_token', 'The token is for an app instance that is not ours', { sub: claims.sub?.slice(0, 100) });
    }
    for (const tenant of tenants) await enforceRateLimit('logout.universal.tenant', { tenant }, context);

    const subject = parseLogoutRequest(await readCappedBody(request));
    if (subject.format === 'iss_sub' && subject.iss !== issuer) {
      throw new UniversalLogoutError('foreign_token', "The subject belongs to another issuer than the token's", { subjectIss: subject.iss.slice(0, 200) });
    }

    // Rows of expired tokens are useless (those tokens fail `exp`): purge as we go; the index keeps it cheap.
    await getDb().usedLogoutToken.deleteMany({ where: { expiresAt: { lt: new Date(Date.now() - env.CLOCK_SKEW_SECONDS * 1000) } } });
    const result = await endUserSessions(
      { tenants, issuer, jti: claims.jti, expiresAt: new Date((claims.exp + env.CLOCK_SKEW_SECONDS) * 1000), subject },
      context,
    );
    if (result.outcome === 'replayed') throw new UniversalLogoutError('replayed_token', 'This token was used before', { jti: claims.jti.slice(0, 100) });
    if (result.outcome === 'unknown_user') throw new UniversalLogoutError('unknown_user', 'No user of the tenant matches the subject', { format: subject.format });
    return { tenants: tenants.map((t) => t.slug), users: result.users, sessionsEnded: result.sessionsEnded };
  } catch (error) {
    if (error instanceof UniversalLogoutError) await auditRefusal(error, tenants, context);
    throw error;
  }
}

/** The endpoint's absolute URL: what Okta puts in `aud`, and what the OIN values list. */
export function universalLogoutUrl(appUrl: string): string {
  return `${appUrl.replace(/\/+$/, '')}${UNIVERSAL_LOGOUT_PATH}`;
}

async function auditRefusal(error: UniversalLogoutError, tenants: LogoutTenant[], context: RequestContext): Promise<void> {
  getLog().warn({ code: error.code, details: error.details, requestId: context.requestId }, 'universal logout refused');
  const targets = tenants.length ? tenants.map((t) => t.id) : [null];
  for (const tenantId of targets) {
    await recordAuditEvent(getDb(), {
      ...context,
      type: 'logout.universal_refused',
      tenantId,
      code: error.code,
      details: { reason: error.message, ...error.details },
    });
  }
}

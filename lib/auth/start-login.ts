/**
 * The /login page's sign-in start, for its server action: the same lookup, limits, audit and log as
 * `POST /api/auth/signin` (findTenantForLogin, startSignIn, the sign-in failure audit), but answering a result
 * the page shows under its field instead of an error page. Nothing more is revealed than the route reveals:
 * "not found" for an unknown organization or an email domain that routes nowhere, "not active" for a draft or
 * suspended one, as the route's 404 and 403 pages say today.
 */
import { getEnv } from '@/lib/env';
import type { RequestContext } from '@/lib/http/request-context';
import { getLog } from '@/lib/log';
import { parseReturnTarget } from '@/lib/oidc/return-target';
import { isRateLimitedError } from '@/lib/rate-limit/rate-limited-error';
import { countUnknownLookup } from '@/lib/rate-limit/sign-in-gates';
import { findTenantForLogin } from './find-tenant-for-login';
import { recordSignInFailure } from './record-sign-in-failure';
import { classifySignInError, SignInError, type SignInErrorCode } from './sign-in-error';
import { startSignIn } from './start-sign-in';

export type LoginRefusal =
  | { reason: 'unknown_tenant' | 'tenant_not_active'; code: SignInErrorCode }
  /** Our own limits: too many unknown organizations or sign-ins from this address, or the tenant's own limit. */
  | { reason: 'rate_limited'; code: 'rate_limited'; retryAfterSeconds: number; tenantName?: string; limit: number; windowSeconds: number }
  /** The organization's Okta asked us to slow down (its token endpoint is paused). */
  | { reason: 'idp_rate_limited'; code: 'idp_rate_limited'; retryAfterSeconds?: number }
  /** Anything else (Okta unreachable, configuration fault): the code and request id for support. */
  | { reason: 'failed'; code: SignInErrorCode };

export type LoginStart =
  | { ok: true; authorizeUrl: string; sealedTransaction: string }
  | ({ ok: false; requestId: string } & LoginRefusal);

/** Finds the tenant for what was typed (slug or work email) and starts its sign-in; never throws. */
export async function startLogin(input: { org: string; returnTo?: string | null }, context: RequestContext): Promise<LoginStart> {
  const attempt: { tenantId?: string; tenantSlug?: string } = {};
  try {
    const org = input.org.trim();
    if (org.length === 0 || org.length > 320) throw new SignInError('unknown_tenant', 'Empty or malformed organization');
    const { tenant, loginHint } = await findTenantForLogin(org, context);
    attempt.tenantId = tenant.id;
    attempt.tenantSlug = tenant.slug;
    const target = parseReturnTarget(input.returnTo, getEnv().APP_URL);
    const returnTo = target.ok && target.path.startsWith(`/t/${tenant.slug}`) ? target.path : null;
    const { authorizeUrl, sealedTransaction } = await startSignIn({ tenant, flow: 'sp', loginHint, returnTo, context });
    return { ok: true, authorizeUrl, sealedTransaction };
  } catch (error) {
    return { ok: false, requestId: context.requestId, ...(await refuse(error, context, attempt)) };
  }
}

/** The side effects of lib/auth/sign-in-failure.ts (log, unknown-lookup count, audit), without its page. */
async function refuse(error: unknown, context: RequestContext, attempt: { tenantId?: string; tenantSlug?: string }): Promise<LoginRefusal> {
  const log = getLog();
  if (isRateLimitedError(error)) {
    // The limiter already aggregated the refusal into the audit trail (lib/rate-limit/record-refusal.ts).
    log.warn({ policy: error.policy, tenant: attempt.tenantSlug, requestId: context.requestId }, 'sign-in rate-limited');
    return {
      reason: 'rate_limited', code: 'rate_limited', retryAfterSeconds: error.retryAfterSeconds,
      limit: error.limit, windowSeconds: error.windowSeconds, ...(error.keyKind === 'tenant' && error.tenantName ? { tenantName: error.tenantName } : {}),
    };
  }
  const { code, detail, details } = classifySignInError(error);
  if (code === 'internal_error') log.error({ err: error, requestId: context.requestId }, 'sign-in failed unexpectedly');
  else log.warn({ code, detail, details, tenant: attempt.tenantSlug, requestId: context.requestId }, 'sign-in refused');
  if (code === 'unknown_tenant') await countUnknownLookup(context).catch((e: unknown) => log.error({ err: e }, 'could not count the unknown lookup'));
  await recordSignInFailure(
    { tenantId: attempt.tenantId ?? null, detail, shownCode: code, details: { ...details, flow: 'sp', shownCode: code } },
    context,
  );
  if (code === 'unknown_tenant' || code === 'tenant_not_active') return { reason: code, code };
  if (code === 'idp_rate_limited') {
    const reset = Number(details?.reset);
    const retryAfterSeconds = Number.isFinite(reset) && reset > 0 ? Math.max(1, Math.ceil(reset - Date.now() / 1000)) : undefined;
    return { reason: 'idp_rate_limited', code, ...(retryAfterSeconds ? { retryAfterSeconds } : {}) };
  }
  return { reason: 'failed', code };
}

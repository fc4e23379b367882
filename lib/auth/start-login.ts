/**
 * The /login page's sign-in start, for its server action: the same lookup, limits, audit and log as
 * `POST /api/auth/signin` (findTenantForLogin, startSignIn, recordSignInRefusal), but answering a result
 * the page shows under its field instead of an error page. Nothing more is revealed than the route reveals:
 * "not found" for an unknown organization or an email domain that routes nowhere, "not active" for a draft or
 * suspended one, as the route's 404 and 403 pages say today.
 */
import { getEnv } from '@/lib/env';
import type { RequestContext } from '@/lib/http/request-context';
import { parseReturnTarget } from '@/lib/oidc/return-target';
import { findTenantForLogin } from './find-tenant-for-login';
import { recordSignInRefusal } from './record-sign-in-refusal';
import { SignInError, type SignInErrorCode } from './sign-in-error';
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

/** The side effects of every refused sign-in (record-sign-in-refusal.ts, as the routes' error page), then the page's answer. */
async function refuse(error: unknown, context: RequestContext, attempt: { tenantId?: string; tenantSlug?: string }): Promise<LoginRefusal> {
  const refusal = await recordSignInRefusal(error, context, { ...attempt, flow: 'sp' });
  if (refusal.rateLimited) {
    const limited = refusal.rateLimited;
    return {
      reason: 'rate_limited', code: 'rate_limited', retryAfterSeconds: limited.retryAfterSeconds,
      limit: limited.limit, windowSeconds: limited.windowSeconds, ...(limited.keyKind === 'tenant' && limited.tenantName ? { tenantName: limited.tenantName } : {}),
    };
  }
  const { code, retryAfterSeconds } = refusal;
  if (code === 'unknown_tenant' || code === 'tenant_not_active') return { reason: code, code };
  if (code === 'idp_rate_limited') return { reason: 'idp_rate_limited', code, ...(retryAfterSeconds ? { retryAfterSeconds } : {}) };
  return { reason: 'failed', code };
}

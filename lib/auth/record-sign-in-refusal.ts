/**
 * The side effects of a refused sign-in, in one place for both answers: the routes' error page
 * (sign-in-failure.ts) and the /login page's server action (start-login.ts), so the two cannot drift.
 * Logs the refusal; for a rate-limited one nothing more (the limiter already aggregated it into the audit
 * trail, lib/rate-limit/record-refusal.ts); otherwise counts an unknown organization or issuer against
 * `signin.unknown.ip` and writes (or aggregates) the `signin.failed` audit event. Never throws.
 */
import type { RequestContext } from '@/lib/http/request-context';
import { getLog } from '@/lib/log';
import { isRateLimitedError, type RateLimitedError } from '@/lib/rate-limit/rate-limited-error';
import { countUnknownLookup } from '@/lib/rate-limit/sign-in-gates';
import { recordSignInFailure } from './record-sign-in-failure';
import { classifySignInError, type SignInErrorCode } from './sign-in-error';

export type SignInAttempt = { tenantId?: string; tenantSlug?: string; flow?: string };

export type RecordedSignInRefusal =
  | { rateLimited: RateLimitedError }
  | {
      rateLimited?: undefined;
      /** The code shown to the person. */
      code: SignInErrorCode;
      /** The precise protocol code (the audit row's `code`) and its details, for the log and the audit trail. */
      detail: string;
      details: Record<string, unknown> | undefined;
      /** For `idp_rate_limited`: seconds until the organization's Okta takes requests again, when it said so. */
      retryAfterSeconds?: number;
    };

/** Records one refused sign-in (log, unknown-lookup count, audit) and says how to answer it. */
export async function recordSignInRefusal(error: unknown, context: RequestContext, attempt: SignInAttempt): Promise<RecordedSignInRefusal> {
  const log = getLog();
  if (isRateLimitedError(error)) {
    log.warn({ policy: error.policy, tenant: attempt.tenantSlug, requestId: context.requestId }, 'sign-in rate-limited');
    return { rateLimited: error };
  }
  const { code, detail, details } = classifySignInError(error);
  if (code === 'internal_error') log.error({ err: error, requestId: context.requestId }, 'sign-in failed unexpectedly');
  else log.warn({ code, detail, details, tenant: attempt.tenantSlug, requestId: context.requestId }, 'sign-in refused');
  if (code === 'unknown_issuer' || code === 'unknown_tenant') {
    await countUnknownLookup(context).catch((e: unknown) => log.error({ err: e }, 'could not count the unknown lookup'));
  }
  // Floods of anonymous failures are aggregated (record-sign-in-failure.ts), not a row per request.
  await recordSignInFailure(
    { tenantId: attempt.tenantId ?? null, detail, shownCode: code, details: { ...details, flow: attempt.flow, shownCode: code } },
    context,
  );
  const retryAfterSeconds = code === 'idp_rate_limited' ? secondsUntil(details?.reset) : undefined;
  return { code, detail, details, ...(retryAfterSeconds ? { retryAfterSeconds } : {}) };
}

function secondsUntil(reset: unknown): number | undefined {
  const at = Number(reset);
  if (!Number.isFinite(at) || at <= 0) return undefined;
  return Math.max(1, Math.ceil(at - Date.now() / 1000));
}

/**
 * A request refused by one of our own rate-limit policies. The sign-in failure mapper turns it into a 429
 * page (or JSON) with `Retry-After`, `RateLimit-Policy` and `RateLimit`; other callers map it the same way
 * through {@link rateLimitHeaders}.
 */
import type { PolicyKeyKind, PolicyName } from './policies';

export class RateLimitedError extends Error {
  override name = 'RateLimitedError';
  constructor(
    readonly policy: PolicyName,
    readonly keyKind: PolicyKeyKind,
    readonly limit: number,
    readonly windowSeconds: number,
    readonly retryAfterSeconds: number,
    /** The tenant's display name when the limit is the tenant's: pages speak of it by name. */
    readonly tenantName?: string,
  ) {
    super(`Rate limit ${policy} exceeded (${limit} per ${windowSeconds} s)`);
  }
}

/** Structural check, so a copy of this class from another route bundle is recognised too. */
export function isRateLimitedError(error: unknown): error is RateLimitedError {
  return error instanceof RateLimitedError || (error instanceof Error && error.name === 'RateLimitedError' && 'policy' in error && 'retryAfterSeconds' in error);
}

/** `Retry-After` plus the IETF RateLimit header fields (draft-ietf-httpapi-ratelimit-headers). */
export function rateLimitHeaders(error: RateLimitedError): Record<string, string> {
  const name = JSON.stringify(error.policy);
  return {
    'retry-after': String(error.retryAfterSeconds),
    'ratelimit-policy': `${name};q=${error.limit};w=${error.windowSeconds}`,
    ratelimit: `${name};r=0;t=${error.retryAfterSeconds}`,
  };
}

/**
 * Okta's own rate limits, as the app sees them: every answer's `X-Rate-Limit-Limit/-Remaining/-Reset` is
 * kept per tenant and endpoint (in the database, so every instance knows). After a 429 the tenant's calls to
 * that endpoint pause until Okta's reset: the app refuses at once with `idp_rate_limited` (the "busy" page
 * with "try again in N s") and sends nothing to the org meanwhile. When fewer than {@link LOW_FRACTION} of
 * the bucket remain, each call waits its share of the time left to the reset (at most {@link MAX_SELF_DELAY_MS}),
 * and with nothing left it pauses as after a 429. Discovery and JWKS are not counted: they come from the
 * per-instance issuer cache, never once per sign-in, and Okta does not limit them.
 */
import { getDb } from '@/lib/db/client';
import { isOidcError, OidcError } from '@/lib/oidc/errors';
import type { RateLimitSnapshot } from '@/lib/oidc/rate-limit-headers';

export type IdpEndpoint = 'token';

export const LOW_FRACTION = 0.1;
export const MAX_SELF_DELAY_MS = 2_000;
/** Pause after a 429 that came without a usable `X-Rate-Limit-Reset`. */
const DEFAULT_PAUSE_SECONDS = 60;

export type IdpRateLimitView = {
  endpoint: string;
  limit: number;
  remaining: number;
  resetAt: Date;
  pausedUntil: Date | null;
  /** True while calls are paused (until `pausedUntil`). */
  paused: boolean;
  seenAt: Date;
};

function busy(endpoint: IdpEndpoint, until: Date): OidcError {
  return new OidcError('idp_rate_limited', `Calls to the ${endpoint} endpoint are paused until Okta's reset`, {
    endpoint,
    reset: Math.ceil(until.getTime() / 1000),
    paused: true,
  });
}

/**
 * Before a call to `endpoint` for `tenantId`: throws `OidcError('idp_rate_limited')` while paused, or (with
 * `wait`, the default) waits a little when Okta's remaining budget is low.
 */
export async function awaitIdpBudget(tenantId: string, endpoint: IdpEndpoint, options: { wait?: boolean } = {}): Promise<void> {
  const now = new Date();
  const row = await getDb().idpRateLimit.findUnique({ where: { tenantId_endpoint: { tenantId, endpoint } } });
  if (!row) return;
  if (row.pausedUntil && row.pausedUntil > now) throw busy(endpoint, row.pausedUntil);
  if (row.resetAt <= now || row.limit <= 0 || row.remaining >= row.limit * LOW_FRACTION) return;
  if (row.remaining === 0) throw busy(endpoint, row.resetAt);
  if (options.wait === false) return;
  const share = (row.resetAt.getTime() - now.getTime()) / (row.remaining + 1);
  await new Promise((resolve) => setTimeout(resolve, Math.min(MAX_SELF_DELAY_MS, Math.ceil(share))));
}

/** Keeps Okta's latest figures for (tenant, endpoint); `limited` (a 429) starts the pause until the reset. */
export async function observeIdpRateLimit(
  tenantId: string,
  endpoint: IdpEndpoint,
  snapshot: Partial<RateLimitSnapshot> | undefined,
  limited: boolean,
): Promise<void> {
  const now = new Date();
  const reset = snapshot?.reset && snapshot.reset * 1000 > now.getTime() ? new Date(snapshot.reset * 1000) : null;
  if (!limited && (!snapshot || snapshot.limit === undefined || snapshot.remaining === undefined || !reset)) return;
  const resetAt = reset ?? new Date(now.getTime() + DEFAULT_PAUSE_SECONDS * 1000);
  const figures = {
    limit: snapshot?.limit ?? 0,
    remaining: limited ? 0 : snapshot?.remaining ?? 0,
    resetAt,
    pausedUntil: limited ? resetAt : null,
    seenAt: now,
  };
  await getDb().idpRateLimit.upsert({
    where: { tenantId_endpoint: { tenantId, endpoint } },
    create: { tenantId, endpoint, ...figures },
    update: figures,
  });
}

/**
 * Runs one call to the tenant's Okta under its budget: waits or refuses first (see above), then records the
 * figures of the answer — of a success (`rateLimit` in the result) or of a 429 (`idp_rate_limited`).
 */
export async function callWithinIdpBudget<T extends { rateLimit?: RateLimitSnapshot }>(
  tenantId: string,
  endpoint: IdpEndpoint,
  call: () => Promise<T>,
): Promise<T> {
  await awaitIdpBudget(tenantId, endpoint);
  let result: T;
  try {
    result = await call();
  } catch (error) {
    if (isOidcError(error, 'idp_rate_limited')) {
      const details = error.details ?? {};
      const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
      await observeIdpRateLimit(tenantId, endpoint, { limit: num(details.limit), remaining: 0, reset: num(details.reset) }, true);
    }
    throw error;
  }
  await observeIdpRateLimit(tenantId, endpoint, result.rateLimit, false);
  return result;
}

/** The last figures seen for each endpoint of `tenantId` (admin page). */
export async function listIdpRateLimits(tenantId: string): Promise<IdpRateLimitView[]> {
  const rows = await getDb().idpRateLimit.findMany({ where: { tenantId }, orderBy: { endpoint: 'asc' } });
  const now = Date.now();
  return rows.map(({ endpoint, limit, remaining, resetAt, pausedUntil, seenAt }) => ({
    endpoint, limit, remaining, resetAt, pausedUntil, paused: !!pausedUntil && pausedUntil.getTime() > now, seenAt,
  }));
}

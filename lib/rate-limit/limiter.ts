/**
 * The counters behind the policies: rate-limiter-flexible's `RateLimiterPrisma` on the app's one Prisma
 * client (PostgreSQL, or the embedded PGlite), so every app instance counts against the same rows. When the
 * database is slow or unreachable (over {@link STORE_TIMEOUT_MS}), an in-memory insurance limiter with the
 * same limit answers instead: limits stay in force per instance until the database is back.
 *
 * One limiter per (policy, limit, window): a tenant's own limit only changes the threshold; the counter row
 * (`rl:<policy>:<key>`) is the same, so changing a limit keeps what was already used in the window.
 *
 * A refusal is recognised by its shape ({@link isLimiterRefusal}), never with `instanceof RateLimiterRes`:
 * the limiters live on `globalThis`, and a production build may bundle the library once per route group, so
 * the limiter that refuses may come from another copy than the route that asks. (next.config.js also lists
 * the library in `serverExternalPackages`, so it should resolve once; this check does not depend on that.)
 */
import { RateLimiterMemory, RLWrapperTimeouts, type RateLimiterRes } from 'rate-limiter-flexible';
import { LruCache } from '@/lib/cache/lru-cache';
import { AtomicRateLimiterPrisma } from './atomic-prisma-store';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import type { RateLimitPolicy } from './policies';

export const STORE_TIMEOUT_MS = 1000;

export type LimitState = {
  allowed: boolean;
  limit: number;
  /** Points used in the current window, this request included. */
  used: number;
  remaining: number;
  /** Seconds until the window ends (at least 1). */
  resetSeconds: number;
};

type Limiter = RLWrapperTimeouts;
/** Limiter instances kept: one per (policy, limit in force, window); tenants' own limits add a few each. */
const MAX_LIMITERS = 1_000;
type Holder = { limiters: LruCache<string, Limiter>; db?: PrismaClient };
// On globalThis so that Next's development reloads keep the limiters (and their insurance counters).
const global = globalThis as unknown as { __rateLimiters?: Holder };
const holder: Holder = (global.__rateLimiters ??= {
  // An evicted limiter loses only its in-memory insurance counts; the shared counters are in the database.
  limiters: new LruCache('rate limiters', { max: MAX_LIMITERS, ttlMs: 24 * 3600_000 }),
});

function limiterFor(db: PrismaClient, policy: RateLimitPolicy, limit: number): Limiter {
  if (holder.db !== db) {
    // A new Prisma client (tests, `closeDb()`): limiters bound to the old one are useless.
    holder.limiters.clear();
    holder.db = db;
  }
  const id = `${policy.name}|${limit}|${policy.windowSeconds}`;
  let limiter = holder.limiters.get(id);
  if (!limiter) {
    const options = { keyPrefix: `rl:${policy.name}`, points: limit, duration: policy.windowSeconds };
    limiter = new RLWrapperTimeouts({
      limiter: new AtomicRateLimiterPrisma({ ...options, storeClient: db, tableName: 'rateLimiterFlexible' }),
      timeoutMs: STORE_TIMEOUT_MS,
      insuranceLimiter: new RateLimiterMemory(options),
    });
    holder.limiters.set(id, limiter);
  }
  return limiter;
}

function toState(res: RateLimiterRes, limit: number, allowed: boolean, windowSeconds: number): LimitState {
  const resetMs = res.msBeforeNext > 0 ? res.msBeforeNext : windowSeconds * 1000;
  return {
    allowed,
    limit,
    used: res.consumedPoints,
    remaining: Math.max(0, limit - res.consumedPoints),
    resetSeconds: Math.max(1, Math.ceil(resetMs / 1000)),
  };
}

/** Takes one point from `key` under `policy` with threshold `limit`. Never throws for a refusal. */
export async function takePoint(db: PrismaClient, policy: RateLimitPolicy, limit: number, key: string): Promise<LimitState> {
  const limiter = limiterFor(db, policy, limit);
  try {
    return toState(await limiter.consume(key, 1), limit, true, policy.windowSeconds);
  } catch (refusal) {
    if (isLimiterRefusal(refusal)) return toState(refusal, limit, false, policy.windowSeconds);
    throw refusal;
  }
}

/**
 * True for rate-limiter-flexible's refusal (a `RateLimiterRes`, from whichever copy of the library), false
 * for store errors (which are `Error`s) and anything else.
 */
export function isLimiterRefusal(value: unknown): value is RateLimiterRes {
  if (typeof value !== 'object' || value === null || value instanceof Error) return false;
  const res = value as Record<string, unknown>;
  return typeof res.msBeforeNext === 'number' && typeof res.consumedPoints === 'number' && typeof res.remainingPoints === 'number';
}

/** What `key` has used in the current window, without taking a point. */
export async function peekPoints(db: PrismaClient, policy: RateLimitPolicy, limit: number, key: string): Promise<LimitState> {
  const res = await limiterFor(db, policy, limit).get(key);
  if (!res) return { allowed: true, limit, used: 0, remaining: limit, resetSeconds: policy.windowSeconds };
  return toState(res, limit, res.consumedPoints < limit, policy.windowSeconds);
}

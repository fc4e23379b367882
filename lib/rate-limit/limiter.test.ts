import { createRequire } from 'node:module';
import { RateLimiterRes } from 'rate-limiter-flexible';
import { describe, expect, it } from 'vitest';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { isLimiterRefusal, takePoint } from './limiter';
import type { RateLimitPolicy } from './policies';

/** A second copy of rate-limiter-flexible's RateLimiterRes, as a production build with one bundle per route group has. */
function foreignRateLimiterRes(): typeof RateLimiterRes {
  const require = createRequire(import.meta.url);
  const file = require.resolve('rate-limiter-flexible/lib/RateLimiterRes.js');
  delete require.cache[file];
  const copy = require(file) as typeof RateLimiterRes;
  delete require.cache[file];
  return copy;
}

const policy: RateLimitPolicy = {
  name: 'signin.start.tenant', description: 'test', keyKind: 'tenant', windowSeconds: 60, limit: 5, ceiling: 5, tenantAdjustable: true,
};

describe('rate-limit refusals from another copy of the library', () => {
  it('are told apart from store errors by their shape, not by instanceof', () => {
    const Foreign = foreignRateLimiterRes();
    const refusal = new Foreign(0, 42_000, 6, false);
    expect(refusal instanceof RateLimiterRes).toBe(false);
    expect(isLimiterRefusal(refusal)).toBe(true);
    expect(isLimiterRefusal(new RateLimiterRes(0, 1000, 6, false))).toBe(true);
    expect(isLimiterRefusal(new Error('connection refused'))).toBe(false);
    expect(isLimiterRefusal(Object.assign(new Error('x'), { msBeforeNext: 1, consumedPoints: 1, remainingPoints: 0 }))).toBe(false);
    expect(isLimiterRefusal(null)).toBe(false);
    expect(isLimiterRefusal({ msBeforeNext: '1' })).toBe(false);
  });

  it('answer a refusal (not an error) when the limiter in the shared table came from another route', async () => {
    const Foreign = foreignRateLimiterRes();
    const db = {} as PrismaClient;
    const holder = (globalThis as unknown as { __rateLimiters: { limiters: Map<string, unknown>; db?: PrismaClient } }).__rateLimiters;
    await takePoint(db, policy, 5, 'warm-up').catch(() => undefined);
    // What another route group's bundle left in the process-wide table: a limiter that refuses with its own class.
    holder.limiters.set(`${policy.name}|5|60`, {
      consume: () => Promise.reject(new Foreign(0, 42_000, 6, false)),
      get: () => Promise.resolve(null),
    });
    await expect(takePoint(db, policy, 5, 'tenant-1')).resolves.toEqual({ allowed: false, limit: 5, used: 6, remaining: 0, resetSeconds: 42 });
    holder.limiters.set(`${policy.name}|5|60`, { consume: () => Promise.reject(new Error('store down')) });
    await expect(takePoint(db, policy, 5, 'tenant-1')).rejects.toThrow('store down');
    holder.limiters.clear();
  });
});

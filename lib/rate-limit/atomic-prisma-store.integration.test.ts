import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db/client';
import { AtomicRateLimiterPrisma } from './atomic-prisma-store';

const limiter = () =>
  new AtomicRateLimiterPrisma({ keyPrefix: `it-atomic-${randomUUID().slice(0, 8)}`, points: 1_000, duration: 60, storeClient: getDb(), tableName: 'rateLimiterFlexible', clearExpiredByTimeout: false });

describe('the one-statement counter', () => {
  it('counts every concurrent consume of one key', async () => {
    const l = limiter();
    await Promise.all(Array.from({ length: 25 }, () => l.consume('k')));
    expect((await l.get('k'))?.consumedPoints).toBe(25);
    expect((await l.consume('k')).consumedPoints).toBe(26);
  });

  it('starts a new window once the row expired, and refuses over the limit', async () => {
    const l = new AtomicRateLimiterPrisma({ keyPrefix: `it-atomic-${randomUUID().slice(0, 8)}`, points: 2, duration: 60, storeClient: getDb(), tableName: 'rateLimiterFlexible', clearExpiredByTimeout: false });
    await l.consume('k');
    await l.consume('k');
    await expect(l.consume('k')).rejects.toMatchObject({ consumedPoints: 3, remainingPoints: 0 });
    const key = l.getKey('k');
    await getDb().rateLimiterFlexible.update({ where: { key }, data: { expire: new Date(Date.now() - 1_000) } });
    const fresh = await l.consume('k');
    expect(fresh.consumedPoints).toBe(1);
    expect(fresh.msBeforeNext).toBeGreaterThan(55_000);
  });
});

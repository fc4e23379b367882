import { describe, expect, it } from 'vitest';
import { cacheMetrics, LruCache } from './lru-cache';

describe('LruCache', () => {
  it('keeps at most max entries, dropping the least recently used, and counts what happened', () => {
    const cache = new LruCache<string, number>('test-lru', { max: 2, ttlMs: 60_000 });
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1); // a is now the most recent
    cache.set('c', 3); // evicts b
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(1);
    expect(cache.get('c')).toBe(3);
    expect(cache.size).toBe(2);
    expect(cache.metrics()).toEqual({ size: 2, max: 2, hits: 3, misses: 1, evictions: 1 });
    expect(cacheMetrics().find((m) => m.name === 'test-lru')).toEqual({ name: 'test-lru', size: 2, max: 2, hits: 3, misses: 1, evictions: 1 });
  });

  it('forgets an entry once its time to live is over', () => {
    let now = 0;
    const cache = new LruCache<string, string>('test-ttl', { max: 10, ttlMs: 1_000, now: () => now });
    cache.set('k', 'v');
    now = 999;
    expect(cache.get('k')).toBe('v');
    now = 1_000;
    expect(cache.get('k')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it.each([0, -1, 1.5])('refuses max %s', (max) => {
    expect(() => new LruCache('bad', { max, ttlMs: 1 })).toThrow('max must be a positive integer');
  });
});

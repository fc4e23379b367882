/**
 * A size-bounded, least-recently-used map with a time-to-live per entry and counters (hits, misses,
 * evictions, size), for the per-instance caches: tenants, issuers' discovery and JWKS, rate limiters. Each
 * cache registers under a name so that one call ({@link cacheMetrics}) shows them all (logs, the bench).
 * Pure: no I/O; the clock can be injected for tests.
 */

export type CacheMetrics = { name: string; size: number; max: number; hits: number; misses: number; evictions: number };

// On globalThis: a production build may bundle this module once per route group, yet there is one set of caches.
const global = globalThis as unknown as { __cacheMetrics?: Map<string, () => CacheMetrics> };
const registry: Map<string, () => CacheMetrics> = (global.__cacheMetrics ??= new Map());

/** Every registered cache's counters, by name. */
export function cacheMetrics(): CacheMetrics[] {
  return [...registry.values()].map((read) => read());
}

/** One line for logs: each cache's size of max, hits, misses and evictions. */
export function describeCacheMetrics(): string {
  const all = cacheMetrics();
  if (all.length === 0) return 'none used';
  return all.map((m) => `${m.name} ${m.size}/${m.max} (hits ${m.hits}, misses ${m.misses}, evictions ${m.evictions})`).join('; ');
}

/** Adds a cache that keeps its own counters (e.g. the issuer cache) to {@link cacheMetrics}. */
export function registerCacheMetrics(name: string, read: () => Omit<CacheMetrics, 'name'>): void {
  registry.set(name, () => ({ name, ...read() }));
}

export class LruCache<K, V> {
  private readonly entries = new Map<K, { value: V; expiresAt: number }>();
  private counts = { hits: 0, misses: 0, evictions: 0 };

  constructor(
    readonly name: string,
    private readonly options: { max: number; ttlMs: number; now?: () => number },
  ) {
    if (!Number.isInteger(options.max) || options.max < 1) throw new Error(`${name}: max must be a positive integer`);
    registerCacheMetrics(name, () => this.metrics());
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  /** The live value for `key` (and marks it most recently used), or undefined. Counts a hit or a miss. */
  get(key: K): V | undefined {
    const entry = this.entries.get(key);
    if (!entry || entry.expiresAt <= this.now()) {
      if (entry) this.entries.delete(key);
      this.counts.misses++;
      return undefined;
    }
    this.entries.delete(key);
    this.entries.set(key, entry);
    this.counts.hits++;
    return entry.value;
  }

  /** Stores `value`, evicting the least recently used entries beyond `max`. */
  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, { value, expiresAt: this.now() + this.options.ttlMs });
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.options.max) break;
      this.entries.delete(oldest);
      this.counts.evictions++;
    }
  }

  delete(key: K): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }

  metrics(): Omit<CacheMetrics, 'name'> {
    return { size: this.entries.size, max: this.options.max, ...this.counts };
  }
}

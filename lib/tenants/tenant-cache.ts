/**
 * The per-instance tenant cache behind sign-in starts and tenant pages: lookups by slug, by verified email
 * domain and by proven issuer connection, answered from memory when warm, else by the one indexed query of
 * get-tenant.ts. Bounded (LRU, {@link TENANT_CACHE_MAX} lookups) and short-lived ({@link TENANT_CACHE_TTL_MS}).
 *
 * Invalidation: a trigger on `Tenant`, `TenantEmailDomain`, `TenantKey` (migration 13_tenant_change_notify) and
 * `ConsentPolicy` (13_consent_policy_notify) sends `NOTIFY tenant_changed` on every write, whoever writes (this
 * instance, another one, the CLI), and every instance listening clears its cache. The writers in this app also clear it directly
 * ({@link forgetCachedTenants}), so a change takes effect here at once. While the instance is not listening
 * (starting, or its notification connection dropped) nothing is answered from memory.
 *
 * What the cache never decides: a session. Completions (code callback, Okta Simplified POST) and the
 * session check read the tenant from the database (get-tenant.ts, session-store.ts), so a stale entry could
 * at worst start a redirect to Okta, never sign anyone in to a suspended tenant or through an unproven connection.
 */
import { LruCache } from '@/lib/cache/lru-cache';
import { hasSubscription, subscribe } from '@/lib/db/notifications';
import { getActiveProvenConnectionsForIssuer, getTenantByEmailDomain, getTenantBySlug, type IssuerConnectionFilter } from './get-tenant';
import type { Tenant } from './tenant';

export const TENANT_CACHE_MAX = 5_000;
export const TENANT_CACHE_TTL_MS = 60_000;
export const TENANT_CHANNEL = 'tenant_changed';

type State = { cache: LruCache<string, Tenant | Tenant[]>; listening: boolean; generation: number };
const global = globalThis as unknown as { __tenantCache?: State };
const state: State = (global.__tenantCache ??= {
  cache: new LruCache('tenants', { max: TENANT_CACHE_MAX, ttlMs: TENANT_CACHE_TTL_MS }),
  listening: false,
  generation: 0,
});

function clear(): void {
  state.generation++;
  state.cache.clear();
}

function ready(): boolean {
  // Subscribes on first use, and again after the database was closed and reopened (tests, `closeDb()`).
  if (!hasSubscription(TENANT_CHANNEL)) {
    state.listening = subscribe(TENANT_CHANNEL, {
      onNotify: clear,
      onState: (listening) => {
        clear();
        state.listening = listening;
      },
    });
  }
  return state.listening;
}

async function cached<T extends Tenant | null | Tenant[]>(key: string, load: () => Promise<T>): Promise<T> {
  if (!ready()) return load();
  const hit = state.cache.get(key);
  if (hit !== undefined) return hit as T;
  const generation = state.generation;
  const value = await load();
  // Not "not found" (a flood of made-up names would evict real tenants), and nothing when a change was heard
  // while loading: the load may predate it.
  const found = Array.isArray(value) ? value.length > 0 : value !== null;
  if (found && state.listening && state.generation === generation) {
    // Shared between requests: frozen, so a caller that changed one would fail loudly, not leak into the next request.
    const entry = value as Tenant | Tenant[];
    for (const tenant of Array.isArray(entry) ? entry : [entry]) Object.freeze(tenant);
    Object.freeze(entry);
    state.cache.set(key, entry);
  }
  return value;
}

/** {@link getTenantBySlug}, through the cache. */
export function getCachedTenantBySlug(slug: string): Promise<Tenant | null> {
  return cached(`slug\u0000${slug}`, () => getTenantBySlug(slug));
}

/** {@link getTenantByEmailDomain}, through the cache (keyed by the domain, not the whole address). */
export function getCachedTenantByEmailDomain(emailOrDomain: string): Promise<Tenant | null> {
  const domain = emailOrDomain.slice(emailOrDomain.lastIndexOf('@') + 1);
  return cached(`domain\u0000${domain}`, () => getTenantByEmailDomain(domain));
}

/** {@link getActiveProvenConnectionsForIssuer}, through the cache. For sign-in starts only, never completions. */
export function getCachedProvenConnectionsForIssuer(issuer: string, filter: IssuerConnectionFilter = {}): Promise<Tenant[]> {
  const key = `issuer\u0000${issuer}\u0000${filter.slug ?? ''}\u0000${filter.tileMode ?? ''}\u0000${filter.limit ?? ''}\u0000${(filter.clientIds ?? []).join(',')}`;
  return cached(key, () => getActiveProvenConnectionsForIssuer(issuer, filter));
}

/** Forgets every cached lookup on this instance (after a tenant write here; others hear the notification). */
export function forgetCachedTenants(): void {
  clear();
}

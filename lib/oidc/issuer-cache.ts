/**
 * Per-issuer cache of discovery metadata and signing keys, bounded (LRU over issuers, a cap on keys per
 * issuer) and per process. Policy stated here: keys are RSA for RS256 only; an unknown `kid` refetches the
 * JWKS at once — so a key the IdP rotated in, even just after our last fetch, is accepted on the next
 * sign-in — but at most once per issuer per short cooldown (seconds) counted from the last *unknown-kid*
 * refetch, never from an ordinary fetch; concurrent callers share one fetch, so a flood of random `kid`s
 * costs the IdP one request per cooldown. A JWKS fetched by this very lookup is not fetched again.
 * A failed refresh is not served from stale data: it throws (fail closed) and the next call retries.
 */
import { importJWK } from 'jose';
import { z } from 'zod';
import { fetchDiscovery, type IssuerMetadata } from './discovery';
import { OidcError, isOidcError, type OidcErrorCode } from './errors';
import type { FetchLike } from './safe-fetch';

/** Constructor options of {@link IssuerCache}. Durations in milliseconds. */
export interface IssuerCacheOptions {
  /** The safe fetch used for discovery and JWKS. */
  fetch: FetchLike;
  /** Accept http:// discovery endpoints (development and tests only). Default false. */
  allowInsecureLocal?: boolean;
  /** Default 1 h. */
  metadataTtlMs?: number;
  /** Default 1 h; shortened to the JWKS response's Cache-Control max-age (never below 30 s). */
  jwksTtlMs?: number;
  /** Minimum time between two JWKS refetches caused by an unknown `kid`. Default 5 s. */
  unknownKidCooldownMs?: number;
  /** Issuers kept; the least recently used is evicted. Default 500. */
  maxIssuers?: number;
  /** Keys kept per issuer's JWKS (the rest are ignored). Default 50. */
  maxKeysPerIssuer?: number;
  /** Clock, for tests. Default `Date.now`. */
  now?: () => number;
}

/** Health figures for one issuer (epoch ms; null = never). Safe to show to an operator. */
export interface IssuerCacheStats {
  metadataFetches: number;
  metadataFetchedAt: number | null;
  metadataExpiresAt: number | null;
  jwksFetches: number;
  jwksFetchedAt: number | null;
  jwksExpiresAt: number | null;
  keyCount: number;
  unknownKidRefetches: number;
  lastUnknownKidRefetchAt: number | null;
  lastError: { code: OidcErrorCode | 'unexpected'; at: number } | null;
}

/** What {@link IssuerCache.getKey} needs from a JWS protected header. */
export interface KeyLookupHeader {
  kid?: string;
  alg: string;
}

type RsaJwk = { kty: 'RSA'; n: string; e: string; kid?: string };
type JwksSnapshot = { uri: string; keys: RsaJwk[]; fetchedAt: number; expiresAt: number };
type Entry = {
  metadata?: { value: IssuerMetadata; expiresAt: number };
  metadataInFlight?: Promise<IssuerMetadata>;
  jwks?: JwksSnapshot;
  jwksInFlight?: Promise<JwksSnapshot>;
  /** When an unknown `kid` last caused a refetch: the cooldown counts from here, not from ordinary fetches. */
  lastUnknownKidRefetchAt: number | null;
  stats: IssuerCacheStats;
};

const MIN_JWKS_TTL_MS = 30_000;
const jwksSchema = z.object({ keys: z.array(z.unknown()) });
const jwkSchema = z.object({
  kty: z.literal('RSA'),
  n: z.string().min(1),
  e: z.string().min(1),
  kid: z.string().optional(),
  alg: z.literal('RS256').optional(),
  use: z.literal('sig').optional(),
  key_ops: z.array(z.string()).refine((ops) => ops.includes('verify')).optional(),
});

function ttlFromCacheControl(header: string | null, ceiling: number): number {
  if (!header) return ceiling;
  if (/no-store|no-cache/i.test(header)) return Math.min(ceiling, MIN_JWKS_TTL_MS);
  const maxAge = /max-age=(\d+)/i.exec(header)?.[1];
  return maxAge === undefined ? ceiling : Math.min(ceiling, Math.max(Number(maxAge) * 1000, MIN_JWKS_TTL_MS));
}

/**
 * Shared, bounded discovery and JWKS cache. One instance per process; safe for concurrent use.
 * It does not decide which issuers are trusted: callers pass only issuers of configured tenants.
 */
export class IssuerCache {
  private readonly entries = new Map<string, Entry>();
  private readonly imported = new WeakMap<RsaJwk, Promise<CryptoKey>>();
  private readonly fetchImpl: FetchLike;
  private readonly allowInsecureLocal: boolean;
  private readonly metadataTtlMs: number;
  private readonly jwksTtlMs: number;
  private readonly cooldownMs: number;
  private readonly maxIssuers: number;
  private readonly maxKeys: number;
  private readonly now: () => number;
  private readonly counts = { hits: 0, misses: 0, evictions: 0 };

  constructor(options: IssuerCacheOptions) {
    this.fetchImpl = options.fetch;
    this.allowInsecureLocal = options.allowInsecureLocal ?? false;
    this.metadataTtlMs = options.metadataTtlMs ?? 3_600_000;
    this.jwksTtlMs = options.jwksTtlMs ?? 3_600_000;
    this.cooldownMs = options.unknownKidCooldownMs ?? 5_000;
    this.maxIssuers = Math.max(1, options.maxIssuers ?? 500);
    this.maxKeys = Math.max(1, options.maxKeysPerIssuer ?? 50);
    this.now = options.now ?? Date.now;
  }

  /** Validated discovery metadata for `issuer` (see `fetchDiscovery` for the errors), cached for the TTL. */
  async getMetadata(issuer: string): Promise<IssuerMetadata> {
    const entry = this.touch(issuer);
    if (entry.metadata && entry.metadata.expiresAt > this.now()) return entry.metadata.value;
    if (entry.metadataInFlight) return entry.metadataInFlight;
    entry.stats.metadataFetches++;
    const inFlight = fetchDiscovery(issuer, this.fetchImpl, { allowInsecureLocal: this.allowInsecureLocal })
      .then((value) => {
        const at = this.now();
        entry.metadata = { value, expiresAt: at + this.metadataTtlMs };
        entry.stats.metadataFetchedAt = at;
        entry.stats.metadataExpiresAt = entry.metadata.expiresAt;
        return value;
      }, this.recordError(entry))
      .finally(() => (entry.metadataInFlight = undefined));
    entry.metadataInFlight = inFlight;
    return inFlight;
  }

  /**
   * The verification key for a JWS from `issuer`. Throws `OidcError`: `alg_not_allowed` (header alg is not
   * RS256), `unknown_kid` (no matching RS256 key after at most one cooldown-limited refetch, or several
   * keys match), `jwks_invalid`, and the discovery/fetch errors.
   */
  async getKey(issuer: string, header: KeyLookupHeader): Promise<CryptoKey> {
    if (header.alg !== 'RS256') {
      throw new OidcError('alg_not_allowed', 'Only RS256 keys are used', { expected: 'RS256', received: header.alg });
    }
    const entry = this.touch(issuer);
    const cached = entry.jwks;
    let snapshot = await this.loadJwks(issuer, entry, false);
    let match = select(snapshot, header.kid);
    if (match === 'none' && entry.jwksInFlight) {
      // Someone else's refetch is under way: its answer is as fresh as ours would be.
      match = select(await entry.jwksInFlight, header.kid);
    } else if (
      match === 'none' &&
      snapshot === cached &&
      this.now() - (entry.lastUnknownKidRefetchAt ?? -Infinity) >= this.cooldownMs
    ) {
      entry.lastUnknownKidRefetchAt = this.now();
      entry.stats.unknownKidRefetches++;
      entry.stats.lastUnknownKidRefetchAt = entry.lastUnknownKidRefetchAt;
      snapshot = await this.loadJwks(issuer, entry, true);
      match = select(snapshot, header.kid);
    }
    if (typeof match === 'string') {
      throw new OidcError('unknown_kid', `No RS256 key of ${issuer} matches the token`, {
        issuer,
        kid: header.kid?.slice(0, 100) ?? null,
        reason: match,
      });
    }
    return this.importKey(match);
  }

  /** Health figures for `issuer`, or undefined when it is not cached. Does not count as a use. */
  stats(issuer: string): IssuerCacheStats | undefined {
    const stats = this.entries.get(issuer)?.stats;
    return stats && { ...stats, lastError: stats.lastError && { ...stats.lastError } };
  }

  /** Size and counters: a hit is a lookup of a cached issuer, a miss one that created its entry; evictions are LRU drops. */
  metrics(): { size: number; max: number; hits: number; misses: number; evictions: number } {
    return { size: this.entries.size, max: this.maxIssuers, ...this.counts };
  }

  /** Forgets everything cached for `issuer` (e.g. after its tenant's settings change). */
  invalidate(issuer: string): void {
    this.entries.delete(issuer);
  }

  private touch(issuer: string): Entry {
    let entry = this.entries.get(issuer);
    if (entry) {
      this.entries.delete(issuer);
      this.counts.hits++;
    } else {
      entry = { lastUnknownKidRefetchAt: null, stats: emptyStats() };
      this.counts.misses++;
    }
    this.entries.set(issuer, entry);
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.maxIssuers) break;
      this.entries.delete(oldest);
      this.counts.evictions++;
    }
    return entry;
  }

  private async loadJwks(issuer: string, entry: Entry, force: boolean): Promise<JwksSnapshot> {
    if (!force && entry.jwks && entry.jwks.expiresAt > this.now()) return entry.jwks;
    if (entry.jwksInFlight) return entry.jwksInFlight;
    const inFlight = this.fetchJwks(issuer, entry)
      .then((snapshot) => {
        entry.jwks = snapshot;
        Object.assign(entry.stats, { jwksFetchedAt: this.now(), jwksExpiresAt: snapshot.expiresAt, keyCount: snapshot.keys.length });
        return snapshot;
      }, this.recordError(entry))
      .finally(() => (entry.jwksInFlight = undefined));
    entry.jwksInFlight = inFlight;
    return inFlight;
  }

  private async fetchJwks(issuer: string, entry: Entry): Promise<JwksSnapshot> {
    const { jwks_uri: uri } = await this.getMetadata(issuer);
    entry.stats.jwksFetches++;
    const res = await this.fetchImpl(uri, { headers: { accept: 'application/json' } });
    if (res.status !== 200) {
      await res.body?.cancel().catch(() => undefined);
      throw new OidcError('idp_http_error', `JWKS answered HTTP ${res.status}`, { url: uri, status: res.status });
    }
    const parsed = jwksSchema.safeParse(await res.json().catch(() => undefined));
    if (!parsed.success) throw new OidcError('jwks_invalid', 'JWKS is not a JSON object with a keys array', { url: uri });
    const keys: RsaJwk[] = [];
    for (const raw of parsed.data.keys) {
      const jwk = jwkSchema.safeParse(raw);
      if (jwk.success) keys.push({ kty: 'RSA', n: jwk.data.n, e: jwk.data.e, kid: jwk.data.kid });
      if (keys.length >= this.maxKeys) break;
    }
    if (keys.length === 0) throw new OidcError('jwks_invalid', 'JWKS holds no RSA signing key for RS256', { url: uri });
    const fetchedAt = this.now();
    return { uri, keys, fetchedAt, expiresAt: fetchedAt + ttlFromCacheControl(res.headers.get('cache-control'), this.jwksTtlMs) };
  }

  private importKey(jwk: RsaJwk): Promise<CryptoKey> {
    let key = this.imported.get(jwk);
    if (!key) {
      // Only the public members are imported, so a private key published by mistake is never used.
      key = importJWK({ kty: 'RSA', n: jwk.n, e: jwk.e }, 'RS256').then(
        (k) => {
          if (k instanceof Uint8Array) throw new Error('symmetric key');
          return k;
        },
        (e: unknown) => {
          throw new OidcError('jwks_invalid', 'A JWKS key could not be imported', { kid: jwk.kid ?? null }, { cause: e });
        },
      );
      this.imported.set(jwk, key);
    }
    return key;
  }

  private recordError(entry: Entry) {
    return (e: unknown): never => {
      entry.stats.lastError = { code: isOidcError(e) ? e.code : 'unexpected', at: this.now() };
      throw e;
    };
  }
}

function select(snapshot: JwksSnapshot, kid: string | undefined): RsaJwk | 'none' | 'ambiguous' {
  const candidates = snapshot.keys.filter((k) => kid === undefined || k.kid === kid);
  if (candidates.length > 1) return 'ambiguous';
  return candidates[0] ?? 'none';
}

function emptyStats(): IssuerCacheStats {
  return {
    metadataFetches: 0,
    metadataFetchedAt: null,
    metadataExpiresAt: null,
    jwksFetches: 0,
    jwksFetchedAt: null,
    jwksExpiresAt: null,
    keyCount: 0,
    unknownKidRefetches: 0,
    lastUnknownKidRefetchAt: null,
    lastError: null,
  };
}

import { exportJWK, generateKeyPair, type JWK } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { OidcError } from './errors';
import { IssuerCache, type IssuerCacheOptions } from './issuer-cache';

const A = 'https://a.okta.com';
const B = 'https://b.okta.com';
const C = 'https://c.okta.com';
const T0 = Date.parse('2025-06-01T12:00:00Z');

let k1: JWK;
let k2: JWK;
beforeAll(async () => {
  const [p1, p2] = await Promise.all([generateKeyPair('RS256'), generateKeyPair('RS256')]);
  k1 = { ...(await exportJWK(p1.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  k2 = { ...(await exportJWK(p2.publicKey)), kid: 'k2', alg: 'RS256', use: 'sig' };
});

/** A stub Okta org for any issuer origin, counting calls; `hold` keeps answers pending until released. */
function stubIdp(keys: JWK[]) {
  const idp = {
    keys,
    discoveryStatus: 200,
    jwksCacheControl: undefined as string | undefined,
    calls: { discovery: 0, jwks: 0 },
    hold: undefined as Promise<void> | undefined,
    fetch: async (input: string | URL | Request): Promise<Response> => {
      const url = new URL(input.toString());
      const issuer = url.origin;
      if (url.pathname === '/oauth2/v1/keys') {
        idp.calls.jwks++;
        await idp.hold;
        const headers = idp.jwksCacheControl ? { 'cache-control': idp.jwksCacheControl } : undefined;
        return new Response(JSON.stringify({ keys: idp.keys }), { headers });
      }
      idp.calls.discovery++;
      await idp.hold;
      const doc = { issuer, authorization_endpoint: `${issuer}/oauth2/v1/authorize`, token_endpoint: `${issuer}/oauth2/v1/token`, jwks_uri: `${issuer}/oauth2/v1/keys` };
      return new Response(JSON.stringify(doc), { status: idp.discoveryStatus });
    },
  };
  return idp;
}

function setup(keys: JWK[], options: Partial<IssuerCacheOptions> = {}) {
  const idp = stubIdp(keys);
  const clock = { now: T0 };
  const cache = new IssuerCache({ fetch: idp.fetch, now: () => clock.now, ...options });
  return { idp, clock, cache };
}

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'resolved',
    (e: unknown) => (e instanceof OidcError ? e.code : String(e)),
  );

describe('IssuerCache metadata', () => {
  it('caches discovery for the TTL, then refetches', async () => {
    const { idp, clock, cache } = setup([k1], { metadataTtlMs: 1000 });
    await cache.getMetadata(A);
    await cache.getMetadata(A);
    expect(idp.calls.discovery).toBe(1);
    clock.now += 1001;
    await cache.getMetadata(A);
    expect(idp.calls.discovery).toBe(2);
  });

  it('shares one in-flight fetch among concurrent callers', async () => {
    const { idp, cache } = setup([k1]);
    let release!: () => void;
    idp.hold = new Promise((r) => (release = r));
    const pending = Promise.all(Array.from({ length: 5 }, () => cache.getMetadata(A)));
    release();
    expect(new Set((await pending).map((m) => m.issuer))).toEqual(new Set([A]));
    expect(idp.calls.discovery).toBe(1);
  });

  it('does not cache failures and records the last error', async () => {
    const { idp, cache } = setup([k1]);
    idp.discoveryStatus = 503;
    expect(await codeOf(cache.getMetadata(A))).toBe('idp_http_error');
    expect(cache.stats(A)?.lastError).toEqual({ code: 'idp_http_error', at: T0 });
    idp.discoveryStatus = 200;
    await expect(cache.getMetadata(A)).resolves.toMatchObject({ issuer: A });
    expect(idp.calls.discovery).toBe(2);
  });

  it('invalidate() forgets the issuer', async () => {
    const { idp, cache } = setup([k1]);
    await cache.getKey(A, { kid: 'k1', alg: 'RS256' });
    cache.invalidate(A);
    expect(cache.stats(A)).toBeUndefined();
    await cache.getKey(A, { kid: 'k1', alg: 'RS256' });
    expect(idp.calls).toEqual({ discovery: 2, jwks: 2 });
  });
});

describe('IssuerCache keys', () => {
  it('returns a CryptoKey for a known kid and caches the JWKS', async () => {
    const { idp, cache } = setup([k1, k2]);
    const [a, b] = await Promise.all([cache.getKey(A, { kid: 'k1', alg: 'RS256' }), cache.getKey(A, { kid: 'k2', alg: 'RS256' })]);
    expect(a).toBeInstanceOf(CryptoKey);
    expect(b.type).toBe('public');
    expect(idp.calls).toEqual({ discovery: 1, jwks: 1 });
    expect(cache.stats(A)).toMatchObject({ keyCount: 2, jwksFetches: 1, jwksFetchedAt: T0, metadataFetches: 1 });
  });

  it('refetches the JWKS after its TTL', async () => {
    const { idp, clock, cache } = setup([k1], { jwksTtlMs: 10_000 });
    await cache.getKey(A, { kid: 'k1', alg: 'RS256' });
    clock.now += 10_001;
    await cache.getKey(A, { kid: 'k1', alg: 'RS256' });
    expect(idp.calls.jwks).toBe(2);
  });

  it.each([
    ['max-age=120, must-revalidate', 120_000],
    ['public, max-age=0', 30_000],
    ['no-store', 30_000],
    ['max-age=999999', 3_600_000],
  ])('shortens the JWKS TTL to Cache-Control %j (→ %i ms)', async (header, ttl) => {
    const { idp, clock, cache } = setup([k1]);
    idp.jwksCacheControl = header;
    await cache.getKey(A, { kid: 'k1', alg: 'RS256' });
    expect(cache.stats(A)?.jwksExpiresAt).toBe(T0 + ttl);
    clock.now += ttl - 1;
    await cache.getKey(A, { kid: 'k1', alg: 'RS256' });
    expect(idp.calls.jwks).toBe(1);
    clock.now += 2;
    await cache.getKey(A, { kid: 'k1', alg: 'RS256' });
    expect(idp.calls.jwks).toBe(2);
  });

  it('a cold cache and an unknown kid cost one JWKS fetch, not two', async () => {
    const { idp, cache } = setup([k1]);
    expect(await codeOf(cache.getKey(A, { kid: 'forged', alg: 'RS256' }))).toBe('unknown_kid');
    expect(idp.calls.jwks).toBe(1);
  });

  it('refetches on an unknown kid at most once per cooldown', async () => {
    const { idp, clock, cache } = setup([k1], { unknownKidCooldownMs: 60_000 });
    await cache.getKey(A, { kid: 'k1', alg: 'RS256' });
    clock.now += 1_000; // an ordinary fetch starts no cooldown
    const forged = Array.from({ length: 20 }, (_, i) => codeOf(cache.getKey(A, { kid: `forged-${i}`, alg: 'RS256' })));
    expect(new Set(await Promise.all(forged))).toEqual(new Set(['unknown_kid']));
    expect(idp.calls.jwks).toBe(2);
    clock.now += 59_999;
    expect(await codeOf(cache.getKey(A, { kid: 'forged-x', alg: 'RS256' }))).toBe('unknown_kid');
    expect(idp.calls.jwks).toBe(2);
    clock.now += 1;
    expect(await codeOf(cache.getKey(A, { kid: 'forged-y', alg: 'RS256' }))).toBe('unknown_kid');
    expect(idp.calls.jwks).toBe(3);
    expect(cache.stats(A)).toMatchObject({ unknownKidRefetches: 2, lastUnknownKidRefetchAt: clock.now });
  });

  it('accepts a key rotated in just after a JWKS fetch on the first sign-in (rp-key-rotation-op-sign-key)', async () => {
    const { idp, clock, cache } = setup([k1]);
    await cache.getKey(A, { kid: 'k1', alg: 'RS256' });
    idp.keys = [k2]; // emergency rotation at the IdP, one second after our fetch
    clock.now += 1_000;
    await expect(cache.getKey(A, { kid: 'k2', alg: 'RS256' })).resolves.toBeInstanceOf(CryptoKey);
    expect(idp.calls.jwks).toBe(2);
    // The cooldown counts from that unknown-kid refetch: another rotation seconds later waits at most the cooldown.
    idp.keys = [k1, k2];
    expect(cache.stats(A)).toMatchObject({ unknownKidRefetches: 1 });
  });

  it('picks up a second rotation once the short cooldown since the last unknown-kid refetch has passed', async () => {
    const { idp, clock, cache } = setup([k1], { unknownKidCooldownMs: 5_000 });
    await cache.getKey(A, { kid: 'k1', alg: 'RS256' });
    expect(await codeOf(cache.getKey(A, { kid: 'k2', alg: 'RS256' }))).toBe('unknown_kid');
    expect(idp.calls.jwks).toBe(2);
    idp.keys = [k1, k2]; // Okta publishes the next key
    clock.now += 4_999;
    expect(await codeOf(cache.getKey(A, { kid: 'k2', alg: 'RS256' }))).toBe('unknown_kid');
    clock.now += 1;
    await expect(cache.getKey(A, { kid: 'k2', alg: 'RS256' })).resolves.toBeInstanceOf(CryptoKey);
    await expect(cache.getKey(A, { kid: 'k1', alg: 'RS256' })).resolves.toBeInstanceOf(CryptoKey);
    expect(idp.calls.jwks).toBe(3);
  });

  it('keeps at most maxKeysPerIssuer keys of a JWKS', async () => {
    const { idp, cache } = setup([k1, k2], { maxKeysPerIssuer: 1 });
    await cache.getKey(A, { kid: 'k1', alg: 'RS256' });
    expect(cache.stats(A)?.keyCount).toBe(1);
    expect(await codeOf(cache.getKey(A, { kid: 'k2', alg: 'RS256' }))).toBe('unknown_kid');
    expect(idp.calls.jwks).toBe(2);
  });

  it('keeps issuers apart', async () => {
    const { idp, cache } = setup([k1]);
    await cache.getKey(A, { kid: 'k1', alg: 'RS256' });
    await cache.getKey(B, { kid: 'k1', alg: 'RS256' });
    expect(idp.calls).toEqual({ discovery: 2, jwks: 2 });
  });

  it('evicts the least recently used issuer past maxIssuers', async () => {
    const { idp, cache } = setup([k1], { maxIssuers: 2 });
    await cache.getMetadata(A);
    await cache.getMetadata(B);
    await cache.getMetadata(A); // A is now the most recent
    await cache.getMetadata(C);
    expect(cache.stats(B)).toBeUndefined();
    expect(cache.stats(A)).toBeDefined();
    expect(cache.stats(C)).toBeDefined();
    await cache.getMetadata(B);
    expect(idp.calls.discovery).toBe(4);
  });

  it.each([
    ['ES256', 'k1', 'alg_not_allowed'],
    ['HS256', 'k1', 'alg_not_allowed'],
    ['none', 'k1', 'alg_not_allowed'],
    ['RS256', 'ec', 'unknown_kid'],
    ['RS256', 'rs384', 'unknown_kid'],
    ['RS256', 'enc', 'unknown_kid'],
    ['RS256', 'sym', 'unknown_kid'],
  ])('only serves RSA keys for RS256 (alg %s, kid %s → %s)', async (alg, kid, code) => {
    const { cache } = setup([
      k1,
      { kty: 'EC', crv: 'P-256', x: 'f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU', y: 'x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0', kid: 'ec' },
      { ...k2, kid: 'rs384', alg: 'RS384' },
      { ...k2, kid: 'enc', use: 'enc' },
      { kty: 'oct', k: 'c2VjcmV0', kid: 'sym' },
    ]);
    expect(await codeOf(cache.getKey(A, { kid, alg }))).toBe(code);
  });

  it('uses the only key when the header has no kid, refuses when several could match', async () => {
    await expect(setup([k1]).cache.getKey(A, { alg: 'RS256' })).resolves.toBeInstanceOf(CryptoKey);
    expect(await codeOf(setup([k1, k2]).cache.getKey(A, { alg: 'RS256' }))).toBe('unknown_kid');
  });

  it.each([
    ['no RSA signing key', { keys: [{ kty: 'oct', k: 'c2VjcmV0' }] }],
    ['no keys array', { foo: 1 }],
    ['not JSON', 'garbage'],
  ])('refuses a JWKS with %s (jwks_invalid)', async (_name, body) => {
    const fetchImpl = async (input: string | URL | Request) => {
      const url = new URL(input.toString());
      if (url.pathname === '/oauth2/v1/keys') return new Response(typeof body === 'string' ? body : JSON.stringify(body));
      const doc = { issuer: A, authorization_endpoint: `${A}/oauth2/v1/authorize`, token_endpoint: `${A}/t`, jwks_uri: `${A}/oauth2/v1/keys` };
      return new Response(JSON.stringify(doc));
    };
    const cache = new IssuerCache({ fetch: fetchImpl });
    expect(await codeOf(cache.getKey(A, { kid: 'k1', alg: 'RS256' }))).toBe('jwks_invalid');
    expect(cache.stats(A)?.lastError?.code).toBe('jwks_invalid');
  });
});

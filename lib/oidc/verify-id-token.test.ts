import { createHmac } from 'node:crypto';
import { SignJWT, UnsecuredJWT, base64url, exportJWK, exportSPKI, generateKeyPair, type JWK, type JWTPayload } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { OidcError } from './errors';
import { IssuerCache } from './issuer-cache';
import { verifyIdToken, type VerifyIdTokenOptions } from './verify-id-token';

const ISSUER = 'https://dev-123.okta.com';
const CLIENT_ID = '0oa1clientid';
const NONCE = 'n-0S6_WzA2Mj';
const NOW = new Date('2025-06-01T12:00:00Z');
const NOW_S = NOW.getTime() / 1000;
const SKEW = 60;

type Keys = Awaited<ReturnType<typeof generateKeyPair>>;
let signing: Keys;
let attacker: Keys;
let ecKeys: Keys;

beforeAll(async () => {
  [signing, attacker, ecKeys] = await Promise.all([generateKeyPair('RS256'), generateKeyPair('RS256'), generateKeyPair('ES256')]);
});

function claims(overrides: Record<string, unknown> = {}): JWTPayload {
  const all: Record<string, unknown> = {
    iss: ISSUER,
    sub: '00u1abcd',
    aud: CLIENT_ID,
    iat: NOW_S - 10,
    exp: NOW_S + 3600,
    nonce: NONCE,
    jti: 'ID.abc123',
    auth_time: NOW_S - 20,
    amr: ['pwd'],
    idp: '00o1idp',
    email: 'ada@example.com',
    ...overrides,
  };
  return Object.fromEntries(Object.entries(all).filter(([, v]) => v !== undefined));
}

function sign(payload: JWTPayload, opts: { key?: CryptoKey; kid?: string; alg?: string } = {}): Promise<string> {
  return new SignJWT(payload)
    .setProtectedHeader({ alg: opts.alg ?? 'RS256', kid: opts.kid ?? 'k1' })
    .sign(opts.key ?? signing.privateKey);
}

/** HMAC-SHA256 over header.payload with `secret`, the signature an attacker computes in a key-confusion attack. */
function hmacToken(header: Record<string, unknown>, payload: JWTPayload, secret: string): string {
  const input = `${base64url.encode(JSON.stringify(header))}.${base64url.encode(JSON.stringify(payload))}`;
  return `${input}.${base64url.encode(createHmac('sha256', secret).update(input).digest())}`;
}

/** A token with any header and an arbitrary signature segment. */
function craft(header: Record<string, unknown>, payload: JWTPayload, signature = 'c2ln'): string {
  return `${base64url.encode(JSON.stringify(header))}.${base64url.encode(JSON.stringify(payload))}.${signature}`;
}

/** A stub Okta org behind `fetch`, counting discovery and JWKS calls. No network. */
function stubIdp(keys: JWK[]) {
  const calls = { discovery: 0, jwks: 0 };
  const fetch = async (input: string | URL | Request) => {
    const url = new URL(input.toString());
    if (url.pathname === '/oauth2/v1/keys') {
      calls.jwks++;
      return new Response(JSON.stringify({ keys }));
    }
    calls.discovery++;
    const doc = { issuer: url.origin, authorization_endpoint: `${url.origin}/oauth2/v1/authorize`, token_endpoint: `${url.origin}/oauth2/v1/token`, jwks_uri: `${url.origin}/oauth2/v1/keys` };
    return new Response(JSON.stringify(doc));
  };
  return { fetch, calls };
}

function options(overrides: Partial<VerifyIdTokenOptions> = {}): VerifyIdTokenOptions {
  return {
    issuer: ISSUER,
    clientId: CLIENT_ID,
    expectedNonce: NONCE,
    clockSkewSeconds: SKEW,
    now: NOW,
    getKey: async ({ kid }) => {
      if (kid === 'k1') return signing.publicKey;
      throw new OidcError('unknown_kid', 'no such key', { kid });
    },
    ...overrides,
  };
}

async function rejectionCode(p: Promise<unknown>): Promise<string> {
  const e = await p.then(
    () => new Error('expected a rejection'),
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(OidcError);
  return (e as OidcError).code;
}

describe('verifyIdToken', () => {
  it('accepts a good token and returns its claims', async () => {
    const result = await verifyIdToken(await sign(claims()), options({ requireJti: true, maxAgeSeconds: 300 }));
    expect(result).toMatchObject({ iss: ISSUER, sub: '00u1abcd', aud: CLIENT_ID, nonce: NONCE, jti: 'ID.abc123', amr: ['pwd'] });
  });

  it.each<[string, () => Promise<string>, Partial<VerifyIdTokenOptions>]>([
    ['exp within the clock skew', () => sign(claims({ exp: NOW_S - SKEW + 5 })), {}],
    ['iat slightly ahead, within the skew', () => sign(claims({ iat: NOW_S + SKEW - 5 })), {}],
    ['several audiences with azp = client', () => sign(claims({ aud: [CLIENT_ID, 'api://other'], azp: CLIENT_ID })), {}],
    ['a single audience in an array', () => sign(claims({ aud: [CLIENT_ID] })), {}],
    ['no nonce in a flow without one (Okta Simplified)', () => sign(claims({ nonce: undefined })), { expectedNonce: null }],
    ['any nonce ignored in a flow without one', () => sign(claims({ nonce: 'whatever' })), { expectedNonce: null }],
    ['no kid when the key resolver finds one', () => new SignJWT(claims()).setProtectedHeader({ alg: 'RS256' }).sign(signing.privateKey), { getKey: async () => signing.publicKey }],
  ])('accepts %s', async (_name, token, overrides) => {
    await expect(verifyIdToken(await token(), options(overrides))).resolves.toMatchObject({ sub: '00u1abcd' });
  });

  it.each<[string, () => Promise<string> | string, Partial<VerifyIdTokenOptions>, string]>([
    ['empty string', () => '', {}, 'malformed_token'],
    ['not a JWS', () => 'not-a-token', {}, 'malformed_token'],
    ['two segments', () => 'eyJhbGciOiJSUzI1NiJ9.e30', {}, 'malformed_token'],
    ['four segments (JWE-like)', async () => `${await sign(claims())}.x`, {}, 'malformed_token'],
    ['header not JSON', () => `${base64url.encode('nope')}.${base64url.encode('{}')}.c2ln`, {}, 'malformed_token'],
    ['payload not a JSON object', () => `${base64url.encode('{"alg":"RS256"}')}.${base64url.encode('[1]')}.c2ln`, {}, 'malformed_token'],
    ['exp missing', () => sign(claims({ exp: undefined })), {}, 'malformed_token'],
    ['exp 1e20 (no valid date)', () => sign(claims({ exp: 1e20 })), {}, 'malformed_token'],
    ['iat negative', () => sign(claims({ iat: -1 })), {}, 'malformed_token'],
    ['nbf 1e300', () => sign(claims({ nbf: 1e300 })), {}, 'malformed_token'],
    ['alg none', () => new UnsecuredJWT(claims()).encode(), {}, 'alg_not_allowed'],
    ['alg "None" with a kid', () => craft({ alg: 'None', kid: 'k1' }, claims(), ''), {}, 'alg_not_allowed'],
    ['HS256 signed with the public key PEM (key confusion)', async () => hmacToken({ alg: 'HS256', kid: 'k1' }, claims(), await exportSPKI(signing.publicKey)), {}, 'alg_not_allowed'],
    ['HS256 signed with the public JWK (key confusion)', async () => hmacToken({ alg: 'HS256', kid: 'k1' }, claims(), JSON.stringify(await exportJWK(signing.publicKey))), {}, 'alg_not_allowed'],
    ['RS256 header over an HMAC made with the public key PEM', async () => hmacToken({ alg: 'RS256', kid: 'k1' }, claims(), await exportSPKI(signing.publicKey)), {}, 'bad_signature'],
    ['ES256', () => sign(claims(), { alg: 'ES256', key: ecKeys.privateKey }), {}, 'alg_not_allowed'],
    ['RS512', () => craft({ alg: 'RS512', kid: 'k1' }, claims()), {}, 'alg_not_allowed'],
    ['PS256', () => craft({ alg: 'PS256', kid: 'k1' }, claims()), {}, 'alg_not_allowed'],
    ['alg missing', () => craft({ kid: 'k1' }, claims()), {}, 'alg_not_allowed'],
    ['kid not a string', () => craft({ alg: 'RS256', kid: 7 }, claims()), {}, 'malformed_token'],
    ['unknown kid', () => sign(claims(), { kid: 'nope' }), {}, 'unknown_kid'],
    ['signed by another key under the same kid', () => sign(claims(), { key: attacker.privateKey }), {}, 'bad_signature'],
    ['payload changed after signing', async () => {
      const [h, , s] = (await sign(claims())).split('.');
      return `${h}.${base64url.encode(JSON.stringify(claims({ sub: '00uADMIN' })))}.${s}`;
    }, {}, 'bad_signature'],
    ['wrong iss', () => sign(claims({ iss: 'https://evil.okta.com' })), {}, 'iss_mismatch'],
    ['iss with a trailing slash', () => sign(claims({ iss: `${ISSUER}/` })), {}, 'iss_mismatch'],
    ['wrong aud', () => sign(claims({ aud: 'another-client' })), {}, 'aud_mismatch'],
    ['aud missing', () => sign(claims({ aud: undefined })), {}, 'aud_mismatch'],
    ['several audiences without azp', () => sign(claims({ aud: [CLIENT_ID, 'api://other'] })), {}, 'azp_missing'],
    ['azp of another client', () => sign(claims({ azp: 'another-client' })), {}, 'azp_mismatch'],
    ['several audiences, azp of another client', () => sign(claims({ aud: [CLIENT_ID, 'x'], azp: 'x' })), {}, 'azp_mismatch'],
    ['expired beyond the skew', () => sign(claims({ exp: NOW_S - SKEW - 1 })), {}, 'token_expired'],
    ['iat in the future beyond the skew', () => sign(claims({ iat: NOW_S + SKEW + 1 })), {}, 'iat_in_future'],
    ['nbf in the future', () => sign(claims({ nbf: NOW_S + 600 })), {}, 'nbf_in_future'],
    ['iat too old for maxAgeSeconds', () => sign(claims({ iat: NOW_S - 600 })), { maxAgeSeconds: 300 }, 'iat_too_old'],
    ['sub missing', () => sign(claims({ sub: undefined })), {}, 'sub_missing'],
    ['sub empty', () => sign(claims({ sub: '' })), {}, 'sub_missing'],
    ['nonce missing', () => sign(claims({ nonce: undefined })), {}, 'nonce_missing'],
    ['nonce wrong', () => sign(claims({ nonce: 'n-0S6_WzA2Mk' })), {}, 'nonce_mismatch'],
    ['nonce a prefix of the expected one', () => sign(claims({ nonce: NONCE.slice(0, -1) })), {}, 'nonce_mismatch'],
    ['jti missing when required', () => sign(claims({ jti: undefined })), { requireJti: true }, 'jti_missing'],
    // order: the first failing check wins
    ['wrong iss and expired', () => sign(claims({ iss: 'https://evil.okta.com', exp: NOW_S - 7200 })), {}, 'iss_mismatch'],
    ['wrong nonce and expired', () => sign(claims({ nonce: 'x', exp: NOW_S - 7200 })), {}, 'token_expired'],
  ])('refuses %s', async (_name, token, overrides, code) => {
    expect(await rejectionCode(verifyIdToken(await token(), options(overrides)))).toBe(code);
  });

  it('states the claim, expected and received values, and never the token', async () => {
    const token = await sign(claims({ aud: 'another-client' }));
    const e = (await verifyIdToken(token, options()).catch((err: unknown) => err)) as OidcError;
    expect(e.details).toEqual({ claim: 'aud', expected: CLIENT_ID, received: 'another-client' });
    expect(JSON.stringify(e.details) + e.message).not.toContain(token.split('.')[2]);
  });

  it('drops mistyped optional profile claims instead of trusting them', async () => {
    const result = await verifyIdToken(await sign(claims({ email: 42, amr: 'pwd' })), options());
    expect(result).not.toHaveProperty('email');
    expect(result).not.toHaveProperty('amr');
  });

  it('through a real IssuerCache: forged unknown kids cause one JWKS refetch per cooldown, then rejection', async () => {
    const idp = stubIdp([{ ...(await exportJWK(signing.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' }]);
    let clock = NOW.getTime();
    const cache = new IssuerCache({ fetch: idp.fetch, unknownKidCooldownMs: 60_000, now: () => clock });
    const opts = options({ getKey: (header) => cache.getKey(ISSUER, header) });

    await verifyIdToken(await sign(claims()), opts);
    expect(idp.calls).toEqual({ discovery: 1, jwks: 1 });

    clock += 1_000; // an ordinary fetch starts no cooldown: the first unknown kid refetches at once
    const forged = await Promise.all(['evil-1', 'evil-2'].map((kid) => sign(claims(), { kid, key: attacker.privateKey })));
    expect(await rejectionCode(verifyIdToken(forged[0]!, opts))).toBe('unknown_kid');
    expect(await rejectionCode(verifyIdToken(forged[1]!, opts))).toBe('unknown_kid');
    expect(idp.calls).toEqual({ discovery: 1, jwks: 2 });
    expect(cache.stats(ISSUER)).toMatchObject({ unknownKidRefetches: 1, jwksFetches: 2 });

    await verifyIdToken(await sign(claims()), opts); // the real key still works, from cache
    expect(idp.calls.jwks).toBe(2);
  });
});

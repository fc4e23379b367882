import { SignJWT, base64url, generateKeyPair, type JWTPayload } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { UniversalLogoutError } from './universal-logout-error';
import { LOGOUT_TOKEN_TYPE, peekLogoutTokenIssuer, verifyLogoutToken } from './verify-logout-token';

const ISSUER = 'https://acme.okta.com';
const AUDIENCE = 'https://app.example.com/api/auth/universal-logout';
const NOW = new Date('2026-06-01T12:00:00Z');
const NOW_S = NOW.getTime() / 1000;

type Keys = Awaited<ReturnType<typeof generateKeyPair>>;
let org: Keys;
let attacker: Keys;
beforeAll(async () => {
  [org, attacker] = await Promise.all([generateKeyPair('RS256'), generateKeyPair('RS256')]);
});

const claims = (overrides: Record<string, unknown> = {}): JWTPayload =>
  Object.fromEntries(
    Object.entries({ iss: ISSUER, sub: '0oa1client', aud: AUDIENCE, jti: 'gtr-1', iat: NOW_S, nbf: NOW_S - 300, exp: NOW_S + 300, ...overrides })
      .filter(([, v]) => v !== undefined),
  );

const sign = (payload: JWTPayload, header: Record<string, unknown> = {}, key?: CryptoKey) =>
  new SignJWT(payload).setProtectedHeader({ alg: 'RS256', kid: 'k1', typ: LOGOUT_TOKEN_TYPE, ...header } as { alg: string }).sign(key ?? org.privateKey);

const verify = (token: string) =>
  verifyLogoutToken(token, { issuer: ISSUER, audience: AUDIENCE, clockSkewSeconds: 60, now: NOW, getKey: async () => org.publicKey });

async function refusal(token: string): Promise<UniversalLogoutError> {
  const error = await verify(token).then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(UniversalLogoutError);
  return error as UniversalLogoutError;
}

describe('verifyLogoutToken', () => {
  it("accepts Okta's token: typ, iss, sub = client id, aud = endpoint, 5-minute lifetime, jti", async () => {
    await expect(verify(await sign(claims()))).resolves.toEqual({ iss: ISSUER, sub: '0oa1client', jti: 'gtr-1', iat: NOW_S, exp: NOW_S + 300 });
  });

  it('accepts a token without typ or sub (the draft makes neither mandatory)', async () => {
    const token = await new SignJWT(claims({ sub: undefined })).setProtectedHeader({ alg: 'RS256' }).sign(org.privateKey);
    await expect(verify(token)).resolves.toMatchObject({ jti: 'gtr-1' });
  });

  it.each([
    ['signed by a key that is not the org', async () => sign(claims(), {}, attacker.privateKey), /Signature/],
    ['another typ (an ID token cannot double as a logout request)', async () => sign(claims(), { typ: 'JWT' }), /Wrong token type/],
    ['another issuer', async () => sign(claims({ iss: 'https://globex.okta.com' })), /Issuer/],
    ['another audience', async () => sign(claims({ aud: 'https://app.example.com/other' })), /Audience/],
    ['the audience with a query string', async () => sign(claims({ aud: `${AUDIENCE}?x=1` })), /Audience/],
    ['expired', async () => sign(claims({ iat: NOW_S - 900, nbf: NOW_S - 900, exp: NOW_S - 61 })), /expired/],
    ['issued in the future', async () => sign(claims({ iat: NOW_S + 120, exp: NOW_S + 400 })), /future/],
    ['not valid yet', async () => sign(claims({ nbf: NOW_S + 120 })), /not valid yet/],
    ['a lifetime of a day', async () => sign(claims({ exp: NOW_S + 86_400 })), /lifetime/],
    ['no exp', async () => sign(claims({ exp: undefined })), /exp and iat/],
    ['no iat', async () => sign(claims({ iat: undefined })), /exp and iat/],
    ['no jti', async () => sign(claims({ jti: undefined })), /jti/],
    ['an empty jti', async () => sign(claims({ jti: '' })), /jti/],
    ['a numeric sub', async () => sign(claims({ sub: 42 })), /sub/],
  ])('refuses a token %s (401 invalid_token)', async (_name, make, message) => {
    const error = await refusal(await make());
    expect(error.code).toBe('invalid_token');
    expect(error.status).toBe(401);
    expect(error.message).toMatch(message);
  });

  it.each(['HS256', 'none', 'ES256', 'PS256'])('refuses alg %s before looking for a key', async (alg) => {
    const header = base64url.encode(JSON.stringify({ alg, typ: LOGOUT_TOKEN_TYPE }));
    const token = `${header}.${base64url.encode(JSON.stringify(claims()))}.c2ln`;
    const error = await refusal(token);
    expect(error.message).toMatch(/Algorithm/);
  });

  it('turns a failed key lookup into invalid_token', async () => {
    const token = await sign(claims());
    const error = await verifyLogoutToken(token, {
      issuer: ISSUER, audience: AUDIENCE, clockSkewSeconds: 60, now: NOW,
      getKey: async () => { throw Object.assign(new Error('x'), { code: 'unknown_kid' }); },
    }).catch((e: unknown) => e as UniversalLogoutError);
    expect(error).toMatchObject({ code: 'invalid_token', details: { reason: 'unknown_kid' } });
  });
});

describe('peekLogoutTokenIssuer', () => {
  it('reads iss without trusting it', async () => {
    expect(peekLogoutTokenIssuer(await sign(claims(), {}, attacker.privateKey))).toBe(ISSUER);
  });
  it.each(['', 'abc', 'a.b', 'a.b.', `${'x'.repeat(20_000)}.a.b`])('refuses %j as not a token (401 missing_token)', (token) => {
    expect(() => peekLogoutTokenIssuer(token)).toThrow(expect.objectContaining({ code: 'missing_token', status: 401 }));
  });
  it('refuses a token without iss', async () => {
    expect(() => peekLogoutTokenIssuer(`${base64url.encode('{"alg":"RS256"}')}.${base64url.encode('{"sub":"x"}')}.c2ln`)).toThrow(/no iss/);
  });
});

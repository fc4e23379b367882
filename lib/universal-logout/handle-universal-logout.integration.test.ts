/**
 * The whole Universal Logout handler against an Okta-like org on a loopback server (discovery and JWKS) and
 * PostgreSQL: the order of its checks, its answers, its audit trail and its rate limit.
 */
// Set before the app's environment is first read in this worker: a tenant limit small enough to reach.
process.env.RATE_LIMIT_OVERRIDES = JSON.stringify({ 'logout.universal.tenant': { limit: 6, ceiling: 6 } });

import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, generateKeyPair, type JWTPayload } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { establishSession } from '@/lib/auth/establish-session';
import { getSessionByToken } from '@/lib/auth/session-store';
import { getDb } from '@/lib/db/client';
import { getEnv } from '@/lib/env';
import { RateLimitedError } from '@/lib/rate-limit/rate-limited-error';
import { createTenant } from '@/lib/tenants/create-tenant';
import type { Tenant } from '@/lib/tenants/tenant';
import { handleUniversalLogout, universalLogoutUrl } from './handle-universal-logout';
import { UniversalLogoutError } from './universal-logout-error';

const suffix = randomUUID().slice(0, 8);
const context = { requestId: `it-gtr-${suffix}`, ip: '127.0.0.2', userAgent: 'vitest' };
let org: http.Server;
let issuer: string;
let tenant: Tenant;
let orgKey: CryptoKey;
let otherKey: CryptoKey;
const KID = `org-key-${suffix}`;

beforeAll(async () => {
  const pair = await generateKeyPair('RS256', { extractable: true });
  orgKey = pair.privateKey;
  otherKey = (await generateKeyPair('RS256')).privateKey;
  const publicJwk = { ...(await exportJWK(pair.publicKey)), kid: KID, alg: 'RS256', use: 'sig' };
  org = http.createServer((req, res) => {
    const json = (value: unknown) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(value));
    if (req.url === '/.well-known/openid-configuration') {
      json({
        issuer, authorization_endpoint: `${issuer}/oauth2/v1/authorize`, token_endpoint: `${issuer}/oauth2/v1/token`,
        jwks_uri: `${issuer}/oauth2/v1/keys`, response_types_supported: ['code'], subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
      });
    } else if (req.url === '/oauth2/v1/keys') json({ keys: [publicJwk] });
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => org.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(org.address() as AddressInfo).port}`;
  tenant = await createTenant(
    {
      slug: `gtr-${suffix}`, displayName: 'GTR', status: 'active', issuer, clientId: `gtr-client-${suffix}`, clientSecret: 'gtr-secret-value',
      clientAuthMethod: 'client_secret_basic', scopes: ['openid', 'profile', 'email'], emailDomains: [],
      loginInitiatedBy: 'app_only', tileLoginFlow: 'redirect',
    },
    { actor: 'test', requestId: 'it', operator: true }, // the operator's word: the connection counts as proven
  );
});
afterAll(async () => {
  await getDb().tenant.deleteMany({ where: { id: tenant.id } });
  await new Promise<void>((resolve) => org.close(() => resolve()));
});

async function signIn(sub: string, email: string) {
  const now = Math.floor(Date.now() / 1000);
  const claims = { iss: issuer, sub, aud: tenant.clientId, exp: now + 3600, iat: now, email, name: sub };
  return (await establishSession({ tenant, claims, idToken: 'x.y.z', flow: 'sp', returnTo: null, context })).token;
}

async function token(overrides: JWTPayload = {}, key = orgKey): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const claims = { jti: randomUUID(), iss: issuer, sub: tenant.clientId, aud: universalLogoutUrl(getEnv().APP_URL), iat: now, nbf: now - 300, exp: now + 300, ...overrides };
  return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: KID, typ: 'global-token-revocation+jwt' }).sign(key);
}

function request(bearer: string | null, body: unknown): Request {
  return new Request(universalLogoutUrl(getEnv().APP_URL), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(bearer && { authorization: `Bearer ${bearer}` }) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

async function refusal(req: Request): Promise<UniversalLogoutError> {
  const error = await handleUniversalLogout(req, context).then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(UniversalLogoutError);
  return error as UniversalLogoutError;
}

describe('handleUniversalLogout', () => {
  it('ends the sessions for a valid request, then refuses its replay', async () => {
    const session = await signIn('00u-gtr-ada', 'ada@gtr.test');
    const bearer = await token();
    const body = { sub_id: { format: 'iss_sub', iss: issuer, sub: '00u-gtr-ada' } };
    await expect(handleUniversalLogout(request(bearer, body), context)).resolves.toEqual({ tenants: [tenant.slug], users: 1, sessionsEnded: 1 });
    expect(await getSessionByToken(session)).toBeNull();
    expect(await refusal(request(bearer, body))).toMatchObject({ code: 'replayed_token', status: 401 });
  });

  it.each([
    ['no bearer token', async () => null, 'missing_token', 401],
    ['a token of another key', async () => token({}, otherKey), 'invalid_token', 401],
    ['a token from an issuer no tenant uses', async () => token({ iss: 'https://unknown.okta.example' }), 'unknown_issuer', 401],
    ['a token for another app instance', async () => token({ sub: 'someone-else' }), 'foreign_token', 403],
  ])('refuses %s, audited, before reading the body', async (_name, make, code, status) => {
    const since = new Date();
    const error = await refusal(request(await make(), 'not even json'));
    expect(error).toMatchObject({ code, status });
    const events = await getDb().auditEvent.findMany({ where: { requestId: context.requestId, type: 'logout.universal_refused', at: { gte: since } } });
    expect(events.map((e) => e.code)).toContain(code);
  });

  it('answers 400 for a malformed body, 403 for another org\'s subject and 404 for an unknown user', async () => {
    expect(await refusal(request(await token(), 'nope'))).toMatchObject({ status: 400 });
    expect(await refusal(request(await token(), { sub_id: { format: 'iss_sub', iss: 'https://other.okta.example', sub: 'x' } }))).toMatchObject({ code: 'foreign_token', status: 403 });
    expect(await refusal(request(await token(), { sub_id: { format: 'email', email: 'nobody@gtr.test' } }))).toMatchObject({ code: 'unknown_user', status: 404 });
  });

  it('limits verified requests per tenant (429 with the policy)', async () => {
    let limited: unknown = null;
    for (let i = 0; i < 10 && !limited; i++) {
      limited = await handleUniversalLogout(request(await token(), { sub_id: { format: 'email', email: 'nobody@gtr.test' } }), context).then(
        () => null,
        (e: unknown) => (e instanceof RateLimitedError ? e : null),
      );
    }
    expect(limited).toMatchObject({ policy: 'logout.universal.tenant', limit: 6 });
  });
});

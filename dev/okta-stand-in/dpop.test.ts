/**
 * DPoP against the stand-in, through the app's own token request (`exchangeCode`): an app that requires DPoP
 * refuses a token request without a proof (and the code stays good), asks for its nonce first
 * (`use_dpop_nonce`), and gives the tokens to a proof that carries it; the signer remembers the nonce.
 */
import { createHash, randomBytes } from 'node:crypto';
import { generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDpopSigner, exchangeCode, validateCallback, type ServerEndpoints } from '@/lib/oidc/code-exchange';
import { startOktaStandIn, type StandIn } from './index';

const CALLBACK = 'http://app.test:3000/api/auth/callback/okta';
const USER = { id: '00u1dpop0alice000001', email: 'alice@dpop.test', password: 'Passw0rd!', name: 'Alice Dpop' };
const app = (key: string, requireDpop: boolean) => ({
  key,
  label: key,
  clientId: `${key}-client`,
  clientSecret: `${key}-secret`,
  redirectUris: [CALLBACK],
  postLogoutRedirectUris: [],
  initiateLoginUri: 'http://app.test:3000/api/auth/initiate',
  tileMode: 'redirect' as const,
  requireDpop,
  assignedUsers: [USER.id],
});

let standIn: StandIn;
let server: ServerEndpoints;

beforeAll(async () => {
  standIn = await startOktaStandIn({
    appUrl: 'http://app.test:3000',
    controlApi: true,
    orgs: [{ key: 'dp', name: 'DPoP Org', port: 0, users: [USER], apps: [app('dpop', true), app('plain', false)] }],
  });
  const issuer = standIn.orgs[0]!.issuer;
  server = { issuer, authorization_endpoint: `${issuer}/oauth2/v1/authorize`, token_endpoint: `${issuer}/oauth2/v1/token` };
}, 30_000);

afterAll(async () => {
  await standIn?.close();
});

/** Signs USER in at the stand-in (plain fetch, one cookie jar) and returns the callback parameters and PKCE verifier. */
async function authorize(clientId: string): Promise<{ params: URLSearchParams; verifier: string }> {
  const cookies = new Map<string, string>();
  const request = async (url: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    headers.set('cookie', [...cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const response = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      cookies.set(pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1));
    }
    return response;
  };
  const verifier = randomBytes(32).toString('base64url');
  const state = randomBytes(8).toString('hex');
  const url = new URL(server.authorization_endpoint);
  url.search = new URLSearchParams({
    client_id: clientId, response_type: 'code', scope: 'openid email', redirect_uri: CALLBACK, state, nonce: 'n-0123456789',
    code_challenge: createHash('sha256').update(verifier).digest('base64url'), code_challenge_method: 'S256',
  }).toString();
  let current = url.href;
  for (let hop = 0; hop < 12; hop++) {
    let response = await request(current);
    if (response.status === 200 && current.includes('/login/')) {
      response = await request(current, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ username: USER.email, password: USER.password }).toString(),
      });
    }
    const next = new URL(response.headers.get('location') ?? '', current);
    if (next.href.startsWith(CALLBACK)) return { params: validateCallback(server, clientId, next.searchParams, state), verifier };
    current = next.href;
  }
  throw new Error('no callback');
}

const exchange = (clientId: string, flow: { params: URLSearchParams; verifier: string }, dpop?: ReturnType<typeof createDpopSigner>) =>
  exchangeCode({
    server,
    credentials: { method: 'client_secret_basic', clientId, clientSecret: clientId.replace('-client', '-secret') },
    callbackParams: flow.params,
    redirectUri: CALLBACK,
    codeVerifier: flow.verifier,
    fetchImpl: fetch,
    allowInsecure: true,
    dpop,
  });

const tokenRequests = async () => ((await (await fetch(`${server.issuer}/__stand-in/stats`)).json()) as { token: number }).token;
const es256 = () => generateKeyPair('ES256', { extractable: true });

describe('an app that requires DPoP (stand-in)', () => {
  it('refuses a token request without a proof, and the code stays good for one with a proof', async () => {
    const flow = await authorize('dpop-client');
    await expect(exchange('dpop-client', flow)).rejects.toMatchObject({
      code: 'token_request_failed',
      details: { error: 'invalid_dpop_proof', error_description: 'The DPoP proof JWT header is missing.' },
    });
    await expect(exchange('dpop-client', flow, createDpopSigner(await es256()))).resolves.toMatchObject({ idToken: expect.any(String) });
  });

  it('asks for its nonce first (use_dpop_nonce); the signer keeps it, so the next sign-in needs one request', async () => {
    const signer = createDpopSigner(await es256());
    const before = await tokenRequests();
    await exchange('dpop-client', await authorize('dpop-client'), signer);
    expect((await tokenRequests()) - before).toBe(2);
    const between = await tokenRequests();
    await exchange('dpop-client', await authorize('dpop-client'), signer);
    expect((await tokenRequests()) - between).toBe(1);
  });

  it('an app that does not require DPoP still works without a proof', async () => {
    await expect(exchange('plain-client', await authorize('plain-client'))).resolves.toMatchObject({ idToken: expect.any(String) });
  });
});

/**
 * Self-test of the Okta stand-in: two orgs on free loopback ports, driven with plain fetch and a tiny cookie jar
 * that (like a browser) does not separate cookies by port.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  createLocalJWKSet,
  decodeProtectedHeader,
  exportJWK,
  generateKeyPair,
  jwtVerify,
  SignJWT,
  type CryptoKey,
  type JSONWebKeySet,
} from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startOktaStandIn, type StandIn, type StandInConfig } from './index';

const APP_URL = 'http://app.test:3000';
const CALLBACK = `${APP_URL}/api/auth/callback/okta`;
const SIGNED_OUT = `${APP_URL}/signed-out`;
const INITIATE = `${APP_URL}/api/auth/initiate`;
const PASSWORD = 'Passw0rd!';
const SHARED_ID = '00u1sharedpat0000099';

const clientKeys = await generateKeyPair('RS256', { extractable: true });
const clientPublicJwk = { ...(await exportJWK(clientKeys.publicKey)), kid: 'client-key-1', alg: 'RS256', use: 'sig' };

const config: StandInConfig = {
  appUrl: APP_URL,
  controlApi: true,
  orgs: [
    {
      key: 'one',
      name: 'Org One',
      port: 0,
      users: [
        { id: '00u1one0alice0000001', email: 'alice@one.test', password: PASSWORD, name: 'Alice One' },
        { id: SHARED_ID, email: 'pat@shared.test', password: PASSWORD, name: 'Pat Shared' },
      ],
      apps: [
        {
          key: 'one-app',
          label: 'App at One',
          clientId: 'one-client',
          clientSecret: 'one-secret',
          redirectUris: [CALLBACK],
          postLogoutRedirectUris: [SIGNED_OUT],
          initiateLoginUri: INITIATE,
          tileMode: 'redirect',
          tileLoginHint: true,
          tileTargetLinkUri: '/t/one?from=tile',
          tenantParam: 'one',
          assignedUsers: ['00u1one0alice0000001', SHARED_ID],
        },
        {
          key: 'one-direct',
          label: 'Direct App at One',
          clientId: 'one-direct-client',
          clientSecret: 'one-direct-secret',
          redirectUris: [CALLBACK, `${APP_URL}/second`],
          postLogoutRedirectUris: [SIGNED_OUT],
          tileMode: 'id_token',
          assignedUsers: ['00u1one0alice0000001'],
        },
        {
          key: 'one-jwt',
          label: 'Key-authenticated App at One',
          clientId: 'one-jwt-client',
          tokenEndpointAuthMethod: 'private_key_jwt',
          jwks: { keys: [clientPublicJwk] },
          redirectUris: [CALLBACK],
          postLogoutRedirectUris: [SIGNED_OUT],
          initiateLoginUri: INITIATE,
          tileMode: 'redirect',
          assignedUsers: ['00u1one0alice0000001'],
        },
      ],
    },
    {
      key: 'two',
      name: 'Org Two',
      port: 0,
      users: [
        { id: '00u1two0carol0000003', email: 'carol@two.test', password: PASSWORD, name: 'Carol Two' },
        { id: '00u1two0dave00000004', email: 'dave@two.test', password: PASSWORD, name: 'Dave Two' },
        { id: SHARED_ID, email: 'pat@shared.test', password: PASSWORD, name: 'Pat Shared' },
      ],
      apps: [
        {
          key: 'two-app',
          label: 'App at Two',
          clientId: 'two-client',
          clientSecret: 'two-secret',
          tokenEndpointAuthMethod: 'client_secret_post',
          redirectUris: [CALLBACK],
          postLogoutRedirectUris: [SIGNED_OUT],
          initiateLoginUri: INITIATE,
          tileMode: 'redirect',
          assignedUsers: ['00u1two0carol0000003', SHARED_ID],
        },
      ],
    },
  ],
};

/** fetch without following redirects, with one cookie jar for every port of 127.0.0.1 (as browsers do). */
class Browser {
  readonly cookies = new Map<string, string>();

  async request(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const response = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const index = pair.indexOf('=');
      const name = pair.slice(0, index).trim();
      const value = pair.slice(index + 1).trim();
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }

  /** Follows redirects while they stay on `origin`; returns the last answer and its URL. */
  async follow(url: string, origin: string, init?: RequestInit): Promise<{ response: Response; url: string }> {
    let current = url;
    let response = await this.request(current, init);
    for (let hops = 0; hops < 10 && response.status >= 300 && response.status < 400; hops += 1) {
      const next = new URL(response.headers.get('location') ?? '', current).href;
      if (new URL(next).origin !== origin) return { response, url: current };
      current = next;
      response = await this.request(current);
    }
    return { response, url: current };
  }

  postForm(url: string, fields: Record<string, string>): Promise<Response> {
    return this.request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });
  }
}

/** Action and fields of the first form in an HTML page. */
function parseForm(html: string): { action: string; fields: Record<string, string> } {
  const action = /<form[^>]*action="([^"]*)"/.exec(html)?.[1] ?? '';
  const fields: Record<string, string> = {};
  for (const match of html.matchAll(/<input[^>]*name="([^"]*)"[^>]*value="([^"]*)"/g)) {
    fields[match[1] ?? ''] = (match[2] ?? '').replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');
  }
  return { action: action.replace(/&amp;/g, '&'), fields };
}

function pkce() {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

type Flow = { state: string; nonce: string; verifier: string; authorizeUrl: string };

function authorizeRequest(issuer: string, clientId: string, extra: Record<string, string> = {}): Flow {
  const { verifier, challenge } = pkce();
  const state = randomBytes(8).toString('hex');
  const nonce = randomBytes(8).toString('hex');
  const url = new URL(`${issuer}/oauth2/v1/authorize`);
  url.search = new URLSearchParams({
    client_id: clientId,
    response_type: 'code',
    scope: 'openid profile email',
    redirect_uri: CALLBACK,
    state,
    nonce,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    ...extra,
  }).toString();
  return { state, nonce, verifier, authorizeUrl: url.href };
}

/** Runs the authorize request; signs in on the login page when it shows up; returns the RP's callback URL. */
async function signIn(browser: Browser, issuer: string, flow: Flow, credentials?: { username: string; password: string }) {
  let { response, url } = await browser.follow(flow.authorizeUrl, issuer);
  let loginShown = false;
  if (response.status === 200 && url.startsWith(`${issuer}/login/`)) {
    loginShown = true;
    if (!credentials) throw new Error('login page shown but no credentials given');
    const posted = await browser.postForm(url, credentials);
    expect(posted.status).toBe(303);
    ({ response, url } = await browser.follow(new URL(posted.headers.get('location') ?? '', url).href, issuer));
  }
  expect(response.status).toBeGreaterThanOrEqual(300);
  expect(response.status).toBeLessThan(400);
  return { callback: new URL(response.headers.get('location') ?? ''), loginShown };
}

async function exchangeBasic(issuer: string, clientId: string, secret: string, code: string, verifier: string) {
  return fetch(`${issuer}/oauth2/v1/token`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(secret)}`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
      accept: 'application/json',
    },
    body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: CALLBACK, code_verifier: verifier }).toString(),
  });
}

async function jwks(issuer: string): Promise<JSONWebKeySet> {
  return (await (await fetch(`${issuer}/oauth2/v1/keys`)).json()) as JSONWebKeySet;
}

async function control(issuer: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${issuer}/__stand-in/${path}`, body === undefined
    ? {}
    : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

let standIn: StandIn;
let one: string;
let two: string;

beforeAll(async () => {
  standIn = await startOktaStandIn(config);
  one = standIn.orgs.find((org) => org.key === 'one')!.issuer;
  two = standIn.orgs.find((org) => org.key === 'two')!.issuer;
}, 30_000);

afterAll(async () => {
  await standIn?.close();
});

beforeEach(async () => {
  await control(one, 'reset', {});
  await control(two, 'reset', {});
});

describe('discovery and keys', () => {
  it('serves an Okta org-server-shaped discovery document whose issuer equals the issuer', async () => {
    for (const issuer of [one, two]) {
      expect(issuer).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const response = await fetch(`${issuer}/.well-known/openid-configuration`);
      expect(response.status).toBe(200);
      const doc = (await response.json()) as Record<string, unknown>;
      expect(doc.issuer).toBe(issuer);
      expect(doc.authorization_endpoint).toBe(`${issuer}/oauth2/v1/authorize`);
      expect(doc.token_endpoint).toBe(`${issuer}/oauth2/v1/token`);
      expect(doc.jwks_uri).toBe(`${issuer}/oauth2/v1/keys`);
      expect(doc.userinfo_endpoint).toBe(`${issuer}/oauth2/v1/userinfo`);
      expect(doc.end_session_endpoint).toBe(`${issuer}/oauth2/v1/logout`);
      expect(doc.introspection_endpoint).toBe(`${issuer}/oauth2/v1/introspect`);
      expect(doc.revocation_endpoint).toBe(`${issuer}/oauth2/v1/revoke`);
      expect(doc.id_token_signing_alg_values_supported).toEqual(['RS256']);
      expect(doc.code_challenge_methods_supported).toContain('S256');
      expect(doc.scopes_supported).toEqual(expect.arrayContaining(['openid', 'profile', 'email', 'address', 'phone']));
      expect(doc.scopes_supported).not.toContain('offline_access');
      expect(doc.token_endpoint_auth_methods_supported).toEqual(
        expect.arrayContaining(['client_secret_basic', 'client_secret_post', 'private_key_jwt']),
      );
    }
  });

  it('publishes one RS256 public key with a kid per org, different between orgs', async () => {
    const [a, b] = [await jwks(one), await jwks(two)];
    for (const set of [a, b]) {
      expect(set.keys).toHaveLength(1);
      const [key] = set.keys;
      expect(key).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' });
      expect(typeof key?.kid).toBe('string');
      expect(key).not.toHaveProperty('d');
    }
    expect(a.keys[0]?.kid).not.toBe(b.keys[0]?.kid);
  });
});

describe('authorization code flow', () => {
  it('refuses an authorize request without state with a 400 page, before any login', async () => {
    const flow = authorizeRequest(one, 'one-client');
    const url = new URL(flow.authorizeUrl);
    url.searchParams.delete('state');
    const browser = new Browser();
    const response = await browser.request(url.href);
    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
    expect(await response.text()).toContain('state');
    expect(browser.cookies.size).toBe(0);
  });

  it('signs in with PKCE and client_secret_basic and issues an Okta-like RS256 ID token', async () => {
    const browser = new Browser();
    const flow = authorizeRequest(one, 'one-client', { login_hint: 'alice@one.test' });

    const first = await browser.follow(flow.authorizeUrl, one);
    expect(first.url).toMatch(new RegExp(`^${one}/login/`));
    const loginPage = await first.response.text();
    expect(loginPage).toContain('<title>Sign in to Org One</title>');
    expect(loginPage).toContain('>Username<');
    expect(loginPage).toContain('>Password<');
    expect(loginPage).toContain('>Sign in</button>');
    expect(loginPage).toContain('value="alice@one.test"');

    const wrong = await browser.postForm(first.url, { username: 'alice@one.test', password: 'nope' });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('location')).toBeNull();
    expect(await wrong.text()).toContain('Sign in failed');

    const right = await browser.postForm(first.url, { username: 'alice@one.test', password: PASSWORD });
    expect(right.status).toBe(303);
    const back = await browser.follow(new URL(right.headers.get('location') ?? '', one).href, one);
    const callback = new URL(back.response.headers.get('location') ?? '');
    expect(`${callback.origin}${callback.pathname}`).toBe(CALLBACK);
    expect(callback.searchParams.get('state')).toBe(flow.state);
    const code = callback.searchParams.get('code');
    expect(code).toBeTruthy();

    const tokenResponse = await exchangeBasic(one, 'one-client', 'one-secret', code!, flow.verifier);
    expect(tokenResponse.status).toBe(200);
    expect(tokenResponse.headers.get('x-rate-limit-limit')).toMatch(/^\d+$/);
    expect(tokenResponse.headers.get('x-rate-limit-remaining')).toMatch(/^\d+$/);
    expect(Number(tokenResponse.headers.get('x-rate-limit-reset'))).toBeGreaterThan(Date.now() / 1000);
    const tokens = (await tokenResponse.json()) as { id_token: string; access_token: string; token_type: string; refresh_token?: string };
    expect(tokens.token_type).toBe('Bearer');
    expect(tokens.refresh_token).toBeUndefined();

    const header = decodeProtectedHeader(tokens.id_token);
    const keys = await jwks(one);
    expect(header.alg).toBe('RS256');
    expect(header.kid).toBe(keys.keys[0]?.kid);
    const { payload } = await jwtVerify(tokens.id_token, createLocalJWKSet(keys), {
      issuer: one,
      audience: 'one-client',
      algorithms: ['RS256'],
    });
    expect(payload.nonce).toBe(flow.nonce);
    expect(payload.sub).toBe('00u1one0alice0000001');
    expect(payload.email).toBe('alice@one.test');
    expect(payload.name).toBe('Alice One');
    expect(payload.preferred_username).toBe('alice@one.test');
    expect(payload.jti).toMatch(/^ID\./);
    expect(payload.amr).toEqual(['pwd']);
    expect(typeof payload.auth_time).toBe('number');
    expect(payload.idp).toMatch(/^00o/);
    expect(payload.exp! - payload.iat!).toBe(3600);

    const userinfo = await fetch(`${one}/oauth2/v1/userinfo`, { headers: { authorization: `Bearer ${tokens.access_token}` } });
    expect(userinfo.status).toBe(200);
    expect(await userinfo.json()).toMatchObject({ sub: '00u1one0alice0000001', email: 'alice@one.test', given_name: 'Alice' });

    // A code works once.
    expect((await exchangeBasic(one, 'one-client', 'one-secret', code!, flow.verifier)).status).toBe(400);

    // SSO: the next authorize request of the same browser does not ask for the password.
    const again = await signIn(browser, one, authorizeRequest(one, 'one-client'));
    expect(again.loginShown).toBe(false);
    expect(again.callback.searchParams.get('code')).toBeTruthy();

    const stats = (await (await control(one, 'stats')).json()) as Record<string, number>;
    expect(stats.authorize).toBe(2);
    expect(stats.token).toBe(2);
    expect(stats.keys).toBe(1);
  });

  it('rejects a wrong PKCE verifier and a wrong client secret', async () => {
    const browser = new Browser();
    const flow = authorizeRequest(one, 'one-client');
    const { callback } = await signIn(browser, one, flow, { username: 'alice@one.test', password: PASSWORD });
    const code = callback.searchParams.get('code')!;
    expect((await exchangeBasic(one, 'one-client', 'wrong', code, flow.verifier)).status).toBe(401);
    expect((await exchangeBasic(one, 'one-client', 'one-secret', code, pkce().verifier)).status).toBe(400);
  });

  it('supports client_secret_post and keeps the two orgs\' sessions apart', async () => {
    const browser = new Browser();
    const atOne = await signIn(browser, one, authorizeRequest(one, 'one-client'), { username: 'pat@shared.test', password: PASSWORD });
    expect(atOne.loginShown).toBe(true);

    const flow = authorizeRequest(two, 'two-client');
    const atTwo = await signIn(browser, two, flow, { username: 'pat@shared.test', password: PASSWORD });
    expect(atTwo.loginShown).toBe(true); // org one's session does not sign the user in at org two
    const response = await fetch(`${two}/oauth2/v1/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code: atTwo.callback.searchParams.get('code')!,
        redirect_uri: CALLBACK,
        code_verifier: flow.verifier,
        client_id: 'two-client',
        client_secret: 'two-secret',
      }).toString(),
    });
    expect(response.status).toBe(200);
    const { id_token } = (await response.json()) as { id_token: string };
    const { payload } = await jwtVerify(id_token, createLocalJWKSet(await jwks(two)), { issuer: two, audience: 'two-client' });
    expect(payload.sub).toBe(SHARED_ID);
    expect(payload.email).toBe('pat@shared.test');

    // Both sessions are still there.
    expect((await signIn(browser, one, authorizeRequest(one, 'one-client'))).loginShown).toBe(false);
    expect((await signIn(browser, two, authorizeRequest(two, 'two-client'))).loginShown).toBe(false);
  });

  it('answers access_denied to the RP when the user is not assigned to the app', async () => {
    const browser = new Browser();
    const flow = authorizeRequest(two, 'two-client');
    const { callback } = await signIn(browser, two, flow, { username: 'dave@two.test', password: PASSWORD });
    expect(`${callback.origin}${callback.pathname}`).toBe(CALLBACK);
    expect(callback.searchParams.get('error')).toBe('access_denied');
    expect(callback.searchParams.get('error_description')).toBe('User is not assigned to the client application.');
    expect(callback.searchParams.get('state')).toBe(flow.state);
    expect(callback.searchParams.get('code')).toBeNull();
  });

  it('authenticates a private_key_jwt client', async () => {
    const browser = new Browser();
    const flow = authorizeRequest(one, 'one-jwt-client');
    const { callback } = await signIn(browser, one, flow, { username: 'alice@one.test', password: PASSWORD });
    const assertion = await new SignJWT({})
      .setProtectedHeader({ alg: 'RS256', kid: 'client-key-1' })
      .setIssuer('one-jwt-client')
      .setSubject('one-jwt-client')
      .setAudience(`${one}/oauth2/v1/token`)
      .setJti(randomBytes(12).toString('hex'))
      .setIssuedAt()
      .setExpirationTime('2m')
      .sign(clientKeys.privateKey as CryptoKey);
    const response = await fetch(`${one}/oauth2/v1/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code: callback.searchParams.get('code')!,
        redirect_uri: CALLBACK,
        code_verifier: flow.verifier,
        client_id: 'one-jwt-client',
        client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
        client_assertion: assertion,
      }).toString(),
    });
    expect(response.status).toBe(200);
    const { id_token } = (await response.json()) as { id_token: string };
    await jwtVerify(id_token, createLocalJWKSet(await jwks(one)), { issuer: one, audience: 'one-jwt-client' });
  });

  it('answers login_required to prompt=none without a session', async () => {
    const flow = authorizeRequest(one, 'one-client', { prompt: 'none' });
    const { callback } = await signIn(new Browser(), one, flow);
    expect(callback.searchParams.get('error')).toBe('login_required');
    expect(callback.searchParams.get('state')).toBe(flow.state);
  });

  it('answers access_denied to an unassigned user who already has a session (also with prompt=none)', async () => {
    const browser = new Browser();
    const start = await browser.follow(`${two}/app/UserHome`, two);
    const posted = await browser.postForm(start.url, { username: 'dave@two.test', password: PASSWORD });
    const home = await browser.follow(new URL(posted.headers.get('location') ?? '', two).href, two);
    expect(await home.response.text()).toContain('No apps are assigned to you.');

    for (const extra of [{}, { prompt: 'none' }] as Record<string, string>[]) {
      const flow = authorizeRequest(two, 'two-client', extra);
      const { callback, loginShown } = await signIn(browser, two, flow);
      expect(loginShown).toBe(false);
      expect(callback.searchParams.get('error')).toBe('access_denied');
      expect(callback.searchParams.get('error_description')).toBe('User is not assigned to the client application.');
    }
    expect((await browser.request(`${two}/home/two-app`)).status).toBe(403);
  });

  it('asks for the password again with prompt=login', async () => {
    const browser = new Browser();
    await signIn(browser, one, authorizeRequest(one, 'one-client'), { username: 'alice@one.test', password: PASSWORD });
    const forced = await signIn(browser, one, authorizeRequest(one, 'one-client', { prompt: 'login' }), {
      username: 'alice@one.test',
      password: PASSWORD,
    });
    expect(forced.loginShown).toBe(true);
    expect(forced.callback.searchParams.get('code')).toBeTruthy();
  });
});

describe('logout', () => {
  it('signs out without a confirmation step and returns to the registered post-logout URI with state', async () => {
    const browser = new Browser();
    const flow = authorizeRequest(one, 'one-client');
    const { callback } = await signIn(browser, one, flow, { username: 'alice@one.test', password: PASSWORD });
    const tokens = (await (await exchangeBasic(one, 'one-client', 'one-secret', callback.searchParams.get('code')!, flow.verifier)).json()) as { id_token: string };

    const logout = new URL(`${one}/oauth2/v1/logout`);
    logout.search = new URLSearchParams({ id_token_hint: tokens.id_token, post_logout_redirect_uri: SIGNED_OUT, state: 'bye' }).toString();
    const page = await browser.request(logout.href);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('.submit()'); // submits itself: no question to the user
    const form = parseForm(html);
    expect(form.fields.logout).toBe('yes');
    const confirmed = await browser.postForm(new URL(form.action, one).href, form.fields);
    expect(confirmed.status).toBe(303);
    expect(confirmed.headers.get('location')).toBe(`${SIGNED_OUT}?state=bye`);

    expect((await signIn(browser, one, authorizeRequest(one, 'one-client'), { username: 'alice@one.test', password: PASSWORD })).loginShown).toBe(true);
  });

  it('refuses an unregistered post_logout_redirect_uri', async () => {
    const browser = new Browser();
    const flow = authorizeRequest(one, 'one-client');
    const { callback } = await signIn(browser, one, flow, { username: 'alice@one.test', password: PASSWORD });
    const tokens = (await (await exchangeBasic(one, 'one-client', 'one-secret', callback.searchParams.get('code')!, flow.verifier)).json()) as { id_token: string };
    const logout = new URL(`${one}/oauth2/v1/logout`);
    logout.search = new URLSearchParams({ id_token_hint: tokens.id_token, post_logout_redirect_uri: 'https://evil.test/' }).toString();
    expect((await browser.request(logout.href)).status).toBe(400);
  });
});

describe('end-user dashboard', () => {
  it('signs in once, lists the tiles, launches them, and shares the session with the authorize endpoint', async () => {
    const browser = new Browser();
    const start = await browser.follow(`${one}/app/UserHome`, one);
    expect(start.url).toMatch(new RegExp(`^${one}/login/`));
    expect(await start.response.text()).toContain('Sign in to Org One');
    const posted = await browser.postForm(start.url, { username: 'alice@one.test', password: PASSWORD });
    const home = await browser.follow(new URL(posted.headers.get('location') ?? '', one).href, one);
    expect(home.url).toBe(`${one}/app/UserHome`);
    const html = await home.response.text();
    expect(html).toContain(`href="${one}/home/one-app"`);
    expect(html).toContain('>App at One</a>');
    expect(html).toContain('>Direct App at One</a>');

    // OIDC Compliant tile.
    const redirectTile = await browser.request(`${one}/home/one-app`);
    expect(redirectTile.status).toBe(302);
    const initiate = new URL(redirectTile.headers.get('location') ?? '');
    expect(`${initiate.origin}${initiate.pathname}`).toBe(INITIATE);
    expect(initiate.searchParams.get('iss')).toBe(one);
    expect(initiate.searchParams.get('login_hint')).toBe('alice@one.test');
    expect(initiate.searchParams.get('target_link_uri')).toBe('/t/one?from=tile');
    expect(initiate.searchParams.get('tenant')).toBe('one');

    // Okta Simplified tile: a self-submitting form POSTing a fresh ID token to the first redirect URI.
    const directTile = await browser.request(`${one}/home/one-direct`);
    expect(directTile.status).toBe(200);
    const directHtml = await directTile.text();
    expect(directHtml).toContain('method="post"');
    expect(directHtml).toContain('<noscript>');
    const form = parseForm(directHtml);
    expect(form.action).toBe(CALLBACK);
    const { payload, protectedHeader } = await jwtVerify(form.fields.id_token ?? '', createLocalJWKSet(await jwks(one)), {
      issuer: one,
      audience: 'one-direct-client',
      algorithms: ['RS256'],
    });
    expect(protectedHeader.kid).toBeTruthy();
    expect(payload).toMatchObject({ sub: '00u1one0alice0000001', email: 'alice@one.test', name: 'Alice One', amr: ['pwd'] });
    expect(payload.jti).toMatch(/^ID\./);
    expect(payload.nonce).toBeUndefined();
    expect(payload.exp! - payload.iat!).toBe(3600);

    // The app's own authorize request needs no password now.
    const sso = await signIn(browser, one, authorizeRequest(one, 'one-client'));
    expect(sso.loginShown).toBe(false);
    expect(sso.callback.searchParams.get('code')).toBeTruthy();

    // Dashboard requests are not counted as the app's authorize requests.
    expect(((await (await control(one, 'stats')).json()) as Record<string, number>).authorize).toBe(1);
  });

  it('sends a user signed in at the app straight to the tiles', async () => {
    const browser = new Browser();
    await signIn(browser, one, authorizeRequest(one, 'one-client'), { username: 'alice@one.test', password: PASSWORD });
    const home = await browser.follow(`${one}/app/UserHome`, one);
    expect(home.url).toBe(`${one}/app/UserHome`);
    expect(await home.response.text()).toContain('>App at One</a>');
  });

  it('signs out from the dashboard', async () => {
    const browser = new Browser();
    const start = await browser.follow(`${one}/app/UserHome`, one);
    const posted = await browser.postForm(start.url, { username: 'alice@one.test', password: PASSWORD });
    await browser.follow(new URL(posted.headers.get('location') ?? '', one).href, one);
    const signOut = await browser.follow(`${one}/app/UserHome/signout`, one);
    const form = parseForm(await signOut.response.text());
    const confirmed = await browser.postForm(new URL(form.action, one).href, form.fields);
    expect(confirmed.headers.get('location')).toBe(`${one}/app/UserHome`);
    const again = await browser.follow(`${one}/app/UserHome`, one);
    expect(again.url).toMatch(new RegExp(`^${one}/login/`));
  });

  it('launching a tile without a session signs in first, then launches', async () => {
    const browser = new Browser();
    const start = await browser.follow(`${two}/home/two-app`, two);
    expect(start.url).toMatch(new RegExp(`^${two}/login/`));
    const posted = await browser.postForm(start.url, { username: 'carol@two.test', password: PASSWORD });
    const done = await browser.follow(new URL(posted.headers.get('location') ?? '', two).href, two);
    const initiate = new URL(done.response.headers.get('location') ?? '');
    expect(initiate.searchParams.get('iss')).toBe(two);
    expect(initiate.searchParams.has('login_hint')).toBe(false);
    expect(initiate.searchParams.has('tenant')).toBe(false);
  });
});

describe('control API', () => {
  it('mints ID tokens with overrides, foreign keys and odd algorithms', async () => {
    const keys = createLocalJWKSet(await jwks(one));
    const minted = (await (await control(one, 'mint-id-token', { app: 'one-direct' })).json()) as { id_token: string };
    const { payload } = await jwtVerify(minted.id_token, keys, { issuer: one, audience: 'one-direct-client' });
    expect(payload.jti).toMatch(/^ID\./);

    const expired = (await (await control(one, 'mint-id-token', { exp: 1_000, iat: 500, aud: 'someone-else', nonce: 'n' })).json()) as { id_token: string };
    const expiredPayload = JSON.parse(Buffer.from(expired.id_token.split('.')[1] ?? '', 'base64url').toString()) as Record<string, unknown>;
    expect(expiredPayload).toMatchObject({ exp: 1_000, iat: 500, aud: 'someone-else', nonce: 'n', iss: one });
    await expect(jwtVerify(expired.id_token, keys)).rejects.toThrow();

    const foreign = (await (await control(one, 'mint-id-token', { signWith: 'other' })).json()) as { id_token: string };
    const foreignKid = decodeProtectedHeader(foreign.id_token).kid;
    expect(foreignKid).toBeTruthy();
    expect((await jwks(one)).keys.map((key) => key.kid)).not.toContain(foreignKid);

    const unknownKid = (await (await control(one, 'mint-id-token', { kid: 'no-such-kid' })).json()) as { id_token: string };
    expect(decodeProtectedHeader(unknownKid.id_token).kid).toBe('no-such-kid');

    const unsigned = (await (await control(one, 'mint-id-token', { alg: 'none' })).json()) as { id_token: string };
    expect(unsigned.id_token.endsWith('.')).toBe(true);
    expect(decodeProtectedHeader(unsigned.id_token).alg).toBe('none');

    const hmac = (await (await control(one, 'mint-id-token', { alg: 'HS256' })).json()) as { id_token: string };
    expect(decodeProtectedHeader(hmac.id_token).alg).toBe('HS256');

    expect((await control(one, 'mint-id-token', { alg: 'XX999' })).status).toBe(400);
  });

  it('makes the token endpoint answer 429 with Okta\'s headers and body, then recovers on reset', async () => {
    const behaviour = await control(one, 'behaviour', { tokenStatus: 429, rateLimitResetSeconds: 30 });
    expect(behaviour.status).toBe(200);
    const before = Math.floor(Date.now() / 1000);
    const limited = await exchangeBasic(one, 'one-client', 'one-secret', 'whatever', 'whatever');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('x-rate-limit-limit')).toMatch(/^\d+$/);
    expect(limited.headers.get('x-rate-limit-remaining')).toBe('0');
    const reset = Number(limited.headers.get('x-rate-limit-reset'));
    expect(reset).toBeGreaterThanOrEqual(before + 29);
    expect(reset).toBeLessThanOrEqual(before + 31);
    expect(await limited.json()).toMatchObject({ errorCode: 'E0000047', errorSummary: 'API call exceeded rate limit due to too many requests.' });

    await control(one, 'reset', {});
    const normal = await exchangeBasic(one, 'one-client', 'one-secret', 'whatever', 'whatever');
    expect(normal.status).toBe(400); // processed again (the code is bogus)
    expect(await normal.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('fails only the next N token requests, and can delay them', async () => {
    await control(one, 'behaviour', { tokenStatus: 503, tokenStatusCount: 1, tokenDelayMs: 150 });
    const started = Date.now();
    expect((await exchangeBasic(one, 'one-client', 'one-secret', 'x', 'x')).status).toBe(503);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect((await exchangeBasic(one, 'one-client', 'one-secret', 'x', 'x')).status).toBe(400);
    expect(((await (await control(one, 'stats')).json()) as Record<string, number>).token).toBe(2);
  });

  it('sends Universal Logout requests signed with the org key, as Okta does', async () => {
    const received: { auth?: string; body?: string }[] = [];
    const app = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk));
      req.on('end', () => {
        received.push({ auth: req.headers.authorization, body });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve));
    const endpoint = `http://127.0.0.1:${(app.address() as AddressInfo).port}/api/auth/universal-logout`;
    try {
      const sent = (await (await control(one, 'universal-logout', { app: 'one-app', user: 'alice@one.test', format: 'iss_sub', endpoint })).json()) as {
        status: number; token: string;
      };
      expect(sent.status).toBe(204);
      expect(received).toHaveLength(1);
      expect(received[0]!.auth).toBe(`Bearer ${sent.token}`);
      expect(JSON.parse(received[0]!.body!)).toEqual({ sub_id: { format: 'iss_sub', iss: one, sub: '00u1one0alice0000001' } });
      const { payload, protectedHeader } = await jwtVerify(sent.token, createLocalJWKSet(await jwks(one)), { issuer: one, audience: endpoint });
      expect(protectedHeader.typ).toBe('global-token-revocation+jwt');
      expect(payload).toMatchObject({ sub: 'one-client' });
      expect(payload.exp! - payload.iat!).toBe(300);

      const replay = (await (await control(one, 'universal-logout', { app: 'one-app', token: sent.token, member: 'subject', user: 'alice@one.test', endpoint })).json()) as { token: string };
      expect(replay.token).toBe(sent.token);
      expect(JSON.parse(received[1]!.body!)).toEqual({ subject: { format: 'email', email: 'alice@one.test' } });
    } finally {
      app.close();
    }
    expect((await control(one, 'universal-logout', { app: 'one-app', endpoint: 'http://app.test:3000/api/auth/universal-logout' })).status).toBe(400);
    expect((await control(one, 'universal-logout', { app: 'one-app', endpoint: 'http://127.0.0.1:1/x', format: 'phone' })).status).toBe(400);
  });

  it('validates behaviour input', async () => {
    expect((await control(one, 'behaviour', { tokenStatus: 'soon' })).status).toBe(400);
    expect((await control(one, 'behaviour', { bogus: 1 })).status).toBe(400);
  });
});

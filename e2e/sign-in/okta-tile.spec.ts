import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { SignJWT } from 'jose';
import { TenantHomePage, expectErrorPage } from '../fixtures/app';
import { auditSince, countSessions, setTenant } from '../fixtures/db';
import { OktaSignInPage, mintIdToken } from '../fixtures/okta';
import { E2E, issuerOf } from '../support/e2e-settings';

const ACME = issuerOf('acme');
const GLOBEX = issuerOf('globex');

async function signInAtDashboard(page: Page, org: 'acme' | 'globex', email: string) {
  await page.goto(`${issuerOf(org)}/app/UserHome`);
  await new OktaSignInPage(page).signIn(email);
  await expect(page).toHaveURL(new RegExp(`^${issuerOf(org)}/app/UserHome`));
}

/** POSTs an ID token as the Okta Simplified tile does (cross-site form), without following the redirect. */
async function postIdToken(request: APIRequestContext, idToken: string, path = '/api/auth/callback/okta') {
  return request.post(path, { form: { id_token: idToken }, maxRedirects: 0, headers: { origin: ACME } });
}

test.describe('Okta tile: redirect to app (initiate login URI)', () => {
  test('tile → initiate URI → Okta → tenant landing page', async ({ page }) => {
    await signInAtDashboard(page, 'acme', 'alice@acme.test');
    await page.getByRole('link', { name: 'OIN Reference SaaS (Acme)', exact: true }).click();
    await new TenantHomePage(page).expectSignedIn('acme', { email: 'alice@acme.test', flow: /redirect to app/ });
  });

  test('tile of a second tenant in another org, with login_hint and target_link_uri', async ({ page }) => {
    await signInAtDashboard(page, 'globex', 'carol@globex.test');
    await page.getByRole('link', { name: 'OIN Reference SaaS (Globex)' }).click();
    await expect(page).toHaveURL(/\/t\/globex\?from=tile$/);
    await new TenantHomePage(page).expectSignedIn('globex', { email: 'carol@globex.test', flow: /redirect to app/ });
  });

  test('login_hint is prefilled at the IdP', async ({ page }) => {
    await page.goto(`/api/auth/initiate?iss=${encodeURIComponent(GLOBEX)}&login_hint=carol%40globex.test`);
    const okta = new OktaSignInPage(page);
    await okta.expectShown('globex');
    await expect(okta.username()).toHaveValue('carol@globex.test');
  });

  test('a target_link_uri inside the app is honoured', async ({ page }) => {
    await page.goto(`/api/auth/initiate?iss=${encodeURIComponent(GLOBEX)}&target_link_uri=${encodeURIComponent(`${E2E.appUrl}/t/globex?deep=link`)}`);
    await new OktaSignInPage(page).signIn('carol@globex.test');
    await expect(page).toHaveURL(/\/t\/globex\?deep=link$/);
  });

  for (const target of ['https://evil.example/', '//evil.example', '/\\evil.example', 'javascript:alert(1)', `${E2E.appUrl}//evil.example`, '/.//evil.example']) {
    test(`a target_link_uri of ${target} is ignored`, async ({ page }) => {
      await page.goto(`/api/auth/initiate?iss=${encodeURIComponent(GLOBEX)}&target_link_uri=${encodeURIComponent(target)}`);
      await new OktaSignInPage(page).signIn('carol@globex.test');
      await expect(page).toHaveURL(`${E2E.appUrl}/t/globex`);
    });
  }

  test('an unknown iss gets a 400 page, an audit event and no redirect', async ({ page }) => {
    const since = new Date();
    const response = await page.goto('/api/auth/initiate?iss=https%3A%2F%2Funknown.example');
    await expectErrorPage(page, response, 400, 'unknown_issuer');
    expect(page.url()).toContain('/api/auth/initiate');
    expect((await auditSince(since, 'signin.failed'))[0]?.code).toBe('unknown_issuer');
  });

  test('an iss shared by two tenants without tenant= tells the admin what to configure', async ({ page }) => {
    const response = await page.goto(`/api/auth/initiate?iss=${encodeURIComponent(ACME)}`);
    await expectErrorPage(page, response, 400, 'ambiguous_issuer');
    await expect(page.getByText('tenant=<your slug>')).toBeVisible();
  });

  test('a tenant that allows app-initiated sign-in only refuses the tile', async ({ page }) => {
    await setTenant('globex', { loginInitiatedBy: 'app_only' });
    try {
      const since = new Date();
      const response = await page.goto(`/api/auth/initiate?iss=${encodeURIComponent(GLOBEX)}`);
      await expectErrorPage(page, response, 403, 'okta_initiated_disabled');
      expect((await auditSince(since, 'signin.failed'))[0]?.code).toBe('okta_initiated_disabled');
    } finally {
      await setTenant('globex', { loginInitiatedBy: 'either' });
    }
  });

  test('the initiate URI cannot be framed', async ({ request }) => {
    const response = await request.get(`/api/auth/initiate?iss=${encodeURIComponent(GLOBEX)}`, { maxRedirects: 0 });
    expect(response.status()).toBe(303);
    expect(response.headers()['x-frame-options']).toBe('DENY');
    expect(response.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  });
});

test.describe('Okta tile: Okta Simplified (ID token POST)', () => {
  test('tile → ID token POST → tenant landing page, session cookie survives the cross-site POST', async ({ page }) => {
    await signInAtDashboard(page, 'acme', 'bob@acme.test');
    await page.getByRole('link', { name: 'OIN Reference SaaS (Acme, direct)' }).click();
    await new TenantHomePage(page).expectSignedIn('acme-direct', { email: 'bob@acme.test', flow: /ID token sent directly/ });
    await page.reload();
    await new TenantHomePage(page).expectSignedIn('acme-direct', { email: 'bob@acme.test' });
  });

  test('the same POST to the initiate login URI also works', async ({ request }) => {
    const token = await mintIdToken('acme', { app: 'acme-direct', user: 'alice@acme.test' });
    const response = await postIdToken(request, token, '/api/auth/initiate');
    expect(response.status()).toBe(303);
    expect(response.headers()['location']).toBe(`${E2E.appUrl}/t/acme-direct`);
  });

  test('a replayed ID token signs no one in', async ({ request }) => {
    const token = await mintIdToken('acme', { app: 'acme-direct', user: 'alice@acme.test' });
    expect((await postIdToken(request, token)).status()).toBe(303);
    const sessions = await countSessions();
    const since = new Date();
    const replay = await postIdToken(request, token);
    expect(replay.status()).toBe(401);
    expect(await replay.text()).toContain('replayed_token');
    expect(replay.headers()['set-cookie'] ?? '').not.toMatch(/(^|\s)session=[^;]/);
    expect(await countSessions()).toBe(sessions);
    expect((await auditSince(since, 'signin.failed'))[0]?.code).toBe('replayed_token');
  });

  const now = () => Math.floor(Date.now() / 1000);
  const refusals: Array<[string, () => Promise<string>, number, string]> = [
    ['older than the window', () => mintIdToken('acme', { app: 'acme-direct', iat: now() - 600 }), 401, 'iat_too_old'],
    ['expired', () => mintIdToken('acme', { app: 'acme-direct', iat: now() - 200, exp: now() - 100 }), 401, 'token_expired'],
    ['for another audience', () => mintIdToken('acme', { app: 'acme-direct', aud: 'someone-else' }), 401, 'aud_mismatch'],
    ["with tenant A's iss and tenant B's aud", () => mintIdToken('acme', { app: 'acme-direct', aud: 'globex-app' }), 401, 'aud_mismatch'],
    ['from an unknown issuer', () => mintIdToken('acme', { app: 'acme-direct', iss: 'https://unknown.example' }), 400, 'unknown_issuer'],
    ['for a tenant with the mode switched off', () => mintIdToken('acme', { app: 'acme' }), 403, 'id_token_post_disabled'],
    ['with alg none', () => mintIdToken('acme', { app: 'acme-direct', alg: 'none' }), 401, 'alg_not_allowed'],
    ['signed HS256 with the public key', () => hs256WithPublicKey(), 401, 'alg_not_allowed'],
    ['with an unknown kid', () => mintIdToken('acme', { app: 'acme-direct', signWith: 'other', kid: 'unknown-kid' }), 401, 'unknown_kid'],
    ['signed by another key under the real kid', async () => mintIdToken('acme', { app: 'acme-direct', signWith: 'other', kid: await realKid() }), 401, 'bad_signature'],
    ['without jti', () => mintIdToken('acme', { app: 'acme-direct', jti: null }), 401, 'jti_missing'],
  ];

  for (const [name, make, status, detail] of refusals) {
    test(`an ID token ${name} is refused`, async ({ page }) => {
      const token = await make();
      const sessions = await countSessions();
      const since = new Date();
      // Submitted from a real cross-site page, as Okta's auto-posting form does.
      await page.goto(`${ACME}/.well-known/openid-configuration`);
      await page.setContent(
        `<form method="post" action="${E2E.appUrl}/api/auth/callback/okta"><input name="id_token" value="${token}"><button>Go</button></form>`,
      );
      const [response] = await Promise.all([page.waitForResponse(`${E2E.appUrl}/api/auth/callback/okta`), page.getByRole('button').click()]);
      expect(response.status()).toBe(status);
      await expect(page.getByTestId('request-id')).not.toBeEmpty();
      expect(await countSessions()).toBe(sessions);
      const audit = await auditSince(since, 'signin.failed');
      expect(audit[0]?.code).toBe(detail);
      expect((await page.context().cookies(E2E.appUrl)).some((c) => c.name === 'session')).toBe(false);
    });
  }
});

test('an ID token POST from a site other than Okta is refused (login CSRF)', async ({ page }) => {
  const token = await mintIdToken('acme', { app: 'acme-direct', user: 'alice@acme.test' });
  const sessions = await countSessions();
  const since = new Date();
  // Another origin than the token's issuer (here: the other org's host) posts a valid, fresh token.
  await page.goto(`${GLOBEX}/.well-known/openid-configuration`);
  await page.setContent(
    `<form method="post" action="${E2E.appUrl}/api/auth/callback/okta"><input name="id_token" value="${token}"><button>Go</button></form>`,
  );
  const [response] = await Promise.all([page.waitForResponse(`${E2E.appUrl}/api/auth/callback/okta`), page.getByRole('button').click()]);
  expect(response.status()).toBe(403);
  await expect(page.getByTestId('error-code')).toHaveText('cross_site_post');
  expect(await countSessions()).toBe(sessions);
  expect((await auditSince(since, 'signin.failed'))[0]?.code).toBe('cross_site_post');
});

async function realKid(): Promise<string> {
  const jwks = (await (await fetch(`${ACME}/oauth2/v1/keys`)).json()) as { keys: Array<{ kid: string }> };
  return jwks.keys[0]!.kid;
}

/** The classic key-confusion forgery: HMAC keyed with the IdP's public key. */
async function hs256WithPublicKey(): Promise<string> {
  const jwks = (await (await fetch(`${ACME}/oauth2/v1/keys`)).json()) as { keys: Array<Record<string, string>> };
  const jwk = jwks.keys[0]!;
  const publicKey = await crypto.subtle.importKey('jwk', jwk, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, true, ['verify']);
  const spki = Buffer.from(await crypto.subtle.exportKey('spki', publicKey)).toString('base64');
  const pem = `-----BEGIN PUBLIC KEY-----\n${spki.match(/.{1,64}/g)!.join('\n')}\n-----END PUBLIC KEY-----\n`;
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ jti: `ID.${now}-hs`, email: 'alice@acme.test' })
    .setProtectedHeader({ alg: 'HS256', kid: jwk.kid })
    .setIssuer(ACME)
    .setAudience('acme-direct-app')
    .setSubject('00u1acmealice0000001')
    .setIssuedAt(now)
    .setExpirationTime(now + 3600)
    .sign(new TextEncoder().encode(pem));
}

import { expect, test } from '@playwright/test';
import { LoginPage, TenantHomePage, expectErrorPage } from '../fixtures/app';
import { auditSince, countSessions, countUsers, foreignActorEvents } from '../fixtures/db';
import { OktaSignInPage, PASSWORD, resetStandIn, setTokenBehaviour } from '../fixtures/okta';
import { issuerOf } from '../support/e2e-settings';

test.describe('SP-initiated sign-in', () => {
  test('tenant A through org A (work email) and tenant B through org B (slug)', async ({ page, browser }) => {
    await new LoginPage(page).continueWith('alice@acme.test');
    const okta = new OktaSignInPage(page);
    await okta.expectShown('acme');
    await expect(okta.username()).toHaveValue('alice@acme.test');
    await okta.signIn('alice@acme.test');
    await new TenantHomePage(page).expectSignedIn('acme', { email: 'alice@acme.test', issuer: issuerOf('acme'), flow: /SP-initiated/ });

    const other = await browser.newContext();
    const pageB = await other.newPage();
    await new LoginPage(pageB).continueWith('globex');
    await new OktaSignInPage(pageB).signIn('carol@globex.test');
    await new TenantHomePage(pageB).expectSignedIn('globex', { email: 'carol@globex.test', issuer: issuerOf('globex') });
    await other.close();
  });

  test("user A is refused at tenant B's pages", async ({ page }) => {
    await new LoginPage(page).continueWith('acme');
    await new OktaSignInPage(page).signIn('bob@acme.test');
    await new TenantHomePage(page).expectSignedIn('acme', { email: 'bob@acme.test' });

    const since = new Date();
    const response = await page.goto('/t/globex');
    expect(response?.status()).toBe(403);
    await expect(page.getByRole('heading', { name: 'Not allowed' })).toBeVisible();
    await expect(page.getByTestId('user-email')).toHaveCount(0);
    // A stranger's refusal goes to the operator log only: globex's audit log never names acme's user.
    const denied = await auditSince(since, 'access.denied');
    expect(denied.map((d) => d.code)).not.toContain('other_tenant');
    expect(await foreignActorEvents('globex', 'acme')).toBe(0);
  });

  test('a tampered state gives the error page and no session', async ({ page }) => {
    await new LoginPage(page).continueWith('alice@acme.test');
    await new OktaSignInPage(page).expectShown('acme');
    // Sign in at the IdP without following its redirect back to the app, to get hold of the callback URL.
    const form = await page.locator('form').evaluate((f: HTMLFormElement) => f.action);
    let response = await page.request.post(form, {
      form: { username: 'alice@acme.test', password: PASSWORD },
      maxRedirects: 0,
    });
    let callback = '';
    for (let hop = 0; hop < 5 && !callback; hop++) {
      const location = new URL(response.headers()['location'] ?? '', response.url()).toString();
      if (new URL(location).pathname === '/api/auth/callback/okta') callback = location;
      else response = await page.request.get(location, { maxRedirects: 0 });
    }
    expect(callback).toContain('code=');

    const tampered = new URL(callback);
    tampered.searchParams.set('state', `${tampered.searchParams.get('state')}x`);
    const sessionsBefore = await countSessions();
    const since = new Date();
    const answer = await page.goto(tampered.toString());
    await expectErrorPage(page, answer, 400, 'state_mismatch');
    await expect(page.getByRole('link', { name: 'Try again' })).toBeVisible();
    expect(await countSessions()).toBe(sessionsBefore);
    expect((await auditSince(since, 'signin.failed'))[0]?.code).toBe('state_mismatch');
    expect((await page.context().cookies()).some((c) => c.name === 'session')).toBe(false);
  });

  test('sign-out ends the session at the app and at the IdP', async ({ page }) => {
    await new LoginPage(page).continueWith('carol@globex.test');
    await new OktaSignInPage(page).signIn('carol@globex.test');
    await new TenantHomePage(page).expectSignedIn('globex', { email: 'carol@globex.test' });
    const before = await countSessions('globex');

    await new TenantHomePage(page).signOut();
    await expect(page).toHaveURL(/\/signed-out$/);
    await expect(page.getByRole('heading', { name: 'You are signed out' })).toBeVisible();
    expect(await countSessions('globex')).toBe(before - 1);

    // The app no longer knows us, and Okta asks for the password again (its session ended too).
    await page.goto('/t/globex');
    await new OktaSignInPage(page).expectShown('globex');
  });

  test('a user the IdP does not assign to the app sees why, and nothing is written', async ({ page }) => {
    const since = new Date();
    await new LoginPage(page).continueWith('dave@globex.test');
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().includes('/api/auth/callback/okta')),
      new OktaSignInPage(page).signIn('dave@globex.test'),
    ]);
    await expectErrorPage(page, response, 403, 'idp_access_denied');
    await expect(page.getByText('not assigned to this app')).toBeVisible();
    expect(await countUsers({ email: 'dave@globex.test' })).toBe(0);
    expect((await auditSince(since, 'signin.failed'))[0]?.code).toBe('idp_access_denied');
  });

  test('an unknown organization gets a 404 page', async ({ page }) => {
    const since = new Date();
    await expectErrorPage(page, await page.goto('/api/auth/signin?tenant=no-such-org'), 404, 'unknown_tenant');
    expect((await auditSince(since, 'signin.failed'))[0]?.code).toBe('unknown_tenant');
    const response = await page.goto('/t/no-such-org');
    expect(response?.status()).toBe(404);
  });

  test('a slow IdP gives a 504 page and the app stays up', async ({ page }) => {
    await setTokenBehaviour('acme', { tokenDelayMs: 5000 });
    try {
      const sessionsBefore = await countSessions();
      await new LoginPage(page).continueWith('acme');
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.url().includes('/api/auth/callback/okta'), { timeout: 15_000 }),
        new OktaSignInPage(page).signIn('alice@acme.test'),
      ]);
      await expectErrorPage(page, response, 504, 'idp_timeout');
      expect(await countSessions()).toBe(sessionsBefore);
    } finally {
      await resetStandIn('acme');
    }
    expect((await page.goto('/login'))?.status()).toBe(200);
  });
});

import { expect, request as playwrightRequest, test, type Page } from '@playwright/test';
import { LoginPage, TenantHomePage, expectErrorPage } from '../fixtures/app';
import { ConsentPage, countGrants, disableConsent, enableConsent, expirePendingSignIns, makeAdmin, publishVersion, resetGrants } from '../fixtures/consent';
import { auditSince, closeDbPool, countSessions } from '../fixtures/db';
import { OktaSignInPage } from '../fixtures/okta';
import { E2E, issuerOf } from '../support/e2e-settings';

/**
 * The app's own user consent, through each of the three ways in. `acme-labs` is the demo tenant with consent
 * on (SP-initiated and the OIDC Compliant tile); for the Okta Simplified tile, `acme-direct` gets consent on
 * for this file only.
 */
const LABS = { slug: 'acme-labs', name: 'Acme Labs' };

async function signInAtDashboard(page: Page, email: string) {
  await page.goto(`${issuerOf('acme')}/app/UserHome`);
  await new OktaSignInPage(page).signIn(email);
  await expect(page).toHaveURL(new RegExp(`^${issuerOf('acme')}/app/UserHome`));
}

async function expectDeclined(page: Page, slug: string, sessionsBefore: number, since: Date) {
  await expect(page).toHaveURL(new RegExp(`/t/${slug}/consent/declined$`));
  await expect(page.getByTestId('consent-declined')).toBeVisible();
  await expect(page.getByTestId('error-code')).toHaveText('app_consent_declined');
  expect(await countSessions(slug)).toBe(sessionsBefore);
  const declined = await auditSince(since, 'consent.declined');
  expect(declined[0]?.code).toBe('app_consent_declined');
}

test.beforeEach(async () => {
  await resetGrants(LABS.slug);
});

test.afterAll(async () => {
  await disableConsent('acme-direct');
  await closeDbPool();
});

test.describe('consent, SP-initiated', () => {
  test('asks first; accept lands; then straight in; a re-consent version asks again; decline makes no session', async ({ page }) => {
    await new LoginPage(page).continueWith(LABS.slug);
    await new OktaSignInPage(page).signIn('alice@acme.test');
    const consent = new ConsentPage(page);
    await consent.expectShown(LABS.slug, LABS.name);
    await expect(page.getByTestId('consent-statement').getByRole('link', { name: 'privacy notice' })).toHaveAttribute('rel', 'noopener noreferrer');
    expect(await countGrants(LABS.slug, 'alice@acme.test')).toBe(0);
    await consent.accept();
    await new TenantHomePage(page).expectSignedIn(LABS.slug, { email: 'alice@acme.test', flow: /SP-initiated/ });
    expect(await countGrants(LABS.slug, 'alice@acme.test')).toBe(1);

    // Second sign-in (Okta still has its session): straight in.
    await page.goto(`/api/auth/signin?tenant=${LABS.slug}`);
    await new TenantHomePage(page).expectSignedIn(LABS.slug, { email: 'alice@acme.test' });

    await publishVersion(LABS.slug, true);
    await page.goto(`/api/auth/signin?tenant=${LABS.slug}`);
    await consent.expectShown(LABS.slug, LABS.name);
    const sessions = await countSessions(LABS.slug);
    const since = new Date();
    await consent.decline();
    await expectDeclined(page, LABS.slug, sessions, since);
    await expect(page.getByTestId('support-contact')).toHaveText('it-help@acme.test');
  });
});

test.describe('consent, Okta tile (redirect to app)', () => {
  test('asks first; accept lands; then straight in; a re-consent version asks again; decline makes no session', async ({ page }) => {
    await signInAtDashboard(page, 'bob@acme.test');
    const tile = page.getByRole('link', { name: 'OIN Reference SaaS (Acme Labs)' });
    await tile.click();
    const consent = new ConsentPage(page);
    await consent.expectShown(LABS.slug, LABS.name);
    await consent.accept();
    await new TenantHomePage(page).expectSignedIn(LABS.slug, { email: 'bob@acme.test', flow: /redirect to app/ });

    await page.goto(`${issuerOf('acme')}/app/UserHome`);
    await tile.click();
    await new TenantHomePage(page).expectSignedIn(LABS.slug, { email: 'bob@acme.test', flow: /redirect to app/ });

    await publishVersion(LABS.slug, true);
    await page.goto(`${issuerOf('acme')}/app/UserHome`);
    await tile.click();
    await consent.expectShown(LABS.slug, LABS.name);
    const sessions = await countSessions(LABS.slug);
    const since = new Date();
    await consent.decline();
    await expectDeclined(page, LABS.slug, sessions, since);
  });
});

test.describe('consent, Okta tile (ID token sent directly)', () => {
  test.beforeAll(async () => {
    await enableConsent('acme-direct');
  });

  test('asks first; accept lands; then straight in; a re-consent version asks again; decline makes no session', async ({ page }) => {
    await signInAtDashboard(page, 'pat@shared.test');
    const tile = page.getByRole('link', { name: 'OIN Reference SaaS (Acme, direct)' });
    await tile.click();
    const consent = new ConsentPage(page);
    await consent.expectShown('acme-direct', 'Acme Corp (direct tile)');
    await consent.accept();
    await new TenantHomePage(page).expectSignedIn('acme-direct', { email: 'pat@shared.test', flow: /ID token sent directly/ });

    await page.goto(`${issuerOf('acme')}/app/UserHome`);
    await tile.click();
    await new TenantHomePage(page).expectSignedIn('acme-direct', { email: 'pat@shared.test', flow: /ID token sent directly/ });

    await publishVersion('acme-direct', true);
    await page.goto(`${issuerOf('acme')}/app/UserHome`);
    await tile.click();
    await consent.expectShown('acme-direct', 'Acme Corp (direct tile)');
    const sessions = await countSessions('acme-direct');
    const since = new Date();
    await consent.decline();
    await expectDeclined(page, 'acme-direct', sessions, since);
  });
});

test.describe('consent: revoking, admins, forged posts', () => {
  async function reachConsent(page: Page, email = 'alice@acme.test') {
    await new LoginPage(page).continueWith(LABS.slug);
    await new OktaSignInPage(page).signIn(email);
    await new ConsentPage(page).expectShown(LABS.slug, LABS.name);
  }

  test('withdrawing consent ends the session at once; the old cookie is refused; the next sign-in asks again', async ({ page }) => {
    await reachConsent(page);
    await new ConsentPage(page).accept();
    await new TenantHomePage(page).expectSignedIn(LABS.slug, { email: 'alice@acme.test' });
    const oldCookie = (await page.context().cookies()).find((c) => c.name === 'session')!.value;

    await page.getByRole('link', { name: 'Your account and consent' }).click();
    await expect(page.getByTestId('grant')).toHaveCount(1);
    const since = new Date();
    await page.getByRole('button', { name: 'Withdraw consent' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Withdraw and sign out' }).click();
    await expect(page.getByTestId('consent-revoked')).toBeVisible();
    expect((await auditSince(since, 'consent.revoked')).length).toBe(1);

    const api = await playwrightRequest.newContext({ baseURL: E2E.appUrl });
    const replay = await api.get(`/t/${LABS.slug}`, { headers: { cookie: `session=${oldCookie}` }, maxRedirects: 0 });
    expect(replay.status()).toBe(307);
    expect(replay.headers()['location']).toContain('/api/auth/signin');
    await api.dispose();

    await page.goto(`/api/auth/signin?tenant=${LABS.slug}`);
    await new ConsentPage(page).expectShown(LABS.slug, LABS.name);
  });

  test('an admin publishes a version that asks everyone again, sees the counts and exports the evidence', async ({ page, browser }) => {
    await reachConsent(page, 'bob@acme.test');
    await new ConsentPage(page).accept();
    await makeAdmin(LABS.slug, 'bob@acme.test');
    await page.goto(`/t/${LABS.slug}/admin/consent`);
    const current = page.locator('[data-testid^="consent-version-"]').first();
    await expect(current.getByTestId('granted')).toHaveText('1');

    const csv = await page.request.get(`/t/${LABS.slug}/admin/consent/export?format=csv`);
    expect(csv.status()).toBe(200);
    expect(await csv.text()).toMatch(/^decision,grantId,userSub,userEmail,version,scopes,grantedAt,ip,userAgent,revokedAt,declinedAt\n(.*\n)*granted,.*bob@acme\.test/);
    const json = await (await page.request.get(`/t/${LABS.slug}/admin/consent/export?format=json`)).json();
    expect(json.format).toBe('okta-oin-saas/consent-grants@1');
    expect(json.grants.some((g: { userEmail: string }) => g.userEmail === 'bob@acme.test')).toBe(true);

    const since = new Date();
    await page.getByLabel('Title', { exact: true }).fill('New terms from the admin page');
    await page.getByLabel('Require existing users to consent again').check();
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    // Publishing asks first, saying what re-consent does.
    const dialog = page.getByRole('dialog', { name: /^Publish version \d+\?$/ });
    await expect(dialog).toContainText('everyone is asked to consent again');
    await dialog.getByRole('button', { name: /^Publish version \d+$/ }).click();
    await expect(page.getByTestId('form-ok')).toContainText(/Saved\. Version \d+ is published; everyone is asked to consent again/);
    const published = await auditSince(since, 'consent.version_published');
    expect(published[0]?.details).toMatchObject({ after: { title: 'New terms from the admin page', requireReconsent: true } });
    await expect(page.locator('[data-testid^="consent-version-"]').first().getByTestId('pending')).not.toHaveText('0');

    const other = await browser.newContext();
    const alice = await other.newPage();
    await reachConsent(alice);
    await expect(alice.getByTestId('consent-title')).toHaveText('New terms from the admin page');
    await other.close();

    // Without an admin session there is no export.
    const api = await playwrightRequest.newContext({ baseURL: E2E.appUrl });
    expect((await api.get(`/t/${LABS.slug}/admin/consent/export?format=json`, { maxRedirects: 0 })).status()).toBe(401);
    await api.dispose();
  });

  test('a form without its CSRF token is refused with a clear page, an audit event and no grant', async ({ page }) => {
    await reachConsent(page);
    await page.locator('input[name="csrf"]').evaluate((input) => input.remove());
    const since = new Date();
    const [response] = await Promise.all([page.waitForResponse((r) => r.url().endsWith('/consent/decision')), new ConsentPage(page).accept()]);
    await expectErrorPage(page, response, 403, 'consent_csrf_failed');
    expect(await countGrants(LABS.slug)).toBe(0);
    expect((await auditSince(since, 'consent.refused'))[0]?.code).toBe('consent_csrf_failed');
    expect((await page.context().cookies()).some((c) => c.name === 'session')).toBe(false);
  });

  test('a post to another tenant, an expired pending sign-in, a cross-site and a replayed post are refused', async ({ page }) => {
    await reachConsent(page);
    const fields = Object.fromEntries(await page.locator('form input[type="hidden"]').evaluateAll((inputs) => inputs.map((i) => [(i as HTMLInputElement).name, (i as HTMLInputElement).value])));
    const pendingCookie = (await page.context().cookies()).find((c) => c.name === 'signin-consent')!.value;
    const api = await playwrightRequest.newContext({ baseURL: E2E.appUrl });
    const send = (path: string, origin: string) =>
      api.post(path, { form: { ...fields, decision: 'accept' }, headers: { origin, cookie: `signin-consent=${pendingCookie}` }, maxRedirects: 0 });

    const crossSite = await send(`/t/${LABS.slug}/consent/decision`, 'https://evil.example');
    expect(crossSite.status()).toBe(403);
    expect(await crossSite.text()).toContain('consent_cross_site');
    const otherTenant = await send('/t/acme/consent/decision', E2E.appUrl);
    expect(otherTenant.status()).toBe(403);
    expect(await otherTenant.text()).toContain('consent_other_tenant');

    // The real page still works once; the same post again is a replay.
    await new ConsentPage(page).accept();
    await new TenantHomePage(page).expectSignedIn(LABS.slug, { email: 'alice@acme.test' });
    const replay = await send(`/t/${LABS.slug}/consent/decision`, E2E.appUrl);
    expect(replay.status()).toBe(400);
    expect(await replay.text()).toContain('consent_request_missing');
    expect(await countGrants(LABS.slug)).toBe(1);

    await api.dispose();

    // Expired: sign in again after a re-consent version, let the pending sign-in expire, then answer.
    await publishVersion(LABS.slug, true);
    await page.goto(`/api/auth/signin?tenant=${LABS.slug}`);
    await new ConsentPage(page).expectShown(LABS.slug, LABS.name);
    await expirePendingSignIns(LABS.slug);
    const grantsBefore = await countGrants(LABS.slug);
    const [response] = await Promise.all([page.waitForResponse((r) => r.url().endsWith('/consent/decision')), new ConsentPage(page).accept()]);
    await expectErrorPage(page, response, 400, 'consent_request_expired');
    expect(await countGrants(LABS.slug)).toBe(grantsBefore);
  });
});

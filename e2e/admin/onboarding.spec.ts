import { readFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { startTestDnsServer, type TestDnsServer } from '../../lib/tenants/testing/dns-server';
import { expectNoAxeViolations } from '../fixtures/axe';
import { LoginPage, TenantHomePage, expectErrorPage } from '../fixtures/app';
import { WizardPage, inviteFromCli, setOktaClientSecrets } from '../fixtures/admin';
import { auditSince, expireInvitationInDb, revokeInvitationInDb } from '../fixtures/db';
import { OktaSignInPage } from '../fixtures/okta';
import { E2E, issuerOf } from '../support/e2e-settings';

const ACME = issuerOf('acme');
const SECRETS = ['initech-secret-first', 'initech-secret-second'];

/** A loopback port with nothing listening on it. */
async function closedLoopbackPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A fresh browser signs `email` in to `slug` from the app's sign-in page. */
async function signInFresh(browser: Browser, slug: string, email: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await new LoginPage(page).continueWith(slug);
  await new OktaSignInPage(page).signIn(email);
  await new TenantHomePage(page).expectSignedIn(slug, { email, issuer: ACME });
  return { context, page };
}

/** axe (WCAG 2.2 A/AA) on the page as it is, at 1280 and 390 px, light and dark. */
async function expectAccessible(page: Page, label: string) {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const size of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
      await page.setViewportSize(size);
      await expectNoAxeViolations(page, `${label} (${scheme}, ${size.width} px)`);
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1280, height: 720 });
}

/** Presses Tab until `target` has the focus (at most 60 times), as a keyboard-only person would. */
async function tabTo(page: Page, target: Locator) {
  for (let i = 0; i < 60; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}

let dns: TestDnsServer;

test.describe.serial('Customer admin onboarding and administration', () => {
  // Whole journeys: several sign-ins through the stand-in and an operator CLI call each.
  test.describe.configure({ timeout: 180_000 });
  // The app's DNS server (DNS_SERVERS of the e2e stack), on loopback: answers the TXT records this spec sets.
  test.beforeAll(async () => {
    dns = await startTestDnsServer(E2E.dnsPort);
  });
  test.afterAll(async () => dns?.close());
  test('invitation → wizard → test sign-in → email domain → activate → go live → a user signs in by work email', async ({ page, browser }) => {
    test.setTimeout(900_000); // axe runs 4 times on each of 9 pages (slow on a busy machine)
    const { link } = inviteFromCli();
    const wizard = new WizardPage(page);
    await wizard.start(link);
    await expect(page).toHaveTitle(/^Step 1 of 6: Your organization/);
    await expect(page.getByTestId('wizard-steps').locator('[aria-current="step"]')).toHaveText('1. Your organization');
    await expectAccessible(page, 'step 1');

    // Step 1: reserved and taken names are refused on the server, under the field.
    await page.getByLabel('Organization name').fill('Initech');
    await page.getByLabel('Short name').fill('admin');
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await expect(page.getByTestId('field-error-slug')).toContainText('reserved');
    await expect(page.getByLabel('Short name')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByLabel('Short name')).toBeFocused();
    await expectAccessible(page, 'step 1 with an error');
    await page.getByLabel('Short name').fill('acme');
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await expect(page.getByTestId('field-error-slug')).toContainText('already taken');
    await wizard.organization('Initech', 'initech');

    // Step 2: values built from APP_URL; the recommended tile mode is marked.
    await expect(page).toHaveTitle(/^Step 2 of 6: Create the app in Okta/);
    await expect(page.getByTestId('value-redirect-uri')).toHaveText(`${E2E.appUrl}/api/auth/callback/okta`);
    await expect(page.getByTestId('value-signout-uri')).toHaveText(`${E2E.appUrl}/signed-out`);
    await expect(page.getByTestId('value-initiate-uri')).toHaveText(`${E2E.appUrl}/api/auth/initiate?tenant=initech`);
    await expect(page.getByRole('button', { name: 'Copy Sign-in redirect URI' })).toBeVisible();
    await expect(page.getByTestId('tile-redirect')).toContainText('recommended');
    await expectAccessible(page, 'step 2');
    await page.getByRole('link', { name: 'I have created the app' }).click();

    // Step 3: the recommended tile is preselected; the secret field shows for secrets, the JWKS URL for keys.
    await expect(page).toHaveTitle(/^Step 3 of 6: Connect your Okta/);
    await expect(page.getByRole('radio', { name: /Tile that redirects to the app/ })).toBeChecked();
    await expect(page.getByTestId('key-section')).toBeHidden();
    await page.getByRole('radio', { name: /^Public key \/ Private key/ }).check();
    await expect(page.getByTestId('secret-section')).toBeHidden();
    await expect(page.getByTestId('value-jwks-uri-before')).toHaveText(`${E2E.appUrl}/api/tenants/initech/jwks`);
    await expectAccessible(page, 'step 3');
    await page.getByRole('radio', { name: /^Client secret Okta/ }).check();
    await expect(page.getByTestId('secret-section')).toBeVisible();

    // An issuer that cannot be reached (a closed loopback port: the check never leaves the machine) gets a
    // clear message under the issuer field; the real org passes the check. Address refusals: check-connection tests.
    const unreachable = `http://127.0.0.1:${await closedLoopbackPort()}`;
    await wizard.connection({ issuer: unreachable, clientId: 'initech-app', method: /^Client secret Okta/, secret: SECRETS[0] });
    await expect(page.getByTestId('field-error-issuer')).toContainText('could not be reached');
    await expect(page.getByLabel('Okta domain or issuer')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByLabel('Okta domain or issuer')).toBeFocused();
    await expectAccessible(page, 'step 3 with an error');
    await wizard.connection({ issuer: ACME, clientId: 'initech-app', method: /^Client secret Okta/, secret: SECRETS[0] });
    await expect(page.getByTestId('connection-check').getByRole('status')).toContainText(ACME);

    // Until activation the tenant is a draft: its users cannot sign in.
    const outsider = await browser.newContext();
    const refused = await (await outsider.newPage()).goto('/api/auth/signin?tenant=initech');
    expect(refused?.status()).toBe(403);
    await outsider.close();

    // Step 4: the admin's own sign-in through their Okta; its claims are shown.
    await page.getByRole('link', { name: 'Continue to the test sign-in' }).click();
    await expect(page).toHaveTitle(/^Step 4 of 6: Test sign-in/);
    await wizard.testSignIn('bob@acme.test');
    await expect(page.getByTestId('claim-issuer')).toHaveText(ACME);
    await expect(page.getByTestId('claim-sub')).toHaveText('00u1acmebob000000002');
    await expect(page.getByTestId('claim-name')).toHaveText('Bob Brown');
    await expectAccessible(page, 'step 4');

    // Step 5: a public domain is refused under the field; initech.test is verified by its TXT record,
    // looked up through the app's DNS server (on loopback).
    await page.getByRole('link', { name: 'Continue', exact: true }).click();
    await expect(page).toHaveTitle(/^Step 5 of 6: Email domains/);
    const domains = page.getByLabel('Email domains, one per line');
    await domains.fill('initech.test\ngmail.com');
    await page.getByRole('button', { name: 'Save domains' }).click();
    await expect(page.getByTestId('field-error-domains')).toContainText('gmail.com is a public email domain');
    await expect(domains).toBeFocused();
    await domains.fill('initech.test');
    await page.getByRole('button', { name: 'Save domains' }).click();
    const card = page.getByTestId('domain-initech.test');
    await expect(card.getByTestId('domain-status')).toHaveText('not verified yet');
    await expect(card.getByTestId('txt-name')).toHaveText('_oin-saas-verification.initech.test');
    await expect(card.getByTestId('txt-type')).toHaveText('TXT');
    const value = (await card.getByTestId('txt-value').textContent()) ?? '';
    expect(value).toMatch(/^oin-saas-verification=[A-Za-z0-9_-]{20,}$/);
    await expect(page.getByTestId('domains-later')).toContainText('Until a domain is verified');
    await card.getByRole('button', { name: 'Check now' }).click();
    await expect(card.getByTestId('form-error')).toContainText('No verification record found for initech.test');
    await expectAccessible(page, 'step 5');
    dns.txt.set('_oin-saas-verification.initech.test', ['v=spf1 -all', value]);
    await card.getByRole('button', { name: 'Check now' }).click();
    await expect(card.getByTestId('domain-status')).toHaveText('verified (DNS)');

    // Step 6: activate → the go-live checklist.
    await page.getByRole('link', { name: 'Continue', exact: true }).click();
    await expect(page).toHaveTitle(/^Step 6 of 6: Activate/);
    await expect(page.getByTestId('activate-domains')).toContainText('initech.test');
    await expectAccessible(page, 'step 6');
    await wizard.activate('Initech');
    await expect(page).toHaveURL(/\/onboarding\/live\/initech$/);
    await expect(page).toHaveTitle(/^Initech is live/);
    await expect(page.getByTestId('live-sign-in-link')).toHaveText(`${E2E.appUrl}/login?org=initech`);
    await expect(page.getByTestId('live-domain-initech.test')).toContainText('verified');
    await expectAccessible(page, 'go-live');
    await page.getByRole('link', { name: 'Connection settings' }).click();
    await expect(page.getByRole('heading', { name: 'Connection settings' })).toBeVisible();

    // An end user of that org signs in by typing a work email of the verified domain.
    const alice = await browser.newContext();
    const alicePage = await alice.newPage();
    await new LoginPage(alicePage).continueWith('alice@initech.test');
    await new OktaSignInPage(alicePage).expectShown('acme');
    await new OktaSignInPage(alicePage).signIn('alice@acme.test');
    await new TenantHomePage(alicePage).expectSignedIn('initech', { email: 'alice@acme.test', issuer: ACME });
    await alice.close();

    // The link is used up: a second use gets a clear page.
    const again = await browser.newContext();
    const second = await again.newPage();
    await expectErrorPage(second, await second.goto(link), 410, 'invitation_completed');
    await again.close();
  });

  test('the admin rotates the client secret and sign-in keeps working across the switch', async ({ browser }) => {
    const admin = await signInFresh(browser, 'initech', 'bob@acme.test');
    const page = admin.page;
    // In Okta: a second secret is generated; both are active.
    await setOktaClientSecrets('initech', SECRETS);
    await page.goto('/t/initech/admin/credentials');
    await page.getByLabel('New client secret').fill(SECRETS[1]!);
    await page.getByRole('button', { name: 'Save new secret' }).click();
    await expect(page.getByTestId('form-ok').first()).toContainText('either secret');
    await expect(page.getByTestId('secret-state')).toContainText('two secrets');
    await (await signInFresh(browser, 'initech', 'alice@acme.test')).context.close();

    // In Okta: the old secret is deactivated. The app falls back to the new one.
    await setOktaClientSecrets('initech', [SECRETS[1]!]);
    await (await signInFresh(browser, 'initech', 'alice@acme.test')).context.close();

    await page.getByRole('button', { name: 'Finish rotation' }).click();
    await expect(page.getByTestId('secret-state')).toContainText('One secret is saved');
    await (await signInFresh(browser, 'initech', 'alice@acme.test')).context.close();

    // The secrets never reach a page.
    for (const path of ['credentials', 'connection', 'audit', 'health']) {
      const html = await (await page.goto(`/t/initech/admin/${path}`))!.text();
      for (const secret of SECRETS) expect(html).not.toContain(secret);
    }
    await admin.context.close();
  });

  test('a private_key_jwt tenant onboards and signs in', async ({ page, browser, request }) => {
    const { link } = inviteFromCli();
    const wizard = new WizardPage(page);
    await wizard.start(link);
    await wizard.organization('Initech Keys', 'initech-keys');
    await page.getByRole('link', { name: 'I have created the app' }).click();
    await wizard.connection({ issuer: ACME, clientId: 'initech-keys-app', method: /^Public key \/ Private key/ });
    await expect(page.getByTestId('value-jwks-uri')).toHaveText(`${E2E.appUrl}/api/tenants/initech-keys/jwks`);
    const jwk = JSON.parse((await page.getByTestId('value-public-jwk').textContent()) ?? '{}');
    expect(jwk).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' });
    expect(jwk.d).toBeUndefined();

    const jwks = await (await request.get('/api/tenants/initech-keys/jwks')).json();
    expect(jwks.keys.map((k: { kid: string }) => k.kid)).toEqual([jwk.kid]);
    expect(JSON.stringify(jwks)).not.toMatch(/"(d|p|q|dp|dq|qi)"/);

    await page.getByRole('link', { name: 'Continue to the test sign-in' }).click();
    await wizard.testSignIn('bob@acme.test');
    await wizard.skipDomains();
    await wizard.activate('Initech Keys');
    await expect(page).toHaveURL(/\/onboarding\/live\/initech-keys$/);
    await expect(page.getByTestId('live-domains')).toContainText('No email domains');
    await (await signInFresh(browser, 'initech-keys', 'alice@acme.test')).context.close();
  });

  test('used, revoked and expired invitation links get a clear page', async ({ page, browser }) => {
    const used = inviteFromCli();
    await new WizardPage(page).start(used.link);
    const other = await browser.newContext();
    const otherPage = await other.newPage();
    await expectErrorPage(otherPage, await otherPage.goto(used.link), 409, 'invitation_used');
    await expect(otherPage.getByRole('heading')).toHaveText('This invitation link has already been used');
    // The browser that claimed it resumes its wizard from the same link.
    await page.goto(used.link);
    await expect(page).toHaveURL(/\/onboarding$/);

    const revoked = inviteFromCli();
    await revokeInvitationInDb(revoked.id);
    await expectErrorPage(otherPage, await otherPage.goto(revoked.link), 410, 'invitation_revoked');
    const expired = inviteFromCli();
    await expireInvitationInDb(expired.id);
    await expectErrorPage(otherPage, await otherPage.goto(expired.link), 410, 'invitation_expired');
    await expectErrorPage(otherPage, await otherPage.goto(`${E2E.appUrl}/invite/not-a-token`), 404, 'invitation_unknown');
    await other.close();
  });

  test('a keyboard-only admin gets through the organization and connection steps (Tab, Space, Enter)', async ({ page }) => {
    const { link } = inviteFromCli();
    await page.goto(link);
    await tabTo(page, page.getByRole('button', { name: 'Start the setup' }));
    await page.keyboard.press('Enter');
    await expect(page).toHaveTitle(/^Step 1 of 6/);
    await tabTo(page, page.getByLabel('Organization name'));
    await page.keyboard.type('Keyboard Co');
    await page.keyboard.press('Tab');
    await page.keyboard.type('keyboard-co');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('okta-instructions')).toBeVisible();
    const copy = page.getByRole('button', { name: 'Copy Sign-in redirect URI' });
    await tabTo(page, copy);
    await page.keyboard.press('Space');
    await tabTo(page, page.getByRole('link', { name: 'I have created the app' }));
    await page.keyboard.press('Enter');
    await expect(page).toHaveTitle(/^Step 3 of 6/);
    await tabTo(page, page.getByLabel('Okta domain or issuer'));
    await page.keyboard.type(ACME);
    await page.keyboard.press('Tab');
    await page.keyboard.type('keyboard-app');
    // The client secret radio is preselected (one Tab stop for the group); Space keeps it chosen.
    await page.keyboard.press('Tab');
    await expect(page.getByRole('radio', { name: /^Client secret Okta/ })).toBeFocused();
    await page.keyboard.press('Space');
    await tabTo(page, page.locator('input[name=clientSecret]'));
    await page.keyboard.type('keyboard-secret-value');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('connection-check').getByRole('status')).toContainText(ACME);
    await tabTo(page, page.getByRole('link', { name: 'Continue to the test sign-in' }));
    await page.keyboard.press('Enter');
    await expect(page).toHaveTitle(/^Step 4 of 6/);
  });

  test('no secret or private key appears in any log line of the app', async () => {
    const log = readFileSync(E2E.appLogFile, 'utf8');
    for (const secret of [...SECRETS, 'acme-secret-please-change', 'PRIVATE KEY']) expect(log).not.toContain(secret);
    const audit = JSON.stringify(await auditSince(new Date(Date.now() - 3600_000)));
    for (const secret of SECRETS) expect(audit).not.toContain(secret);
  });
});

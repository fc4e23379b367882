import { expect, test, type Browser } from '@playwright/test';
import { LoginPage, TenantHomePage, expectErrorPage } from '../fixtures/app';
import { WizardPage, inviteFromCli, setOktaClientSecrets } from '../fixtures/admin';
import { OktaSignInPage } from '../fixtures/okta';
import { issuerOf } from '../support/e2e-settings';

/**
 * Tenants are strangers (issue 10): a draft from the wizard and an admin's untested connection that name
 * another customer's Okta issuer change nothing for that customer's tile sign-in; email domains route at
 * /login only once verified, and public ones are refused. Runs after onboarding.spec.ts (tenant initech,
 * administered by bob@acme.test).
 */
const ACME = issuerOf('acme');
const GLOBEX = issuerOf('globex');

/** Globex's tile in redirect mode (the bare initiate URI, as Okta sends it without tenant=) still signs carol in to globex. */
async function expectGlobexTileWorks(browser: Browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`/api/auth/initiate?iss=${encodeURIComponent(GLOBEX)}`);
  await new OktaSignInPage(page).signIn('carol@globex.test');
  await new TenantHomePage(page).expectSignedIn('globex', { email: 'carol@globex.test', issuer: GLOBEX });
  await context.close();
}

async function signInAdmin(browser: Browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await new LoginPage(page).continueWith('initech');
  await new OktaSignInPage(page).signIn('bob@acme.test');
  await new TenantHomePage(page).expectSignedIn('initech', { email: 'bob@acme.test', issuer: ACME });
  return { context, page };
}

test.describe.serial('Tenants are strangers', () => {
  test.describe.configure({ timeout: 120_000 });
  // After onboarding.spec.ts's rotation, Okta (the stand-in) accepts only the second secret.
  test.beforeAll(async () => setOktaClientSecrets('initech', ['initech-secret-second']));

  test("a draft naming another customer's issuer changes nothing for that customer's tile", async ({ page, browser }) => {
    const wizard = new WizardPage(page);
    await wizard.start(inviteFromCli().link);
    await wizard.organization('Squatter', 'squatter');
    await page.getByRole('link', { name: 'I have created the app' }).click();
    await page.getByLabel('Okta domain or issuer').fill(GLOBEX);
    await page.getByLabel('Client ID').fill('squatter-app');
    await page.getByRole('radio', { name: /^Client secret Okta/ }).check();
    await page.locator('input[name=clientSecret]').fill('squatter-secret-value');
    await page.getByRole('radio', { name: /Tile that redirects to the app/ }).check();
    await page.getByRole('button', { name: 'Check and save' }).click();
    await expect(page.getByTestId('connection-check').getByRole('status')).toContainText(GLOBEX);

    await expectGlobexTileWorks(browser);
    // The draft itself answers for nothing, even when named.
    const other = await browser.newContext();
    const probe = await other.newPage();
    await expectErrorPage(probe, await probe.goto(`/api/auth/initiate?iss=${encodeURIComponent(GLOBEX)}&tenant=squatter`), 400, 'unknown_issuer');
    await other.close();
  });

  test("an admin's untested change to another customer's issuer stays pending and changes nothing", async ({ browser }) => {
    const { context, page } = await signInAdmin(browser);
    await page.goto('/t/initech/admin/connection');
    await expect(page.getByTestId('connection-proven')).toBeVisible();
    await page.getByLabel('Okta issuer').fill(GLOBEX);
    await page.getByLabel('Client ID').fill('initech-elsewhere');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByTestId('form-ok').first()).toContainText('pending');
    await page.reload();
    await expect(page.getByTestId('pending-connection')).toContainText('initech-elsewhere');
    await expect(page.getByTestId('connection-state')).toContainText(ACME);

    await expectGlobexTileWorks(browser);
    // The connection in use keeps working meanwhile.
    const alice = await browser.newContext();
    const alicePage = await alice.newPage();
    await new LoginPage(alicePage).continueWith('initech');
    await new OktaSignInPage(alicePage).signIn('alice@acme.test');
    await new TenantHomePage(alicePage).expectSignedIn('initech', { email: 'alice@acme.test', issuer: ACME });
    await alice.close();

    // The page re-renders without the pending card (and so without the form's message).
    await page.getByRole('button', { name: 'Discard the pending connection' }).click();
    // A destructive action asks first, naming what is forgotten.
    const dialog = page.getByRole('dialog', { name: 'Discard the pending connection?' });
    await expect(dialog).toContainText('initech-elsewhere');
    await dialog.getByRole('button', { name: 'Discard the pending connection' }).click();
    await expect(page.getByTestId('pending-connection')).toHaveCount(0);
    await page.reload();
    await expect(page.getByTestId('pending-connection')).toHaveCount(0);
    await expect(page.getByTestId('connection-state')).toContainText('initech-app');
    await context.close();
  });

  test('an unverified domain routes nobody, a public one is refused, a verified one is untouched', async ({ browser }) => {
    const { context, page } = await signInAdmin(browser);
    await page.goto('/t/initech/admin/domains');
    const domains = page.getByLabel('Email domains, one per line');
    await domains.fill('initech-e2e.test\ngmail.com');
    await page.getByRole('button', { name: 'Save domains' }).click();
    await expect(page.getByTestId('form-error')).toContainText('gmail.com is a public email domain');

    // globex.test is Globex's (approved by the operator): claiming it too changes nothing.
    await domains.fill('initech-e2e.test\nglobex.test');
    await page.getByRole('button', { name: 'Save domains' }).click();
    await expect(page.getByTestId('form-ok').first()).toContainText('only once verified');
    await page.reload();
    const card = page.getByTestId('domain-initech-e2e.test');
    await expect(card.getByTestId('domain-status')).toHaveText('not verified yet');
    await expect(card.getByTestId('txt-name')).toHaveText('_oin-saas-verification.initech-e2e.test');
    await expect(card.getByTestId('txt-value')).toHaveText(/^oin-saas-verification=[A-Za-z0-9_-]{20,}$/);

    const visitor = await browser.newContext();
    const login = await visitor.newPage();
    await new LoginPage(login).continueWith('carol@globex.test');
    await new OktaSignInPage(login).expectShown('globex');
    await new LoginPage(login).continueWith('someone@initech-e2e.test');
    await expect(login.getByTestId('field-error-org')).toHaveText(/No organization signs in with this email's domain/);
    await visitor.close();

    await domains.fill('');
    await page.getByRole('button', { name: 'Save domains' }).click();
    await expect(page.getByTestId('form-ok').first()).toContainText('Saved');
    await context.close();
  });
});

import { expect, test } from '@playwright/test';
import { TenantHomePage } from '../fixtures/app';
import { expectAccessibleInEveryView } from '../fixtures/axe-views';
import { auditSince, setTenant } from '../fixtures/db';
import { tabToAndPress as activate, typeInto } from '../fixtures/keyboard';
import { OktaSignInPage } from '../fixtures/okta';
import { issuerOf } from '../support/e2e-settings';

/**
 * The /login page itself: what a person sees when what they typed finds no organization (under the field,
 * value kept, focus on it, no trip to /api/auth/signin), keyboard-only sign-in, the German run, and
 * `/login?org=<slug>` in the tenant's branding.
 */
test.describe('/login', () => {
  test.describe.configure({ timeout: 120_000 });
  test('an unknown organization is shown under the field: value kept, focus on the field, no navigation', async ({ page }) => {
    const signinRequests: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/auth/signin')) signinRequests.push(r.url());
    });
    await page.goto('/login');
    const field = page.getByLabel('Work email or organization');
    await field.fill('no-such-org');
    const since = new Date();
    await page.getByRole('button', { name: 'Continue' }).click();

    const error = page.getByTestId('field-error-org');
    await expect(error).toHaveText(/No organization matches what you entered/);
    await expect(field).toHaveValue('no-such-org');
    await expect(field).toBeFocused();
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(field).toHaveAttribute('aria-describedby', 'org-error');
    await expect(page).toHaveURL(/\/login$/);
    expect(signinRequests).toEqual([]);
    // The same audit event as the sign-in route writes.
    expect((await auditSince(since, 'signin.failed')).map((e) => e.code)).toContain('unknown_tenant');
    await expectAccessibleInEveryView(page, '/login with an error');

    // An email whose domain routes nowhere says so; an empty field is asked for.
    await field.fill('someone@nowhere.test');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(error).toHaveText(/No organization signs in with this email's domain/);
    await expect(field).toHaveValue('someone@nowhere.test');
    await field.fill('');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(error).toHaveText(/Enter your work email/);
    expect(signinRequests).toEqual([]);
  });

  test('a suspended organization gets the same "not active" answer as the sign-in route gives', async ({ page }) => {
    await setTenant('globex', { status: 'suspended' });
    try {
      await page.goto('/login');
      await page.getByLabel('Work email or organization').fill('globex');
      await page.getByRole('button', { name: 'Continue' }).click();
      await expect(page.getByTestId('field-error-org')).toHaveText(/not open yet or has been paused/);
      // …and /login?org= of a tenant that is not active shows no branding.
      await page.goto('/login?org=globex');
      await expect(page.getByTestId('tenant-brand')).toHaveCount(0);
    } finally {
      await setTenant('globex', { status: 'active' });
    }
  });

  test('keyboard only: Tab and Enter from /login through Okta to the tenant home', async ({ page }) => {
    await page.goto('/login');
    await typeInto(page, page.getByLabel('Work email or organization'), 'nobody-here');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('field-error-org')).toBeVisible();
    await expect(page.getByLabel('Work email or organization')).toBeFocused();
    // Fix the value with the keyboard alone and go on.
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('alice@acme.test');
    await page.keyboard.press('Enter');

    await page.waitForURL((url) => url.href.startsWith(issuerOf('acme')), { timeout: 30_000 });
    const okta = new OktaSignInPage(page);
    await okta.expectShown('acme');
    await expect(okta.username()).toHaveValue('alice@acme.test');
    await typeInto(page, page.getByLabel('Password'), 'Passw0rd!');
    await activate(page, page.getByRole('button', { name: 'Sign in' }));
    await new TenantHomePage(page).expectSignedIn('acme', { email: 'alice@acme.test', flow: /SP-initiated/ });

    // Sign out with the keyboard too.
    await activate(page, page.getByRole('button', { name: 'Sign out' }));
    await expect(page.getByRole('heading', { name: 'You are signed out' })).toBeVisible({ timeout: 20_000 });
  });

  test('German: /login, its error under the field and the tenant home speak German, with German dates', async ({ browser }) => {
    const context = await browser.newContext({ locale: 'de-DE' });
    const page = await context.newPage();
    await page.goto('/login');
    await expect(page).toHaveTitle(/^Anmelden · /);
    await expect(page.getByRole('heading', { level: 1, name: 'Anmelden' })).toBeVisible();
    const field = page.getByLabel('Geschäftliche E-Mail-Adresse oder Organisation');
    await field.fill('keine-solche-org');
    await page.getByRole('button', { name: 'Weiter' }).click();
    await expect(page.getByTestId('field-error-org')).toHaveText(/Keine Organisation passt zu Ihrer Eingabe/);
    await expect(field).toHaveValue('keine-solche-org');
    await expect(field).toBeFocused();

    await field.fill('carol@globex.test');
    await page.getByRole('button', { name: 'Weiter' }).click();
    await new OktaSignInPage(page).signIn('carol@globex.test');
    await expect(page).toHaveURL(/\/t\/globex$/);
    await expect(page.getByTestId('welcome')).toHaveText(/^Willkommen, /);
    await expect(page.getByTestId('sign-in-flow')).toHaveText('aus dieser App (SP-initiiert)');
    // "30. November 2026 um 07:15", not "November 30, 2026".
    await expect(page.getByTestId('signed-in-at')).toHaveText(/^\d{1,2}\. [A-Za-zäöüÄÖÜ]+ \d{4}/);
    await expect(page.getByTestId('signed-in-at').locator('time')).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}T/);
    await expect(page.getByRole('button', { name: 'Abmelden' })).toBeVisible();
    await context.close();
  });

  test('without JavaScript, a refused organization comes back in the field, escaped, with the error under it', async ({ browser }) => {
    // Its own address, so that this test's unknown lookups spend no other test's budget.
    const context = await browser.newContext({ javaScriptEnabled: false, extraHTTPHeaders: { 'x-forwarded-for': '127.0.45.212' } });
    const page = await context.newPage();
    await page.goto('/login?org=acme');
    const field = page.getByLabel('Work email or organization');
    await expect(field).toHaveValue('acme');
    const typed = 'no-such-org<b>&amp;"x"';
    await field.fill(typed);
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByTestId('field-error-org')).toHaveText(/No organization matches what you entered/);
    await expect(field).toHaveValue(typed);
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('form b')).toHaveCount(0);

    // An email whose domain routes nowhere is kept as typed too.
    await field.fill('someone@nowhere.test');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByTestId('field-error-org')).toHaveText(/No organization signs in with this email's domain/);
    await expect(field).toHaveValue('someone@nowhere.test');
    await context.close();
  });

  test("/login?org=<slug> of an active tenant shows its name and prefills; a rate-limited answer is clear", async ({ browser }) => {
    // Its own address, so that this test's unknown lookups spend no other test's budget.
    const context = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': '198.51.100.211' } });
    const page = await context.newPage();
    await page.goto('/login?org=acme');
    await expect(page.getByTestId('tenant-brand-name')).toHaveText('Acme Corp');
    await expect(page).toHaveTitle(/^Sign in to Acme Corp · /);
    await expect(page.getByLabel('Work email or organization')).toHaveValue('acme');
    await expectAccessibleInEveryView(page, '/login?org=acme');

    await page.goto('/login');
    const field = page.getByLabel('Work email or organization');
    const alert = page.getByTestId('form-error');
    for (let i = 0; i < 40 && !(await alert.isVisible()); i++) {
      await field.fill(`unknown-org-${i}`);
      await page.getByRole('button', { name: 'Continue' }).click();
      await expect(page.getByTestId('field-error-org').or(alert)).toBeVisible();
      await expect(page.getByRole('button', { name: 'Continue' })).toBeEnabled();
    }
    await expect(alert).toHaveText(/Too many sign-in attempts came from your network in a short time\. Please try again in \d+ s\./);
    await expect(alert).toBeFocused();
    await context.close();
  });
});

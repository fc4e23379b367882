/**
 * The app shell as people meet it: the header (organization, person's menu, language switcher) on React pages
 * and on route-handler pages, the admin nav, the branding page and the refusal pages — each checked with axe
 * (WCAG 2.2 A/AA) at 1280 and 390 px, light and dark; the menu and the switcher used by keyboard alone; the
 * browser's time zone reaching the server.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from '../fixtures/axe';
import { LoginPage, TenantHomePage } from '../fixtures/app';
import { makeAdmin } from '../fixtures/consent';
import { OktaSignInPage } from '../fixtures/okta';

const VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
];

/** axe on the page as loaded, at both widths and in both colour schemes. */
async function checkEverywhere(page: Page, path: string, expectStatus?: number) {
  for (const viewport of VIEWPORTS) {
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.setViewportSize(viewport);
      await page.emulateMedia({ colorScheme });
      const response = await page.goto(path);
      if (expectStatus) expect(response?.status(), path).toBe(expectStatus);
      await expectNoAxeViolations(page, `${path} at ${viewport.width} px, ${colorScheme}`);
    }
  }
}

async function signIn(page: Page, slug: string, email: string) {
  await new LoginPage(page).continueWith(slug);
  await new OktaSignInPage(page).signIn(email);
  await new TenantHomePage(page).expectSignedIn(slug, { email });
}

test.describe('app shell', () => {
  test.describe.configure({ timeout: 180_000 });
  test.use({ timezoneId: 'Europe/Berlin' });

  test('signed out: the header offers sign-in; 404 and route-handler error pages share the shell; axe passes everywhere', async ({ page }) => {
    await checkEverywhere(page, '/login');
    await expect(page.getByRole('banner').getByRole('link', { name: 'Sign in' })).toBeVisible();
    await checkEverywhere(page, '/no-such-page', 404);
    await expect(page).toHaveTitle(/^Not found · /);
    // A route-handler page: same skip link, header and stylesheet as the React pages, no inline style.
    const stylesheet = await page.locator('link[rel=stylesheet]').first().getAttribute('href');
    await checkEverywhere(page, '/api/auth/signin?tenant=no-such-org-xyz', 404);
    await expect(page.getByTestId('error-code')).toHaveText('unknown_tenant');
    await expect(page).toHaveTitle(/^Organization not found · /);
    expect(await page.locator('link[rel=stylesheet]').getAttribute('href')).toBe(stylesheet);
    expect(await page.locator('[style], style').count()).toBe(0);
    await expect(page.getByRole('link', { name: 'Skip to content' })).toBeAttached();
    await expect(page.getByRole('banner')).toBeVisible();
  });

  test('the language switcher works by keyboard alone, keeps the page, and the error pages follow it', async ({ page }) => {
    await page.goto('/login?org=acme');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    const deutsch = page.getByRole('button', { name: 'Deutsch' });
    // Tab from the top of the page until the switcher's German button has focus, then press Enter.
    for (let i = 0; i < 10 && !(await deutsch.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    await expect(deutsch).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');
    await expect(page).toHaveURL(/\/login\?org=acme$/);
    await expect(page.getByRole('button', { name: 'Deutsch' })).toHaveAttribute('aria-current', 'true');
    await expect(page.getByRole('link', { name: 'Zum Inhalt springen' })).toBeAttached();

    const response = await page.goto('/api/auth/signin?tenant=no-such-org-xyz');
    expect(response?.status()).toBe(404);
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');
    await expect(page.getByRole('heading', { name: 'Organisation nicht gefunden' })).toBeVisible();
    await expect(page.getByTestId('error-code')).toHaveText('unknown_tenant');
    await expectNoAxeViolations(page, 'German error page');

    await page.goto('/login');
    await page.getByRole('button', { name: 'English' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  });

  test("signed in: the organization in the header, the person's menu by keyboard (Escape closes), the time zone cookie", async ({ page }) => {
    await signIn(page, 'acme', 'alice@acme.test');
    await expect(page.getByTestId('header-organization')).toHaveText('Acme Corp');
    await expect.poll(async () => (await page.context().cookies()).find((c) => c.name === 'tz')?.value).toBe('Europe%2FBerlin');

    const menu = page.getByTestId('user-menu');
    const summary = menu.locator('summary');
    await summary.focus();
    await page.keyboard.press('Enter');
    await expect(menu.getByRole('link', { name: 'Account' })).toBeVisible();
    // A member: no Admin entry.
    await expect(menu.getByRole('link', { name: 'Admin' })).toHaveCount(0);
    await expect(menu.getByRole('button', { name: 'Sign out' })).toBeVisible();
    await expectNoAxeViolations(page, 'open user menu');
    await page.keyboard.press('Tab');
    await expect(menu.getByRole('link', { name: 'Account' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(menu.getByRole('link', { name: 'Account' })).toBeHidden();
    await expect(summary).toBeFocused();
    await checkEverywhere(page, '/t/acme');
  });

  test('a member in the admin area is told they are not an admin and whom to ask; another organization is offered sign-out', async ({ page }) => {
    await signIn(page, 'acme', 'alice@acme.test');
    await checkEverywhere(page, '/t/acme/admin/users', 403);
    await expect(page.getByTestId('refusal-not_admin')).toBeVisible();
    await expect(page.getByText('You are not an administrator of this organization')).toBeVisible();
    await expect(page).toHaveTitle(/^You are not an administrator of this organization · /);
    await expect(page.getByTestId('error-code')).toHaveText('not_admin');

    const response = await page.goto('/t/globex');
    expect(response?.status()).toBe(403);
    await expect(page.getByTestId('refusal-other_tenant')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Sign out' }).last()).toBeVisible();
    await expect(page.getByRole('link', { name: 'Sign in to this organization' })).toHaveAttribute('href', '/api/auth/signin?tenant=globex');
    await expectNoAxeViolations(page, 'other organization refusal');
  });

  test('an admin: Admin in the menu, the admin nav marks the current page and stays compact at 390 px, the branding page saves an accent', async ({ page }) => {
    await signIn(page, 'globex', 'carol@globex.test');
    await makeAdmin('globex', 'carol@globex.test');
    await page.goto('/t/globex');
    const menu = page.getByTestId('user-menu');
    await menu.locator('summary').click();
    await menu.getByRole('link', { name: 'Admin' }).click();
    await expect(page).toHaveURL(/\/t\/globex\/admin/);

    await checkEverywhere(page, '/t/globex/admin/branding');
    const nav = page.getByRole('navigation', { name: 'Administration' });
    await expect(nav.getByRole('link', { name: 'Branding' })).toHaveAttribute('aria-current', 'page');
    await expect(nav.locator('[aria-current="page"]')).toHaveCount(1);
    // At 390 px the nav is one row: the page heading starts high on the screen, not ~560 px down.
    await page.setViewportSize({ width: 390, height: 844 });
    const top = await page.getByRole('heading', { level: 1 }).evaluate((el) => el.getBoundingClientRect().top);
    expect(top).toBeLessThan(330);

    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByRole('radio', { name: /Violet/ }).check();
    await page.getByRole('button', { name: 'Save branding' }).click();
    await expect(page.getByTestId('form-ok')).toHaveText('Branding saved.');
    await page.reload();
    await expect(page.getByRole('radio', { name: /Violet/ })).toBeChecked();
    // Back to the product accent for the specs that follow.
    await page.getByRole('radio', { name: /Product default/ }).check();
    await page.getByRole('button', { name: 'Save branding' }).click();
    await expect(page.getByTestId('form-ok')).toHaveText('Branding saved.');
  });
});

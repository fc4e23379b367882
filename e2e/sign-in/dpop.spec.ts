import { expect, test, type Browser, type Page } from '@playwright/test';
import { LoginPage, TenantHomePage } from '../fixtures/app';
import { auditSince, db } from '../fixtures/db';
import { OktaSignInPage, standInStats } from '../fixtures/okta';
import { issuerOf } from '../support/e2e-settings';

/**
 * DPoP (RFC 9449) per tenant. The stand-in's `acme-dpop` app requires a DPoP proof in token requests and
 * challenges with `use_dpop_nonce` first, like Okta; the `acme-dpop` tenant has "Require DPoP header in
 * token requests" on. Admin: alice, made an admin of acme-dpop here.
 */
const SLUG = 'acme-dpop';

async function signIn(page: Page, email = 'alice@acme.test') {
  await new LoginPage(page).continueWith(SLUG);
  await new OktaSignInPage(page).signIn(email);
}

/** A browser context signed in to acme-dpop as its admin (promoted in the database, as the seed does in dev). */
async function adminPage(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page);
  await new TenantHomePage(page).expectSignedIn(SLUG, { email: 'alice@acme.test' });
  await db().query(`UPDATE "User" u SET role = 'admin' FROM "Tenant" t WHERE t.id = u."tenantId" AND t.slug = $1 AND u.email = $2`, [SLUG, 'alice@acme.test']);
  await page.goto(`/t/${SLUG}/admin/connection`);
  return page;
}

const setDpop = async (admin: Page, on: boolean) => {
  await admin.goto(`/t/${SLUG}/admin/connection`);
  const card = admin.getByTestId('dpop-settings');
  await card.getByLabel('Require DPoP header in token requests').setChecked(on);
  await card.getByRole('button', { name: 'Save DPoP setting' }).click();
  await expect(card.getByTestId('form-ok')).toContainText(on ? 'DPoP is on' : 'DPoP is off');
};

test.describe('DPoP per tenant', () => {
  test.describe.configure({ timeout: 90_000 });

  test('signs in from the app and from the Okta tile through an Okta app that requires DPoP', async ({ page }) => {
    const before = await standInStats('acme');
    await signIn(page);
    await new TenantHomePage(page).expectSignedIn(SLUG, { email: 'alice@acme.test', issuer: issuerOf('acme') });
    await page.goto(`${issuerOf('acme')}/app/UserHome`);
    await page.getByRole('link', { name: 'OIN Reference SaaS (Acme, DPoP)' }).click();
    await new TenantHomePage(page).expectSignedIn(SLUG, { email: 'alice@acme.test', flow: /redirect to app/ });
    // Two sign-ins: the first pays the use_dpop_nonce round trip (one extra request) at most once.
    const tokenRequests = ((await standInStats('acme')).token ?? 0) - (before.token ?? 0);
    expect(tokenRequests).toBeGreaterThanOrEqual(2);
    expect(tokenRequests).toBeLessThanOrEqual(3);
  });

  test('with DPoP off in the app while Okta requires it, sign-in stops with a page that says so; on again, it works', async ({ browser, page }) => {
    const admin = await adminPage(browser);
    await expect(admin.getByTestId('dpop-settings').getByLabel('Require DPoP header in token requests')).toBeChecked();
    await setDpop(admin, false);
    try {
      const since = new Date();
      await signIn(page, 'bob@acme.test');
      await expect(page.getByTestId('error-code')).toHaveText('dpop_mismatch');
      await expect(page.getByRole('main')).toContainText('Require DPoP header in token requests');
      const [failure] = await auditSince(since, 'signin.failed');
      expect(failure).toMatchObject({ code: 'token_request_failed', details: { error: 'invalid_dpop_proof', shownCode: 'dpop_mismatch' } });
    } finally {
      await setDpop(admin, true);
    }
    await new LoginPage(page).continueWith(SLUG); // bob's Okta session is still there: no password this time
    await new TenantHomePage(page).expectSignedIn(SLUG, { email: 'bob@acme.test' });
  });

  test('DPoP cannot be combined with the Okta Simplified tile flow, and the page says why', async ({ browser }) => {
    const admin = await adminPage(browser);
    await admin.getByRole('radio', { name: 'Send ID Token directly to app (Okta Simplified)' }).check();
    await admin.getByRole('button', { name: 'Save settings' }).click();
    await expect(admin.getByTestId('form-error')).toContainText('DPoP cannot be combined with');
    await expect(admin.getByTestId('form-error')).toContainText("Okta's implicit grant");
    const { rows } = await db().query(`SELECT "tileLoginFlow", "requireDpop" FROM "Tenant" WHERE slug = $1`, [SLUG]);
    expect(rows[0]).toEqual({ tileLoginFlow: 'redirect', requireDpop: true });
  });
});

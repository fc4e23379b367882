import { expect, test, type Page } from '@playwright/test';
import { TenantHomePage } from '../fixtures/app';
import { expectAccessibleInEveryView } from '../fixtures/axe-views';
import { ConsentPage, countGrants, publishVersion, removeE2eVersions, resetGrants } from '../fixtures/consent';
import { auditSince, closeDbPool, countSessions } from '../fixtures/db';
import { tabToAndPress as activate, typeInto } from '../fixtures/keyboard';
import { OktaSignInPage } from '../fixtures/okta';
import { issuerOf } from '../support/e2e-settings';

/**
 * The end-user consent pages with the keyboard alone (accept, decline), the withdrawal confirmation on the
 * account page, and axe-core on each of them at both widths in light and dark. `acme-labs` asks for consent.
 */
const LABS = { slug: 'acme-labs', name: 'Acme Labs' };

/** /login → Okta → the consent page, Tab and Enter only. */
async function reachConsentByKeyboard(page: Page, email: string) {
  await page.goto('/login');
  await typeInto(page, page.getByLabel('Work email or organization'), LABS.slug);
  await page.keyboard.press('Enter');
  // The first hop to the stand-in can take a while on a busy machine.
  await page.waitForURL((url) => url.href.startsWith(issuerOf('acme')), { timeout: 30_000 });
  const okta = new OktaSignInPage(page);
  await okta.expectShown('acme');
  await typeInto(page, okta.username(), email);
  await typeInto(page, page.getByLabel('Password'), 'Passw0rd!');
  await page.keyboard.press('Enter');
  await new ConsentPage(page).expectShown(LABS.slug, LABS.name);
}

test.describe.configure({ timeout: 420_000 });

test.beforeEach(async () => {
  await resetGrants(LABS.slug);
});

test.afterAll(async () => {
  // Leave acme-labs with its demo statement, as the other consent specs expect.
  await removeE2eVersions(LABS.slug);
  await closeDbPool();
});

test('keyboard only: accept on the consent page, then decline a re-consent version', async ({ page }) => {
  await reachConsentByKeyboard(page, 'alice@acme.test');
  await expectAccessibleInEveryView(page, 'consent page');
  await activate(page, page.getByRole('button', { name: 'I agree' }));
  await new TenantHomePage(page).expectSignedIn(LABS.slug, { email: 'alice@acme.test' });
  expect(await countGrants(LABS.slug, 'alice@acme.test')).toBe(1);
  await expectAccessibleInEveryView(page, 'tenant home');

  await publishVersion(LABS.slug, true);
  await activate(page, page.getByRole('button', { name: 'Sign out' }));
  await expect(page.getByRole('heading', { name: 'You are signed out' })).toBeVisible({ timeout: 20_000 });
  await expectAccessibleInEveryView(page, 'signed out');
  await reachConsentByKeyboard(page, 'alice@acme.test');
  const sessions = await countSessions(LABS.slug);
  await activate(page, page.getByRole('button', { name: 'I do not agree' }));
  await expect(page.getByTestId('consent-declined')).toBeVisible();
  await expect(page.getByTestId('error-code')).toHaveText('app_consent_declined');
  expect(await countSessions(LABS.slug)).toBe(sessions);
  await expectAccessibleInEveryView(page, 'consent declined');

  // The consent page with nothing pending says so.
  await page.goto(`/t/${LABS.slug}/consent`);
  await expect(page.getByTestId('consent-invalid')).toBeVisible();
  await expectAccessibleInEveryView(page, 'consent page, nothing pending');
});

test('withdrawing consent asks first, naming the effect; Cancel keeps it, confirming signs out', async ({ page }) => {
  await reachConsentByKeyboard(page, 'bob@acme.test');
  await activate(page, page.getByRole('button', { name: 'I agree' }));
  await new TenantHomePage(page).expectSignedIn(LABS.slug, { email: 'bob@acme.test' });
  await activate(page, page.getByRole('link', { name: 'Your account and consent' }));
  await expect(page).toHaveTitle(/^Your account · /);
  await expect(page.getByTestId('grant')).toHaveCount(1);
  await expectAccessibleInEveryView(page, 'account');

  const withdraw = page.getByRole('button', { name: 'Withdraw consent' });
  await activate(page, withdraw);
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(`signed out of ${LABS.name} in this app at once`);
  await expect(dialog.getByRole('button', { name: 'Keep my consent' })).toBeFocused();
  await expectAccessibleInEveryView(page, 'account, withdrawal dialog');
  // Escape cancels: nothing changes, focus returns to the button.
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(withdraw).toBeFocused();
  expect(await countGrants(LABS.slug, 'bob@acme.test')).toBe(1);

  const since = new Date();
  // Enter on the focused button opens the dialog again, at once (the dialog's late `close` event after Escape
  // no longer swallows it: e2e/admin/views.spec.ts pins that race down).
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog')).toBeVisible();
  await activate(page, page.getByRole('dialog').getByRole('button', { name: 'Withdraw and sign out' }));
  await expect(page.getByTestId('consent-revoked')).toBeVisible();
  expect((await auditSince(since, 'consent.revoked')).length).toBe(1);
  await expectAccessibleInEveryView(page, 'consent withdrawn');
});

test('the start page and /login pass axe in every view', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveTitle('OIN Reference SaaS');
  await expectAccessibleInEveryView(page, 'start page');
  await page.goto('/login');
  await expect(page).toHaveTitle(/^Sign in · /);
  await expectAccessibleInEveryView(page, '/login');
});

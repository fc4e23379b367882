/**
 * Keyboard only: a person who cannot use a mouse signs in from the app's sign-in page and agrees to the app's
 * consent, with Tab, typing and Enter; every control they land on shows the focus ring. The Okta sign-in form
 * is the stand-in's (not the app's), so it is filled as anyone would.
 */
import { expect, test } from '@playwright/test';
import { TenantHomePage } from '../fixtures/app';
import { db } from '../fixtures/db';
import { expectFocusVisible, tabTo } from '../fixtures/keyboard';
import { OktaSignInPage } from '../fixtures/okta';

const LABS = { slug: 'acme-labs', email: 'bob@acme.test' };

test.use({ extraHTTPHeaders: { 'x-forwarded-for': '203.0.113.21' } });

test('sign-in and consent with the keyboard alone', async ({ page }) => {
  await db().query(`DELETE FROM "ConsentGrant" g USING "Tenant" t, "User" u WHERE t.id = g."tenantId" AND u.id = g."userId" AND t.slug = $1 AND u.email = $2`, [LABS.slug, LABS.email]);
  await page.goto('/login');

  const field = page.getByLabel('Work email or organization');
  await tabTo(page, field);
  await expect(field).toBeFocused();
  await page.keyboard.type(LABS.slug);
  const submit = page.getByRole('button', { name: 'Continue' });
  await tabTo(page, submit);
  await expectFocusVisible(page, submit);
  await page.keyboard.press('Enter');

  await new OktaSignInPage(page).signIn(LABS.email);
  await expect(page).toHaveURL(new RegExp(`/t/${LABS.slug}/consent$`));
  const agree = page.getByRole('button', { name: 'I agree' });
  await tabTo(page, agree);
  await expectFocusVisible(page, agree);
  await page.keyboard.press('Enter');
  await new TenantHomePage(page).expectSignedIn(LABS.slug, { email: LABS.email });
});

/**
 * The admin data views as an admin uses them: users searched and paged with real links, the audit log filtered
 * by actor and event with readable names and a CSV download of exactly the filtered view (formula-safe), a
 * confirmation dialog before deactivating someone (Cancel changes nothing), and every admin page free of axe
 * violations at 1280 and 390 px, light and dark, with nothing scrolling sideways on a phone.
 */
import { expect, test, type Page } from '@playwright/test';
import { LoginPage, TenantHomePage } from '../fixtures/app';
import { removeViewUsers, seedViewAudit, seedViewUsers, userStatus } from '../fixtures/admin-views';
import { expectNoAxeViolations } from '../fixtures/axe';
import { makeAdmin } from '../fixtures/consent';
import { db } from '../fixtures/db';
import { OktaSignInPage } from '../fixtures/okta';

const SLUG = 'globex';
const ADMIN = 'carol@globex.test';
const ADMIN_PAGES = ['connection', 'domains', 'credentials', 'users', 'admins', 'consent', 'rate-limits', 'health', 'audit'];

async function signInAsAdmin(page: Page) {
  await new LoginPage(page).continueWith(SLUG);
  await new OktaSignInPage(page).signIn(ADMIN);
  await new TenantHomePage(page).expectSignedIn(SLUG, { email: ADMIN });
  await makeAdmin(SLUG, ADMIN);
}

test.describe('Admin data views', () => {
  test.describe.configure({ mode: 'serial', timeout: 120_000 });

  test.beforeAll(async () => {
    await removeViewUsers(SLUG);
    await seedViewUsers(SLUG, 50, [{ email: 'victim@views.test', name: 'Victor Tim' }]);
  });
  test.afterAll(async () => {
    await removeViewUsers(SLUG);
    await db().query(`DELETE FROM "ConsentVersion" WHERE "tenantId" = (SELECT id FROM "Tenant" WHERE slug = $1)`, [SLUG]);
    await db().query(`DELETE FROM "RateLimiterFlexible" WHERE key LIKE 'rl:admin.action.user:%'`);
  });

  test('users: searched by name or email, paged with links, times with their zone', async ({ browser }) => {
    // A browser in Berlin: the app shell writes its zone into the `tz` cookie, and times show in it, named.
    const context = await browser.newContext({ timezoneId: 'Europe/Berlin' });
    const page = await context.newPage();
    await signInAsAdmin(page);
    await page.goto(`/t/${SLUG}/admin/users`);
    await expect(page).toHaveTitle(/^Users · /);
    const count = page.getByTestId('users-count');
    const total = Number((await count.innerText()).match(/of (\d+) users/)![1]);
    expect(total).toBeGreaterThanOrEqual(52);
    await expect(count).toContainText(`1–25 of ${total} users`);
    await expect(page.getByTestId('users').locator('tbody tr')).toHaveCount(25);
    // A real time element: ISO instant, UTC on hover.
    const time = page.getByTestId('user-view01@views.test').locator('time');
    await expect(time).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    await expect(time).toHaveAttribute('title', /UTC$/);
    await expect(time).toHaveText(/GMT\+[12]|CES?T/);

    await page.getByRole('link', { name: 'Next page →' }).click();
    await expect(page).toHaveURL(/page=2/);
    await expect(count).toContainText(`26–50 of ${total} users`);
    await page.getByRole('link', { name: '← Previous page' }).click();
    await expect(count).toContainText(`1–25 of ${total}`);

    await page.getByLabel('Search users').fill('FINDABLE');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page).toHaveURL(/q=FINDABLE/);
    await expect(count).toContainText('1–17 of 17 users matching “FINDABLE”');
    await expect(page.getByRole('link', { name: 'Next page →' })).toHaveCount(0);
    await page.getByLabel('Search users').fill('view07@');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(count).toHaveText('1 user matches “view07@”');
    await expect(page.getByTestId('user-view07@views.test')).toBeVisible();
    await page.getByLabel('Search users').fill('nobody-by-this-name');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page.getByTestId('users-empty')).toContainText('Nobody matches “nobody-by-this-name”');
    await context.close();
  });

  test('deactivating someone asks first, naming them; Cancel changes nothing, confirming does it', async ({ page }) => {
    await signInAsAdmin(page);
    await page.goto(`/t/${SLUG}/admin/users?q=victim`);
    const row = page.getByTestId('user-victim@views.test');
    const dialog = page.getByRole('dialog', { name: 'Deactivate victim@views.test?' });
    await row.getByRole('button', { name: 'Deactivate' }).click();
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('signed out everywhere at once');
    await expectNoAxeViolations(page, 'users page with the confirmation dialog open');
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    await page.waitForTimeout(500);
    expect(await userStatus(SLUG, 'victim@views.test')).toBe('active');
    await expect(row.getByTestId('user-status')).toHaveText('Active');

    // Escape cancels too.
    await row.getByRole('button', { name: 'Deactivate' }).click();
    await expect(dialog).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    expect(await userStatus(SLUG, 'victim@views.test')).toBe('active');

    // A key pressed the instant the dialog closed is not lost. The native dialog's `close` event comes a frame
    // after Escape (Chromium: ~10 ms); an Enter that opens the dialog again inside that frame must not have
    // the late `close` shut the new dialog. Escape (requestClose: cancel, then close) and Enter (the button's
    // click) in one task make that interleaving certain; then the same with the real keys.
    const deactivate = row.getByRole('button', { name: 'Deactivate' });
    await deactivate.click();
    await expect(dialog).toBeVisible();
    await page.evaluate((name) => {
      const open = document.querySelector<HTMLDialogElement>('dialog[open]');
      if (!open) throw new Error('no open dialog');
      open.requestClose();
      if (open.open) throw new Error('the dialog stayed open');
      [...document.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent === name)?.click();
    }, 'Deactivate');
    await expect(dialog, 'Enter right after Escape opens the dialog again').toBeVisible();
    await page.waitForTimeout(300);
    await expect(dialog, 'and the late close event leaves it open').toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(deactivate).toBeFocused();
    for (let round = 1; round <= 3; round++) {
      await page.keyboard.press('Enter');
      await expect(dialog, `round ${round}: Enter opens the dialog`).toBeVisible();
      await page.keyboard.press('Escape');
      await page.keyboard.press('Enter');
      await expect(dialog, `round ${round}: Enter right after Escape opens it again`).toBeVisible();
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();
      await expect(deactivate).toBeFocused();
    }
    expect(await userStatus(SLUG, 'victim@views.test')).toBe('active');

    await row.getByRole('button', { name: 'Deactivate' }).click();
    await dialog.getByRole('button', { name: 'Deactivate victim@views.test' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'victim@views.test is deactivated.' })).toBeVisible();
    expect(await userStatus(SLUG, 'victim@views.test')).toBe('deactivated');
    await expect(row.getByTestId('user-status')).toHaveText('Deactivated');
  });

  test('audit log: readable events, filtered by actor and event, paged, exported as CSV of the filtered view', async ({ page }) => {
    await signInAsAdmin(page);
    await seedViewAudit(SLUG, ADMIN);
    await page.goto(`/t/${SLUG}/admin/audit`);
    await expect(page).toHaveTitle(/^Audit log · /);
    const log = page.getByTestId('audit-log');
    await expect(log).toContainText('legacy.event'); // no catalogue entry: the code itself

    await page.getByLabel('Who').fill('carol@globex');
    await page.getByRole('button', { name: 'Filter' }).click();
    await expect(page).toHaveURL(/actor=carol%40globex/);
    const actors = await page.getByTestId('audit-actor').allInnerTexts();
    expect(actors.length).toBe(25);
    expect(new Set(actors)).toEqual(new Set([ADMIN]));
    await page.getByRole('link', { name: 'Older →' }).click();
    await expect(page).toHaveURL(/actor=carol%40globex.*page=2|page=2.*actor=carol%40globex/);
    await expect(page.getByTestId('audit-pager')).toContainText('Page 2');

    await page.getByLabel('Event').selectOption({ label: 'User deactivated' });
    await page.getByRole('button', { name: 'Filter' }).click();
    const entries = page.getByTestId('audit-entry');
    await expect(entries.first().getByTestId('audit-event')).toHaveText('User deactivated');
    await entries.first().getByText('Show details').click();
    await expect(entries.first()).toContainText('before.status');
    expect(await page.getByTestId('audit-actor').allInnerTexts()).toEqual(expect.arrayContaining([ADMIN]));
    await expect(log).not.toContainText('{'); // details as text, not JSON

    const href = await page.getByTestId('audit-export').getAttribute('href');
    expect(href).toMatch(/\/audit\/export\?.*type=user.deactivated/);
    const csv = await page.request.get(href!);
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toContain('text/csv');
    expect(csv.headers()['content-disposition']).toMatch(/attachment; filename="audit-globex-/);
    const text = await csv.text();
    const lines = text.trim().split('\n');
    expect(lines[0]).toBe('at,event,type,code,actor,ip,userAgent,requestId,details');
    expect(lines.slice(1).every((l) => l.includes('User deactivated'))).toBe(true);
    expect(text).toContain('before.status: active');

    // Formula-safe: an actor label that a spreadsheet would run is quoted.
    const operatorCsv = await (await page.request.get(`/t/${SLUG}/admin/audit/export?type=tenant.updated`)).text();
    expect(operatorCsv).toContain("'=2+3");
    for (const line of operatorCsv.split('\n')) for (const cell of line.split(',')) expect(cell).not.toMatch(/^"?[=+@]/);

    await page.goto(`/t/${SLUG}/admin/audit?actor=nobody-at-all`);
    await expect(page.getByTestId('audit-empty')).toHaveText('No events match these filters.');
  });

  test('publishing a consent version asks first; Cancel publishes nothing', async ({ page }) => {
    await signInAsAdmin(page);
    // A published consent version also gives the consent page its table for the axe checks below.
    await page.goto(`/t/${SLUG}/admin/consent`);
    await page.getByLabel('Title', { exact: true }).fill('Globex terms');
    await page.getByLabel('Statement').fill('What the app keeps about you, and why.');
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Publish version 1?' });
    await expect(dialog).toContainText('cannot be edited or withdrawn');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByTestId('consent-versions-empty')).toBeVisible();
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await dialog.getByRole('button', { name: 'Publish version 1' }).click();
    await expect(page.getByTestId('form-ok')).toHaveText('Saved. Version 1 is published.');
    await expect(page.getByTestId('consent-version-1')).toBeVisible();
  });

  // Every admin page with realistic data (60 users, audit rows, a consent version), once per width and scheme.
  for (const scheme of ['light', 'dark'] as const) {
    for (const [width, height] of [[1280, 800], [390, 844]] as const) {
      test(`every admin page passes axe at ${width} px, ${scheme}${width === 390 ? ', nothing scrolls sideways' : ''}`, async ({ page }) => {
        test.setTimeout(360_000);
        await page.emulateMedia({ colorScheme: scheme });
        await page.setViewportSize({ width, height });
        await signInAsAdmin(page);
        for (const path of ADMIN_PAGES) {
          const label = `${path} at ${width} px, ${scheme}`;
          await page.goto(`/t/${SLUG}/admin/${path}`);
          await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
          await expectNoAxeViolations(page, label);
          if (width === 390) {
            const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
            expect(overflow, `${label}: sideways overflow`).toBeLessThanOrEqual(0);
          }
        }
        if (width === 390) {
          // On a phone the rate-limit Save buttons are on screen (not beyond its right edge).
          await page.goto(`/t/${SLUG}/admin/rate-limits`);
          const save = page.getByRole('button', { name: 'Save', exact: true }).first();
          await save.scrollIntoViewIfNeeded();
          const box = (await save.boundingBox())!;
          expect(box.x).toBeGreaterThanOrEqual(0);
          expect(box.x + box.width).toBeLessThanOrEqual(width);
        }
      });
    }
  }
});

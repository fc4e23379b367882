/**
 * Admin hardening as a user and an attacker observe it: the 61st admin action in a minute is refused;
 * the consent logo takes only a real PNG/JPEG, served with a fixed type and nosniff, or an https URL that
 * is not this app; unknown, draft and suspended tenants answer their public pages with the same 404.
 */
import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { LoginPage, TenantHomePage } from '../fixtures/app';
import { ConsentPage, makeAdmin } from '../fixtures/consent';
import { db } from '../fixtures/db';
import { OktaSignInPage } from '../fixtures/okta';
import { E2E } from '../support/e2e-settings';

// A 1×1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="1" height="1"/></svg>');

async function signInAsAdmin(page: Page, slug: string, email: string, consent = false) {
  await new LoginPage(page).continueWith(slug);
  await new OktaSignInPage(page).signIn(email);
  if (consent) await new ConsentPage(page).accept();
  await new TenantHomePage(page).expectSignedIn(slug, { email });
  await makeAdmin(slug, email);
}

test.afterAll(async () => {
  // Give the admins used here a fresh budget, for the specs that run next.
  await db().query(`DELETE FROM "RateLimiterFlexible" WHERE key LIKE 'rl:admin.action.user:%'`);
  await db().query(`DELETE FROM "Tenant" WHERE slug LIKE 'e2e-hidden-%'`);
});

test('the 61st admin action in a minute is refused, and changes nothing', async ({ page }) => {
  test.setTimeout(180_000);
  await signInAsAdmin(page, 'globex', 'carol@globex.test');
  await page.goto('/t/globex/admin/health');
  const check = page.getByRole('button', { name: 'Check now' });
  const act = () => Promise.all([page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/admin/health')), check.click()]);
  // 50 actions already taken this minute (60 real clicks take longer than a minute on a busy machine; the
  // integration test counts all 60 for real), then 10 through the page.
  const { rows } = await db().query(`SELECT u.id FROM "User" u JOIN "Tenant" t ON t.id = u."tenantId" WHERE t.slug = 'globex' AND u.email = 'carol@globex.test'`);
  await db().query(
    `INSERT INTO "RateLimiterFlexible" (key, points, expire) VALUES ($1, 50, now() + interval '60 seconds')
     ON CONFLICT (key) DO UPDATE SET points = 50, expire = now() + interval '60 seconds'`,
    [`rl:admin.action.user:${rows[0].id}`],
  );
  for (let i = 51; i <= 60; i++) {
    await act();
    await expect(page.getByTestId('form-ok'), `action ${i}`).toHaveText(/connection works/i);
  }
  const checksBefore = (await db().query(`SELECT count(*)::int AS n FROM "AuditEvent" WHERE type = 'tenant.connection_checked'`)).rows[0].n;
  await act();
  await expect(page.getByTestId('form-error')).toHaveText(/Too many changes in a short time \(at most 60 a minute\)\. Nothing was changed/);
  const checksAfter = (await db().query(`SELECT count(*)::int AS n FROM "AuditEvent" WHERE type = 'tenant.connection_checked'`)).rows[0].n;
  expect(checksAfter).toBe(checksBefore);
  const refusal = await db().query(`SELECT count(*)::int AS n FROM "AuditEvent" WHERE type = 'ratelimit.exceeded' AND code = 'admin.action.user'`);
  expect(refusal.rows[0].n).toBeGreaterThanOrEqual(1);
});

test('the organization logo (branding page): an SVG posing as PNG and an app URL are refused under their fields; a PNG is served from its own route with nosniff', async ({ page }) => {
  test.setTimeout(120_000);
  await signInAsAdmin(page, 'acme-labs', 'alice@acme.test', true);
  await page.goto('/t/acme-labs/admin/branding');
  const save = page.getByRole('button', { name: 'Save branding' });
  const urlField = page.getByLabel(/https:\/\/ URL of the image/);

  await page.locator('input[name="logoFile"]').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: SVG });
  await save.click();
  await expect(page.getByTestId('field-error-logoFile')).toContainText('must be a PNG or JPEG image');
  await expect(page.locator('input[name="logoFile"]')).toHaveAttribute('aria-invalid', 'true');
  await page.locator('input[name="logoFile"]').setInputFiles([]);

  await urlField.fill(`${E2E.appUrl}/api/auth/signin?tenant=acme`);
  await save.click();
  // (This stack's origin is http, so the https rule refuses it first; lib/consent/consent.test.ts covers an https app origin.)
  await expect(page.getByTestId('field-error-logoUrl')).toContainText(/must be an https:\/\/ URL|must not point at this app/);
  await expect(urlField).toHaveAttribute('aria-invalid', 'true');
  await urlField.fill(`/t/acme-labs/admin`);
  await save.click();
  await expect(page.getByTestId('field-error-logoUrl')).toContainText('must be an https:// URL');

  await urlField.fill('');
  await page.locator('input[name="logoFile"]').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: PNG });
  await save.click();
  await expect(page.getByTestId('form-ok')).toHaveText('Branding saved.');
  await page.reload();
  const src = await page.getByTestId('current-logo').getAttribute('src');
  expect(src).toMatch(/^\/t\/acme-labs\/consent\/logo\?v=[0-9a-f]{16}$/);

  const logo = await page.request.get(src!);
  expect(logo.status()).toBe(200);
  expect(logo.headers()['content-type']).toBe('image/png');
  expect(logo.headers()['x-content-type-options']).toBe('nosniff');
  expect(Buffer.from(await logo.body()).equals(PNG)).toBe(true);

  await page.getByLabel('Remove the logo').check();
  await save.click();
  await expect(page.getByTestId('form-ok')).toHaveText('Branding saved.');
  await page.reload();
  await expect(page.getByTestId('current-logo')).toHaveCount(0);
  expect((await page.request.get(src!)).status()).toBe(404);
});

test('unknown, draft and suspended tenants answer their public pages with the same 404, naming no one', async ({ request }) => {
  const hidden = `e2e-hidden-${randomUUID().slice(0, 6)}`;
  for (const [suffix, status] of [['draft', 'draft'], ['susp', 'suspended']] as const) {
    await db().query(
      `INSERT INTO "Tenant" (id, slug, "displayName", status, issuer, "clientId", "updatedAt") VALUES (gen_random_uuid(), $1, $2, $3::"TenantStatus", $4, $5, now())`,
      [`${hidden}-${suffix}`, `Secret ${suffix} Corp`, status, `https://${hidden}-${suffix}.okta.example`, `client-${suffix}`],
    );
    await db().query(
      `INSERT INTO "ConsentPolicy" ("tenantId", required, "supportContact", "updatedAt") SELECT id, true, $2, now() FROM "Tenant" WHERE slug = $1`,
      [`${hidden}-${suffix}`, `ceo@${suffix}.example`],
    );
  }
  for (const slug of [`${hidden}-nobody`, `${hidden}-draft`, `${hidden}-susp`]) {
    for (const path of [`/t/${slug}`, `/t/${slug}/consent`, `/t/${slug}/consent/declined`, `/t/${slug}/consent/logo`]) {
      const response = await request.get(path, { maxRedirects: 0, headers: { 'x-forwarded-for': '127.0.0.77' } });
      expect(response.status(), path).toBe(404);
      const body = await response.text();
      expect(body, path).not.toMatch(/Secret (draft|susp) Corp|@(draft|susp)\.example/);
    }
  }
  const counted = await db().query(`SELECT points FROM "RateLimiterFlexible" WHERE key = 'rl:signin.unknown.ip:127.0.0.77'`);
  expect(counted.rows[0]?.points).toBeGreaterThanOrEqual(12);
});

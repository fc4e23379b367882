import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { E2E } from '../support/e2e-settings';

type Submission = { appUrl: string; sections: { title: string; fields: { label: string; value: string }[] }[]; problems: string[] };

/** What `npm run oin -- --json` prints for the e2e app's origin. */
function oinValues(): Submission {
  const out = execFileSync('npx', ['tsx', '--conditions=react-server', 'scripts/oin.ts', '--json'], {
    env: { ...process.env, APP_URL: E2E.appUrl, DATA_DIR: mkdtempSync(path.join(tmpdir(), 'oin-guide-')), NODE_ENV: 'development' },
    encoding: 'utf8',
  });
  return JSON.parse(out) as Submission;
}

test('the configuration guide shows the same OIN values as npm run oin, and serves the logo', async ({ page, request }) => {
  test.setTimeout(120_000);
  const submission = oinValues();
  expect(submission.appUrl).toBe(E2E.appUrl);
  await page.goto('/guide');
  await expect(page.getByRole('heading', { name: /Integration values/ })).toBeVisible();
  let count = 0;
  for (const section of submission.sections) {
    for (const field of section.fields) {
      await expect(page.getByTestId(`oin-${section.title}-${field.label}`)).toHaveText(field.value);
      count++;
    }
  }
  expect(count).toBeGreaterThanOrEqual(20);
  await expect(page.getByTestId('guide-universal-logout-uri')).toHaveText(`${E2E.appUrl}/api/auth/universal-logout`);

  const logo = await request.get('/oin-logo.png');
  expect(logo.status()).toBe(200);
  expect(logo.headers()['content-type']).toBe('image/png');
});

test('the configuration guide reads in German, with the same values, and a title of its own', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'de-DE' });
  const page = await context.newPage();
  await page.goto('/guide');
  await expect(page).toHaveTitle(/^Konfigurationsanleitung/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('mit Okta konfigurieren');
  await expect(page.getByRole('heading', { name: /Integrationswerte/ })).toBeVisible();
  await expect(page.getByTestId('guide-redirect-uri')).toHaveText(`${E2E.appUrl}/api/auth/callback/okta`);
  await expect(page.getByTestId('guide-universal-logout-uri')).toHaveText(`${E2E.appUrl}/api/auth/universal-logout`);
  await context.close();
});

/**
 * The admin area in German, as a German-speaking admin sees it: a browser that asks for `de-DE` signs in as the
 * demo admin of globex and walks every page of the admin menu. Each page has its German heading, the page
 * language is German, and no English text of the app's catalogues is left on it (every English string of the
 * page's namespace, the shell and the shared admin texts, where it differs from the German one). A refused
 * change (a public email domain) and a bad value (not a domain) are answered in German, and the health page
 * describes a failed connection check in German (the texts the onboarding wizard uses), as does the connection
 * test sign-in's refusal page. The start page's tagline
 * is the German one. Everything the test changes is put back: carol's role, her admin-action budget, globex's
 * last connection check; the refused changes change nothing (checked).
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { brand } from '../../lib/branding/brand';
import type { Messages } from '../../messages';
import { makeAdmin } from '../fixtures/consent';
import { db } from '../fixtures/db';
import { OktaSignInPage } from '../fixtures/okta';

const SLUG = 'globex';
const ADMIN = 'carol@globex.test';
// The catalogues as files (the e2e runner loads JSON by path, not through messages/index.ts).
const catalogue = (locale: 'en' | 'de') =>
  new Proxy({} as Messages, {
    get: (_, ns: string) => JSON.parse(readFileSync(new URL(`../../messages/${locale}/${ns}.json`, import.meta.url), 'utf8')),
  });
const en = catalogue('en');
const de = catalogue('de');

/** Every page of the admin menu (app/t/[tenant]/admin/layout.tsx) with its catalogue namespace. */
const PAGES = [
  ['connection', 'connection', 'adminConnection'],
  ['domains', 'domains', 'adminDomains'],
  ['credentials', 'credentials', 'adminCredentials'],
  ['users', 'users', 'adminUsers'],
  ['admins', 'admins', 'adminAdmins'],
  ['consent', 'consent', 'adminConsent'],
  ['branding', 'branding', 'branding'],
  ['rate-limits', 'rateLimits', 'adminRateLimits'],
  ['health', 'health', 'adminHealth'],
  ['audit', 'audit', 'adminAudit'],
] as const;

type Tree = { [key: string]: string | Tree };
const leaves = (tree: Tree, prefix = ''): [string, string][] =>
  Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [[prefix + k, v] as [string, string]] : leaves(v, `${prefix}${k}.`)));

/**
 * The English texts that must not appear on a German page: whole sentences and labels of the given namespaces
 * (no placeholders or markup, long enough not to occur by chance) that German words otherwise. English that the
 * German texts quote (Okta's own, English, setting names) is left out.
 */
function englishOnly(...namespaces: (keyof Messages)[]): string[] {
  const german = namespaces.flatMap((ns) => leaves(de[ns] as unknown as Tree).map(([, text]) => text));
  return namespaces.flatMap((ns) =>
    leaves(en[ns] as unknown as Tree)
      .map(([, text]) => text)
      .filter((text) => text.length >= 12 && !/[{}<]/.test(text) && !german.some((g) => g.includes(text))),
  );
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** No English text of `texts` on the page, as a whole phrase (not inside a longer word). */
async function expectNoEnglish(page: Page, texts: string[]) {
  const shown = await page.locator('body').innerText();
  const left = texts.filter((text) => new RegExp(`(?<!\\p{L})${escape(text)}(?!\\p{L})`, 'u').test(shown));
  expect(left, `English left on ${page.url()}`).toEqual([]);
}

let before: { role: string | null; lastCheckAt: Date | null; lastCheckCode: string | null; domains: string[] };

const domainsOfGlobex = async () =>
  (await db().query(`SELECT domain FROM "TenantEmailDomain" WHERE "tenantId" = (SELECT id FROM "Tenant" WHERE slug = $1) ORDER BY domain`, [SLUG])).rows.map(
    (r: { domain: string }) => r.domain,
  );

test.describe('Admin area in German', () => {
  test.describe.configure({ timeout: 180_000 });

  test.beforeAll(async () => {
    const user = await db().query(`SELECT u.role FROM "User" u JOIN "Tenant" t ON t.id = u."tenantId" WHERE t.slug = $1 AND u.email = $2`, [SLUG, ADMIN]);
    const tenant = await db().query(`SELECT "lastDiscoveryCheckAt", "lastDiscoveryCheckCode" FROM "Tenant" WHERE slug = $1`, [SLUG]);
    before = {
      role: user.rows[0]?.role ?? null,
      lastCheckAt: tenant.rows[0].lastDiscoveryCheckAt,
      lastCheckCode: tenant.rows[0].lastDiscoveryCheckCode,
      domains: await domainsOfGlobex(),
    };
  });

  test.afterAll(async () => {
    // Carol's role as found (a member when she had not signed in before), her action budget fresh, the check as it was.
    await db().query(`UPDATE "User" SET role = $3 WHERE email = $2 AND "tenantId" = (SELECT id FROM "Tenant" WHERE slug = $1)`, [SLUG, ADMIN, before.role ?? 'member']);
    await db().query(
      `DELETE FROM "RateLimiterFlexible" WHERE key IN (SELECT 'rl:admin.action.user:' || u.id FROM "User" u JOIN "Tenant" t ON t.id = u."tenantId" WHERE t.slug = $1 AND u.email = $2)`,
      [SLUG, ADMIN],
    );
    await db().query(`UPDATE "Tenant" SET "lastDiscoveryCheckAt" = $2, "lastDiscoveryCheckCode" = $3 WHERE slug = $1`, [SLUG, before.lastCheckAt, before.lastCheckCode]);
  });

  test('every admin page speaks German, refusals and field errors too', async ({ browser }) => {
    const context = await browser.newContext({ locale: 'de-DE' });
    const page = await context.newPage();

    // The start page: the German tagline from brand.ts.
    await page.goto('/');
    await expect(page.getByText(brand.tagline.de)).toBeVisible();
    await expect(page.getByText(brand.tagline.en)).toHaveCount(0);

    await page.goto('/login');
    await page.getByLabel('Geschäftliche E-Mail-Adresse oder Organisation').fill(SLUG);
    await page.getByRole('button', { name: 'Weiter' }).click();
    await new OktaSignInPage(page).signIn(ADMIN);
    await expect(page).toHaveURL(new RegExp(`/t/${SLUG}$`));
    await makeAdmin(SLUG, ADMIN);

    // A failed connection check on record, described on the health page in German.
    await db().query(`UPDATE "Tenant" SET "lastDiscoveryCheckAt" = now(), "lastDiscoveryCheckCode" = 'no_rs256' WHERE slug = $1`, [SLUG]);

    await page.goto(`/t/${SLUG}/admin/connection`);
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');
    const menu = page.getByRole('navigation', { name: de.shell.adminNav });
    for (const [path, navKey, ns] of PAGES) {
      await menu.getByRole('link', { name: de.shell.nav[navKey], exact: true }).click();
      await expect(page).toHaveURL(new RegExp(`/t/${SLUG}/admin/${path}$`));
      const heading = page.getByRole('heading', { level: 1 });
      const german = leaves(de[ns] as unknown as Tree).map(([, text]) => text);
      await expect(heading).toBeVisible();
      expect(german, `${path}: its heading is one of its German texts`).toContain(await heading.innerText());
      await expectNoEnglish(page, englishOnly(ns, 'shell', 'admin', 'common', 'adminActions', 'tenantErrors', 'discovery'));
    }

    await page.goto(`/t/${SLUG}/admin/health`);
    await expect(page.getByTestId('last-check-failure')).toHaveText(de.discovery.no_rs256);

    // The connection page's test sign-in, with no pending connection to test: its page in German too.
    const origin = new URL(page.url()).origin;
    const nothing = await page.request.post(`/t/${SLUG}/admin/connection/test-sign-in`, { headers: { origin, 'accept-language': 'de-DE' }, maxRedirects: 0 });
    expect(nothing.status()).toBe(409);
    const nothingPage = await nothing.text();
    expect(nothingPage).toContain('<html lang="de"');
    expect(nothingPage).toContain(de.adminConnection.testSignIn.nothingPending);
    expect(nothingPage).not.toContain(en.adminConnection.testSignIn.nothingPending);

    // A refusal of the tenant registry (TenantError public_domain), in German; nothing changed.
    await page.goto(`/t/${SLUG}/admin/domains`);
    const domains = page.getByLabel(de.adminDomains.domainsLabel);
    await domains.fill('gmail.com');
    await page.getByRole('button', { name: de.adminDomains.save }).click();
    await expect(page.getByTestId('form-error')).toHaveText('gmail.com ist eine öffentliche E-Mail-Domain: Sie kann nicht zu einer einzelnen Organisation führen');
    await expectNoEnglish(page, englishOnly('tenantErrors', 'adminActions'));

    // A value that is not a domain: the error under the field, in German; nothing changed.
    await domains.fill('kein domain!');
    await page.getByRole('button', { name: de.adminDomains.save }).click();
    await expect(page.getByTestId('field-error-domains')).toHaveText('„kein“ ist kein Domainname (zum Beispiel example.com).');
    await expectNoEnglish(page, englishOnly('tenantErrors', 'adminActions'));
    expect(await domainsOfGlobex()).toEqual(before.domains);
    await context.close();
  });
});

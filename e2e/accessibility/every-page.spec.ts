/**
 * Every page of the app, as each kind of user reaches it — signed out, a member, an admin, a customer admin in
 * the onboarding wizard — and each error page, checked by page-checks.ts: axe-core (WCAG 2.2 A/AA) at 1280 and
 * 390 px in light and dark, no sideways scrolling at 390 px, one h1, a skip link to #main, a 2 px focus ring,
 * and a unique <title> across the run. Fails on any violation; every page is checked and reported.
 *
 * To add a page, add a row to the table of its role. Admin pages are found from the admin navigation, so new
 * admin pages are checked without a row. One signed-in browser context per role; each context sends its own
 * X-Forwarded-For (a documentation address), so the per-address budgets of the other specs are not spent here.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { LoginPage, TenantHomePage } from '../fixtures/app';
import { WizardPage, inviteFromCli, setOktaClientSecrets } from '../fixtures/admin';
import { ConsentPage, makeAdmin } from '../fixtures/consent';
import { db } from '../fixtures/db';
import { OktaSignInPage } from '../fixtures/okta';
import { issuerOf } from '../support/e2e-settings';
import { VIEWPORTS, checkPage, expectUniqueTitles, type CheckedPage } from './page-checks';

/** A page to check: how to open it (a path, or steps in the browser), and the status it must answer with. */
type Row = { name: string; open: string | ((page: Page) => Promise<unknown>); status?: number; group?: string };

const MEMBER = { slug: 'acme', email: 'bob@acme.test' };
const ADMIN = { slug: 'acme-labs', email: 'alice@acme.test' };
/** The wizard connects to the stand-in's `initech` app (the only unclaimed one), as e2e/admin/onboarding.spec.ts does. */
const WIZARD_ORG = { name: 'Accessible Org', slug: 'a11y-org', oktaApp: 'initech', clientId: 'initech-app', secret: 'initech-secret-first' };
/** The address whose unknown-organization budget is spent, to show the 429 page. */
const LIMITED_IP = '203.0.113.15';

const SIGNED_OUT: Row[] = [
  { name: 'home', open: '/' },
  { name: 'sign-in', open: '/login' },
  { name: 'sign-in for an organization', open: `/login?org=${MEMBER.slug}`, group: 'sign-in' },
  // /login answers an unknown organization under its field: the same page (and title) in another state.
  { name: 'sign-in, unknown organization submitted', group: 'sign-in', open: async (page) => {
    await new LoginPage(page).continueWith('no-such-organization');
    await page.waitForLoadState();
  } },
  { name: 'sign-in, unknown organization', open: '/api/auth/signin?tenant=no-such-organization', status: 404 },
  { name: 'sign-in callback without a sign-in', open: '/api/auth/callback/okta?code=not-a-code&state=not-a-state' },
  { name: 'too many sign-in attempts', open: async (page) => spendUnknownBudget(page), status: 429 },
  { name: 'signed out', open: '/signed-out' },
  { name: 'configuration guide', open: '/guide' },
  { name: 'not found', open: '/no-such-page', status: 404 },
  { name: 'invitation link unknown', open: '/invite/not-a-token', status: 404 },
  { name: 'onboarding without an invitation', open: '/onboarding' },
  { name: 'consent declined', open: `/t/${ADMIN.slug}/consent/declined` },
];

const AS_MEMBER: Row[] = [
  { name: 'tenant home', open: `/t/${MEMBER.slug}` },
  { name: 'account', open: `/t/${MEMBER.slug}/account` },
  { name: 'consent withdrawn', open: `/t/${MEMBER.slug}/account/revoked` },
  { name: 'refusal: a member opens an admin page', open: `/t/${MEMBER.slug}/admin/users`, status: 403 },
  { name: 'refusal: another organization\'s page', open: '/t/globex', status: 403 },
  { name: 'another organization\'s admin page', open: '/t/globex/admin/users', status: 404, group: 'not found' },
  { name: 'consent', open: async (page) => {
    // Okta (the stand-in) still has the member's session: straight to the app's consent page.
    await db().query(`DELETE FROM "ConsentGrant" g USING "Tenant" t, "User" u WHERE t.id = g."tenantId" AND u.id = g."userId" AND t.slug = $1 AND u.email = $2`, [ADMIN.slug, MEMBER.email]);
    await page.goto(`/api/auth/signin?tenant=${ADMIN.slug}`);
    await expect(page).toHaveURL(new RegExp(`/t/${ADMIN.slug}/consent$`));
  } },
];

/** Opens each row in `page` and checks it; returns what it found for the title comparison. */
async function checkRows(page: Page, rows: Row[]): Promise<CheckedPage[]> {
  const checked: CheckedPage[] = [];
  for (const row of rows) {
    // A path is opened directly; steps may return the response of the page they end on.
    const response = typeof row.open === 'string' ? await page.goto(row.open) : await row.open(page);
    const status = (response as { status?: () => number } | null | undefined)?.status?.();
    if (row.status) expect.soft(status, `status of ${row.name}`).toBe(row.status);
    else if (status !== undefined) expect.soft(status, `status of ${row.name}`).toBeLessThan(500);
    checked.push(await checkPage(page, row.name, row.group));
  }
  return checked;
}

async function newPage(browser: Browser, ip: string): Promise<Page> {
  const context = await browser.newContext({ viewport: VIEWPORTS.desktop, extraHTTPHeaders: { 'x-forwarded-for': ip } });
  return context.newPage();
}

/** Signs `email` in to `slug` from the sign-in page (agreeing to the app's consent if the tenant asks for it). */
async function signIn(page: Page, slug: string, email: string) {
  await new LoginPage(page).continueWith(slug);
  await new OktaSignInPage(page).signIn(email);
  await page.waitForURL(new RegExp(`/t/${slug}(/consent)?$`));
  if (page.url().endsWith('/consent')) await new ConsentPage(page).accept();
  await new TenantHomePage(page).expectSignedIn(slug, { email });
}

/** The 429 page: this address's budget for unknown organizations is spent, then it names one more. */
async function spendUnknownBudget(page: Page) {
  const key = `rl:signin.unknown.ip:${LIMITED_IP}`;
  await db().query(
    `INSERT INTO "RateLimiterFlexible" (key, points, expire) VALUES ($1, 1000, now() + interval '60 seconds')
     ON CONFLICT (key) DO UPDATE SET points = 1000, expire = now() + interval '60 seconds'`,
    [key],
  );
  await page.setExtraHTTPHeaders({ 'x-forwarded-for': LIMITED_IP });
  try {
    return await page.goto('/api/auth/signin?tenant=no-such-organization');
  } finally {
    await page.setExtraHTTPHeaders({ 'x-forwarded-for': '203.0.113.11' });
    await db().query(`DELETE FROM "RateLimiterFlexible" WHERE key = $1`, [key]);
  }
}

test.describe('Accessibility of every page', () => {
  // Dozens of pages, four axe runs each, and real sign-ins through the stand-in.
  // A ceiling, not the expected time: about a minute per role on an idle machine, several on a busy one.
  test.describe.configure({ timeout: 600_000 });

  test.afterAll(async () => {
    // The wizard's tenant holds the stand-in's `initech` app: free it for e2e/admin/onboarding.spec.ts.
    await db().query(`DELETE FROM "Tenant" WHERE slug = $1`, [WIZARD_ORG.slug]);
    // The admin agreed to acme-labs' consent to get in: later specs expect to be asked, as on a fresh database.
    await db().query(
      `DELETE FROM "ConsentGrant" g USING "Tenant" t, "User" u WHERE t.id = g."tenantId" AND u.id = g."userId" AND t.slug = $1 AND u.email = $2`,
      [ADMIN.slug, ADMIN.email],
    );
  });

  test('signed out: public pages and error pages', async ({ browser }) => {
    const page = await newPage(browser, '203.0.113.11');
    expectUniqueTitles(await checkRows(page, SIGNED_OUT));
    await page.context().close();
  });

  test('a member: their pages, consent, and the refusals', async ({ browser }) => {
    const page = await newPage(browser, '203.0.113.12');
    await signIn(page, MEMBER.slug, MEMBER.email);
    expectUniqueTitles(await checkRows(page, AS_MEMBER));
    await page.context().close();
  });

  test('an admin: every page of the admin navigation', async ({ browser }) => {
    const page = await newPage(browser, '203.0.113.13');
    await signIn(page, ADMIN.slug, ADMIN.email);
    await makeAdmin(ADMIN.slug, ADMIN.email);
    await page.goto(`/t/${ADMIN.slug}/admin`);
    const prefix = `/t/${ADMIN.slug}/admin`;
    const links = await page.locator('nav a[href]').evaluateAll((anchors) => anchors.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    const paths = [...new Set(links.filter((p) => p === prefix || (p.startsWith(`${prefix}/`) && !p.slice(prefix.length + 1).includes('/'))))];
    expect(paths.length, `admin pages linked from the navigation: ${paths.join(', ')}`).toBeGreaterThanOrEqual(8);

    const checked: CheckedPage[] = [];
    const seen = new Set<string>();
    for (const path of paths) {
      expect.soft((await page.goto(path))?.status(), `status of ${path}`).toBe(200);
      const landed = new URL(page.url()).pathname;
      if (seen.has(landed)) continue;
      seen.add(landed);
      checked.push(await checkPage(page, `admin ${landed.slice(prefix.length + 1) || 'home'}`));
    }
    expectUniqueTitles(checked);
    await page.context().close();
  });

  test('the onboarding wizard, every step, from an invitation to activation', async ({ browser }) => {
    await setOktaClientSecrets(WIZARD_ORG.oktaApp, [WIZARD_ORG.secret]);
    // The operator CLI; on a busy machine its transaction may time out once.
    let invitation: { link: string };
    try {
      invitation = inviteFromCli();
    } catch {
      invitation = inviteFromCli();
    }
    const { link } = invitation;
    const page = await newPage(browser, '203.0.113.14');
    const wizard = new WizardPage(page);
    const checked: CheckedPage[] = [];
    await page.goto(link);
    checked.push(await checkPage(page, 'invitation'));

    // The walk a customer admin takes; each stop is checked under the key of its step.
    const step = async (key: string, name = key) => checked.push(await checkPage(page, `wizard: ${name}`, `wizard: ${key}`));
    await wizard.start(link);
    await step('organization');
    await page.getByLabel('Organization name').fill(WIZARD_ORG.name);
    await page.getByLabel('Short name').fill('admin');
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await expect(page.locator('[aria-invalid="true"], [data-testid="form-error"]').first()).toBeVisible();
    await step('organization', 'organization, refused name');
    await wizard.organization(WIZARD_ORG.name, WIZARD_ORG.slug);
    await step('okta');
    await page.getByRole('link', { name: 'I have created the app' }).click();
    await step('connection');
    await wizard.connection({ issuer: issuerOf('acme'), clientId: WIZARD_ORG.clientId, method: /^Client secret Okta/, secret: WIZARD_ORG.secret });
    await expect(page.getByTestId('connection-check')).toContainText(issuerOf('acme'));
    await step('connection', 'connection, checked');
    await page.getByRole('link', { name: 'Continue to the test sign-in' }).click();
    await step('test');
    await wizard.testSignIn('bob@acme.test');
    await step('test', 'test, passed');
    await page.getByRole('link', { name: 'Continue', exact: true }).click();
    await expect(page.getByTestId('domains-step')).toBeVisible();
    await step('domains');
    await page.getByRole('link', { name: 'Leave for later' }).click();
    await step('activate');

    // A step the walk above did not stop at (one added later) is opened from the wizard's own links.
    const walked = new Set(checked.map((c) => c.group));
    const links = await page.locator('a[href*="/onboarding?step="]').evaluateAll((anchors) => anchors.map((a) => (a as HTMLAnchorElement).href));
    for (const key of new Set(links.map((href) => new URL(href).searchParams.get('step') ?? ''))) {
      if (walked.has(`wizard: ${key}`)) continue;
      await page.goto(`/onboarding?step=${encodeURIComponent(key)}`);
      await step(key);
    }

    await page.goto('/onboarding?step=activate');
    await wizard.activate(WIZARD_ORG.name);
    checked.push(await checkPage(page, 'go-live checklist'));
    expectUniqueTitles(checked);
    await page.context().close();
  });
});

import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { LoginPage, TenantHomePage } from '../fixtures/app';
import { setOktaClientSecrets } from '../fixtures/admin';
import { auditSince, foreignActorEvents, snapshotTenant } from '../fixtures/db';
import { OktaSignInPage } from '../fixtures/okta';
import { E2E } from '../support/e2e-settings';

/**
 * A member of tenant A (alice@initech) and an admin of tenant B (bob@initech-keys) try every admin page and
 * every admin server action of tenant A (initech). Each attempt gets 403/404 and tenant A is unchanged; the
 * member's attempts are `access.denied` events in A's audit log, the stranger's go to the operator log only
 * (A's audit log never shows another tenant's user). Runs after onboarding.spec.ts, which creates both tenants.
 */
const PAGES = ['connection', 'domains', 'credentials', 'users', 'admins', 'branding', 'health', 'audit'];

async function signIn(browser: Browser, slug: string, email: string): Promise<BrowserContext> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await new LoginPage(page).continueWith(slug);
  await new OktaSignInPage(page).signIn(email);
  await new TenantHomePage(page).expectSignedIn(slug, { email });
  await page.close();
  return context;
}

type CapturedForm = { page: string; button: string; fields: Record<string, string> };

/** Every server-action form of the admin pages, as the real admin's browser renders it. */
async function captureForms(page: Page): Promise<CapturedForm[]> {
  const forms: CapturedForm[] = [];
  for (const path of PAGES) {
    await page.goto(`/t/initech/admin/${path}`);
    const found = await page.$$eval('form', (elements) =>
      elements
        // The shell's own forms (the language switcher in the header) are nobody's admin action.
        .filter((f) => !f.closest('header') && [...new FormData(f).keys()].some((k) => k.startsWith('$ACTION')))
        .map((f) => ({
          button: f.querySelector('button[type=submit]')?.textContent ?? '',
          fields: Object.fromEntries([...new FormData(f)].map(([k, v]) => [k, String(v)])),
        })),
    );
    for (const form of found) {
      if ('clientSecret' in form.fields) form.fields.clientSecret = 'attacker-secret-value';
      if ('domains' in form.fields) form.fields.domains = 'attacker.example';
      forms.push({ page: `/t/initech/admin/${path}`, ...form });
    }
  }
  return forms;
}

/** A refusal of tenant A's member is in A's audit log; one of another tenant's user is not (operator log only). */
async function expectAudited(since: Date, code: 'not_admin' | 'other_tenant', what: string) {
  const codes = (await auditSince(since, 'access.denied')).map((d) => d.code);
  if (code === 'not_admin') expect(codes, what).toContain('not_admin');
  else expect(codes, what).not.toContain('other_tenant');
}

test.describe('Tenant admin authorization', () => {
  // Whole journeys: several sign-ins through the stand-in and an operator CLI call each.
  test.describe.configure({ timeout: 120_000 });
  // After onboarding.spec.ts's rotation, Okta (the stand-in) accepts only the second secret.
  test.beforeAll(async () => setOktaClientSecrets('initech', ['initech-secret-second']));

  test('a member of tenant A and an admin of tenant B fail every admin page and action of tenant A', async ({ browser }) => {
    const admin = await signIn(browser, 'initech', 'bob@acme.test');
    // Give the attack something to act on: a rotation in progress, so every credentials form is present.
    const adminPage = await admin.newPage();
    const forms = await captureForms(adminPage);
    const buttons = forms.map((f) => f.button);
    for (const expected of ['Save settings', 'Save domains', 'Save new secret', 'Deactivate', 'Remove admin role', 'Check now']) {
      expect(buttons).toContain(expected);
    }

    const member = await signIn(browser, 'initech', 'alice@acme.test');
    const otherAdmin = await signIn(browser, 'initech-keys', 'bob@acme.test');
    const before = await snapshotTenant('initech');

    for (const [who, context, status, code] of [['member', member, 403, 'not_admin'], ['other tenant admin', otherAdmin, 404, 'other_tenant']] as const) {
      for (const path of PAGES) {
        const since = new Date();
        const response = await context.request.get(`/t/initech/admin/${path}`, { maxRedirects: 0 });
        expect(response.status(), `${who} GET ${path}`).toBe(status);
        await expectAudited(since, code, `${who} GET ${path} audit`);
      }
      for (const form of forms) {
        const since = new Date();
        const response = await context.request.post(form.page, { multipart: form.fields, headers: { origin: E2E.appUrl }, maxRedirects: 0 });
        // A form post without JavaScript is an "MPA" server action: Next renders every forbidden()/notFound()
        // from one as its 404 page. With JavaScript (a fetch action) the member gets the 403 itself.
        expect([403, 404], `${who} ${form.button} on ${form.page}`).toContain(response.status());
        const html = await response.text();
        expect(html).not.toContain('form-ok');
        await expectAudited(since, code, `${who} ${form.button} audit`);
      }
    }
    expect(await snapshotTenant('initech')).toEqual(before);

    // Tenant A's audit page shows the member's refusals, and nothing of tenant B's admin (same person, other tenant's user).
    const auditPage = await admin.newPage();
    await auditPage.goto('/t/initech/admin/audit?type=access.denied');
    const auditText = await auditPage.getByTestId('audit-log').innerText();
    expect(auditText).toContain('not_admin');
    expect(auditText).not.toContain('other_tenant');
    expect(await foreignActorEvents('initech', 'initech-keys')).toBe(0);

    // The same forms still work for the real admin (the capture is valid), e.g. the connection check.
    const since = new Date();
    const ok = await admin.request.post(forms.find((f) => f.button === 'Check now')!.page, {
      multipart: forms.find((f) => f.button === 'Check now')!.fields,
      headers: { origin: E2E.appUrl },
    });
    expect(ok.status()).toBe(200);
    expect(await auditSince(since, 'tenant.connection_checked')).toHaveLength(1);
    await Promise.all([admin.close(), member.close(), otherAdmin.close()]);
  });

  test('a cross-site form post to an admin action is refused', async ({ browser }) => {
    const admin = await signIn(browser, 'initech', 'bob@acme.test');
    const page = await admin.newPage();
    const forms = await captureForms(page);
    const before = await snapshotTenant('initech');
    const domains = forms.find((f) => f.button === 'Save domains')!;
    const response = await admin.request.post(domains.page, { multipart: domains.fields, headers: { origin: 'https://evil.example' }, maxRedirects: 0 });
    expect(response.status()).toBeGreaterThanOrEqual(400);
    expect(await snapshotTenant('initech')).toEqual(before);
    await admin.close();
  });
});

import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { LoginPage, TenantHomePage } from '../fixtures/app';
import { auditSince } from '../fixtures/db';
import { OktaSignInPage } from '../fixtures/okta';
import { countUserSessions, sendUniversalLogout } from '../fixtures/universal-logout';
import { E2E, issuerOf } from '../support/e2e-settings';

const ENDPOINT = `${E2E.appUrl}/api/auth/universal-logout`;

const contexts: BrowserContext[] = [];

/** A separate browser (its own cookies) signed in to tenant `slug` as `email`. */
async function signedIn(browser: Browser, slug: string, email: string): Promise<Page> {
  const context = await browser.newContext();
  contexts.push(context);
  const page = await context.newPage();
  await new LoginPage(page).continueWith(slug);
  await new OktaSignInPage(page).signIn(email);
  await new TenantHomePage(page).expectSignedIn(slug, { email });
  return page;
}

/**
 * The browser's session cookie no longer opens the tenant's page: the app sends it to sign in again. (Following
 * that redirect would sign it straight back in through the stand-in's own Okta session, so it is not followed.)
 */
async function expectSignedOut(page: Page, slug: string) {
  const response = await page.request.get(`/t/${slug}`, { maxRedirects: 0 });
  expect([303, 307]).toContain(response.status());
  expect(response.headers()['location']).toContain(`/api/auth/signin?tenant=${slug}`);
}

async function expectStillSignedIn(page: Page, slug: string, email: string) {
  const response = await page.request.get(`/t/${slug}`, { maxRedirects: 0 });
  expect(response.status()).toBe(200);
  expect(await response.text()).toContain(email);
}

test.describe('Universal Logout (Global Token Revocation)', () => {
  // Several browsers sign in per test.
  test.describe.configure({ timeout: 240_000 });
  test.afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()));
  });

  test('iss_sub: Okta ends every session of the user at once; the same request replayed is refused', async ({ browser }) => {
    const first = await signedIn(browser, 'acme', 'alice@acme.test');
    const second = await signedIn(browser, 'acme', 'alice@acme.test');
    const bystander = await signedIn(browser, 'acme', 'bob@acme.test');
    expect(await countUserSessions('acme', 'alice@acme.test')).toBeGreaterThanOrEqual(2);

    const since = new Date();
    const answer = await sendUniversalLogout('acme', { app: 'acme', user: 'alice@acme.test', format: 'iss_sub' });
    expect(answer.status).toBe(204);
    expect(await countUserSessions('acme', 'alice@acme.test')).toBe(0);
    await expectSignedOut(first, 'acme');
    await expectSignedOut(second, 'acme');
    await expectStillSignedIn(bystander, 'acme', 'bob@acme.test');
    const events = await auditSince(since, 'logout.universal');
    expect(events).toHaveLength(1);
    expect(events[0]!.details).toMatchObject({ format: 'iss_sub' });

    // Alice signs in again; the captured request sent once more must not end her new session.
    const again = await signedIn(browser, 'acme', 'alice@acme.test');
    const replay = await sendUniversalLogout('acme', { app: 'acme', token: answer.token, user: 'alice@acme.test', format: 'iss_sub' });
    expect(replay.status).toBe(401);
    expect(JSON.parse(replay.response)).toMatchObject({ error: 'replayed_token' });
    await expectStillSignedIn(again, 'acme', 'alice@acme.test');
    expect((await auditSince(since, 'logout.universal_refused'))[0]?.code).toBe('replayed_token');
  });

  test('email: matches the email the tenant stored, in that tenant only', async ({ browser }) => {
    const bob = await signedIn(browser, 'acme', 'bob@acme.test');
    const carol = await signedIn(browser, 'globex', 'carol@globex.test');
    const patAcme = await signedIn(browser, 'acme', 'pat@shared.test');

    const answer = await sendUniversalLogout('acme', { app: 'acme', user: 'bob@acme.test', format: 'email', member: 'subject' });
    expect(answer.status).toBe(204);
    await expectSignedOut(bob, 'acme');
    await expectStillSignedIn(carol, 'globex', 'carol@globex.test');

    // Globex asks to log out pat@shared.test: the same email (and sub) is a different user of another tenant.
    // (404 unless an earlier test signed pat in at globex; either way nothing at acme ends.)
    const foreign = await sendUniversalLogout('globex', { user: 'pat@shared.test', format: 'email' });
    expect([204, 404]).toContain(foreign.status);
    await expectStillSignedIn(patAcme, 'acme', 'pat@shared.test');
  });

  test('a token from another org is refused and ends nothing', async ({ browser }) => {
    const alice = await signedIn(browser, 'acme', 'alice@acme.test');
    const since = new Date();

    // Globex signs a token that claims to come from Acme: its key is not in Acme's JWKS.
    const forged = await sendUniversalLogout('globex', {
      endpoint: ENDPOINT,
      claims: { iss: issuerOf('acme'), sub: 'acme-app' },
      subject: { format: 'iss_sub', iss: issuerOf('acme'), sub: '00u1alice00000000001' },
    });
    expect(forged.status).toBe(401);

    // Globex, honestly signed, asks about a user of Acme's org: foreign.
    const aliceSub = (await alice.getByTestId('user-sub').textContent())!;
    const crossOrg = await sendUniversalLogout('globex', { subject: { format: 'iss_sub', iss: issuerOf('acme'), sub: aliceSub } });
    expect(crossOrg.status).toBe(403);

    // Acme's own key, but a key outside its JWKS; and a token for an app instance that is not ours.
    expect((await sendUniversalLogout('acme', { app: 'acme', signWith: 'other', user: 'alice@acme.test' })).status).toBe(401);
    expect((await sendUniversalLogout('acme', { app: 'acme', claims: { sub: 'someone-elses-app' }, user: 'alice@acme.test' })).status).toBe(403);
    // Wrong audience, and a token that lives a day.
    expect((await sendUniversalLogout('acme', { app: 'acme', claims: { aud: `${E2E.appUrl}/elsewhere` }, user: 'alice@acme.test' })).status).toBe(401);
    const now = Math.floor(Date.now() / 1000);
    expect((await sendUniversalLogout('acme', { app: 'acme', claims: { exp: now + 86_400 }, user: 'alice@acme.test' })).status).toBe(401);

    await expectStillSignedIn(alice, 'acme', 'alice@acme.test');
    const refused = await auditSince(since, 'logout.universal_refused');
    expect(refused.map((e) => e.code)).toEqual(expect.arrayContaining(['invalid_token', 'foreign_token']));
    expect(await auditSince(since, 'logout.universal')).toHaveLength(0);
  });

  test('unknown user: 404; malformed request: 400; no token: 401', async ({ request }) => {
    expect((await sendUniversalLogout('acme', { app: 'acme', subject: { format: 'email', email: 'nobody@acme.test' } })).status).toBe(404);
    expect((await sendUniversalLogout('acme', { app: 'acme', subject: { format: 'iss_sub', iss: issuerOf('acme'), sub: '00unknown' } })).status).toBe(404);
    expect((await sendUniversalLogout('acme', { app: 'acme', subject: { format: 'phone_number', phone_number: '+15550100' } })).status).toBe(400);

    const noToken = await request.post(ENDPOINT, { data: { sub_id: { format: 'email', email: 'alice@acme.test' } } });
    expect(noToken.status()).toBe(401);
    expect(noToken.headers()['www-authenticate']).toContain('Bearer');
    const notAToken = await request.post(ENDPOINT, { headers: { authorization: 'Bearer nope' }, data: {} });
    expect(notAToken.status()).toBe(401);
    expect((await request.get(ENDPOINT)).status()).toBe(405);
  });
});

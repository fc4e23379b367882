import { readFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { expect, test, type Browser } from '@playwright/test';
import { LoginPage, TenantHomePage, expectErrorPage } from '../fixtures/app';
import { WizardPage, inviteFromCli, setOktaClientSecrets } from '../fixtures/admin';
import { auditSince, expireInvitationInDb, revokeInvitationInDb } from '../fixtures/db';
import { OktaSignInPage } from '../fixtures/okta';
import { E2E, issuerOf } from '../support/e2e-settings';

const ACME = issuerOf('acme');
const SECRETS = ['initech-secret-first', 'initech-secret-second'];

/** A loopback port with nothing listening on it. */
async function closedLoopbackPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A fresh browser signs `email` in to `slug` from the app's sign-in page. */
async function signInFresh(browser: Browser, slug: string, email: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await new LoginPage(page).continueWith(slug);
  await new OktaSignInPage(page).signIn(email);
  await new TenantHomePage(page).expectSignedIn(slug, { email, issuer: ACME });
  return { context, page };
}

test.describe.serial('Customer admin onboarding and administration', () => {
  // Whole journeys: several sign-ins through the stand-in and an operator CLI call each.
  test.describe.configure({ timeout: 120_000 });
  test('invitation → wizard → test sign-in → activate → an end user signs in', async ({ page, browser }) => {
    const { link } = inviteFromCli();
    const wizard = new WizardPage(page);
    await wizard.start(link);

    // Step 1: reserved and taken names are refused on the server.
    await page.getByLabel('Organization name').fill('Initech');
    await page.getByLabel('Short name').fill('admin');
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await expect(page.getByTestId('form-error')).toContainText('reserved');
    await page.getByLabel('Short name').fill('acme');
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await expect(page.getByTestId('form-error')).toContainText('already taken');
    await wizard.organization('Initech', 'initech');

    // Step 2: values built from APP_URL.
    await expect(page.getByTestId('value-redirect-uri')).toHaveText(`${E2E.appUrl}/api/auth/callback/okta`);
    await expect(page.getByTestId('value-signout-uri')).toHaveText(`${E2E.appUrl}/signed-out`);
    await expect(page.getByTestId('value-initiate-uri')).toHaveText(`${E2E.appUrl}/api/auth/initiate?tenant=initech`);
    await page.getByRole('link', { name: 'I have created the app' }).click();

    // Step 3 + 4: an issuer that cannot be reached (a closed loopback port: the check never leaves the
    // machine) gets a clear message; the real org passes the check. Address refusals: check-connection tests.
    const unreachable = `http://127.0.0.1:${await closedLoopbackPort()}`;
    await wizard.connection({ issuer: unreachable, clientId: 'initech-app', method: /^Client secret Okta/, secret: SECRETS[0] });
    await expect(page.getByTestId('form-error')).toContainText('could not be reached');
    await wizard.connection({ issuer: ACME, clientId: 'initech-app', method: /^Client secret Okta/, secret: SECRETS[0] });
    await expect(page.getByTestId('connection-check').getByRole('status')).toContainText(ACME);

    // Until activation the tenant is a draft: its users cannot sign in.
    const outsider = await browser.newContext();
    const refused = await (await outsider.newPage()).goto('/api/auth/signin?tenant=initech');
    expect(refused?.status()).toBe(403);
    await outsider.close();

    // Step 5: the admin's own sign-in through their Okta; its claims are shown.
    await page.getByRole('link', { name: 'Continue to the test sign-in' }).click();
    await wizard.testSignIn('bob@acme.test');
    await expect(page.getByTestId('claim-issuer')).toHaveText(ACME);
    await expect(page.getByTestId('claim-sub')).toHaveText('00u1acmebob000000002');
    await expect(page.getByTestId('claim-name')).toHaveText('Bob Brown');

    // Step 6: activate → the admin lands in the admin area.
    await wizard.activate('Initech');
    await expect(page).toHaveURL(/\/t\/initech\/admin\/connection$/);
    await expect(page.getByRole('heading', { name: 'Connection settings' })).toBeVisible();

    // An end user of that org signs in.
    const alice = await signInFresh(browser, 'initech', 'alice@acme.test');
    await alice.context.close();

    // The link is used up: a second use gets a clear page.
    const again = await browser.newContext();
    const second = await again.newPage();
    await expectErrorPage(second, await second.goto(link), 410, 'invitation_completed');
    await again.close();
  });

  test('the admin rotates the client secret and sign-in keeps working across the switch', async ({ browser }) => {
    const admin = await signInFresh(browser, 'initech', 'bob@acme.test');
    const page = admin.page;
    // In Okta: a second secret is generated; both are active.
    await setOktaClientSecrets('initech', SECRETS);
    await page.goto('/t/initech/admin/credentials');
    await page.getByLabel('New client secret').fill(SECRETS[1]!);
    await page.getByRole('button', { name: 'Save new secret' }).click();
    await expect(page.getByTestId('form-ok').first()).toContainText('either secret');
    await expect(page.getByTestId('secret-state')).toContainText('two secrets');
    await (await signInFresh(browser, 'initech', 'alice@acme.test')).context.close();

    // In Okta: the old secret is deactivated. The app falls back to the new one.
    await setOktaClientSecrets('initech', [SECRETS[1]!]);
    await (await signInFresh(browser, 'initech', 'alice@acme.test')).context.close();

    await page.getByRole('button', { name: 'Finish rotation' }).click();
    await expect(page.getByTestId('secret-state')).toContainText('One secret is saved');
    await (await signInFresh(browser, 'initech', 'alice@acme.test')).context.close();

    // The secrets never reach a page.
    for (const path of ['credentials', 'connection', 'audit', 'health']) {
      const html = await (await page.goto(`/t/initech/admin/${path}`))!.text();
      for (const secret of SECRETS) expect(html).not.toContain(secret);
    }
    await admin.context.close();
  });

  test('a private_key_jwt tenant onboards and signs in', async ({ page, browser, request }) => {
    const { link } = inviteFromCli();
    const wizard = new WizardPage(page);
    await wizard.start(link);
    await wizard.organization('Initech Keys', 'initech-keys');
    await page.getByRole('link', { name: 'I have created the app' }).click();
    await wizard.connection({ issuer: ACME, clientId: 'initech-keys-app', method: /^Public key \/ Private key/ });
    await expect(page.getByTestId('value-jwks-uri')).toHaveText(`${E2E.appUrl}/api/tenants/initech-keys/jwks`);
    const jwk = JSON.parse((await page.getByTestId('value-public-jwk').textContent()) ?? '{}');
    expect(jwk).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' });
    expect(jwk.d).toBeUndefined();

    const jwks = await (await request.get('/api/tenants/initech-keys/jwks')).json();
    expect(jwks.keys.map((k: { kid: string }) => k.kid)).toEqual([jwk.kid]);
    expect(JSON.stringify(jwks)).not.toMatch(/"(d|p|q|dp|dq|qi)"/);

    await page.getByRole('link', { name: 'Continue' }).click();
    await page.getByRole('link', { name: 'Continue to the test sign-in' }).click();
    await wizard.testSignIn('bob@acme.test');
    await wizard.activate('Initech Keys');
    await expect(page).toHaveURL(/\/t\/initech-keys\/admin\/connection$/);
    await (await signInFresh(browser, 'initech-keys', 'alice@acme.test')).context.close();
  });

  test('used, revoked and expired invitation links get a clear page', async ({ page, browser }) => {
    const used = inviteFromCli();
    await new WizardPage(page).start(used.link);
    const other = await browser.newContext();
    const otherPage = await other.newPage();
    await expectErrorPage(otherPage, await otherPage.goto(used.link), 409, 'invitation_used');
    await expect(otherPage.getByRole('heading')).toHaveText('This invitation link has already been used');
    // The browser that claimed it resumes its wizard from the same link.
    await page.goto(used.link);
    await expect(page).toHaveURL(/\/onboarding$/);

    const revoked = inviteFromCli();
    await revokeInvitationInDb(revoked.id);
    await expectErrorPage(otherPage, await otherPage.goto(revoked.link), 410, 'invitation_revoked');
    const expired = inviteFromCli();
    await expireInvitationInDb(expired.id);
    await expectErrorPage(otherPage, await otherPage.goto(expired.link), 410, 'invitation_expired');
    await expectErrorPage(otherPage, await otherPage.goto(`${E2E.appUrl}/invite/not-a-token`), 404, 'invitation_unknown');
    await other.close();
  });

  test('no secret or private key appears in any log line of the app', async () => {
    const log = readFileSync(E2E.appLogFile, 'utf8');
    for (const secret of [...SECRETS, 'acme-secret-please-change', 'PRIVATE KEY']) expect(log).not.toContain(secret);
    const audit = JSON.stringify(await auditSince(new Date(Date.now() - 3600_000)));
    for (const secret of SECRETS) expect(audit).not.toContain(secret);
  });
});

import { expect, test } from '@playwright/test';
import { LoginPage, TenantHomePage } from '../fixtures/app';
import { auditSince } from '../fixtures/db';
import { OktaSignInPage, resetStandIn, setTokenBehaviour, standInStats } from '../fixtures/okta';

// Long enough that step 2 still falls inside the pause on a busy machine.
const PAUSE_SECONDS = 20;

test.describe("Okta's rate limit on the token endpoint", () => {
  test.beforeEach(() => resetStandIn('globex'));
  test.afterEach(() => resetStandIn('globex'));

  test('busy page with the wait, no token call during the pause, sign-in works after the reset', async ({ page }) => {
    // Two sign-ins and a wait of PAUSE_SECONDS + 1: more than the default 30 s on a busy machine.
    test.setTimeout(120_000);
    await setTokenBehaviour('globex', { tokenStatus: 429, rateLimitResetSeconds: PAUSE_SECONDS, tokenStatusCount: 1 });
    const since = new Date();

    // 1. Okta answers 429 on the token request: the person is told to wait, with how long.
    await new LoginPage(page).continueWith('globex');
    const callback = page.waitForResponse((r) => r.url().includes('/api/auth/callback/okta'));
    await new OktaSignInPage(page).signIn('carol@globex.test');
    const refused = await callback;
    expect(refused.status()).toBe(503);
    expect(Number(refused.headers()['retry-after'])).toBeGreaterThan(0);
    await expect(page.getByRole('heading', { name: "Your organization's Okta is busy" })).toBeVisible();
    await expect(page.getByText(/try again in \d+ s/)).toBeVisible();
    await expect(page.getByTestId('error-code')).toHaveText('idp_rate_limited');
    expect((await standInStats('globex')).token).toBe(1);

    // 2. During the pause the app sends nothing to that org: refused at the start, before Okta is asked.
    const authorizeBefore = (await standInStats('globex')).authorize;
    // /login shows the refusal in its form, with what was typed kept.
    await new LoginPage(page).continueWith('globex');
    await expect(page.getByTestId('form-error')).toHaveText(/try again in \d+ s/);
    await expect(page.getByLabel('Work email or organization')).toHaveValue('globex');
    const during = await standInStats('globex');
    expect(during.token).toBe(1);
    expect(during.authorize).toBe(authorizeBefore);
    const failures = await auditSince(since, 'signin.failed');
    expect(failures.every((f) => f.code === 'idp_rate_limited')).toBe(true);

    // 3. After Okta's reset, sign-in works again (Okta already knows carol: no password this time).
    await page.waitForTimeout((PAUSE_SECONDS + 1) * 1000);
    await new LoginPage(page).continueWith('globex');
    await new TenantHomePage(page).expectSignedIn('globex', { email: 'carol@globex.test' });
    expect((await standInStats('globex')).token).toBe(2);
  });
});

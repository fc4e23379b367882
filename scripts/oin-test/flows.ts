/**
 * The three flows Okta's OIN Submission Tester runs, in a real browser: SP-initiated sign-in, IdP-initiated
 * sign-in from the tile (OIDC Compliant redirect and Okta Simplified), and JIT provisioning of a user the app
 * has never seen. Each runs in a fresh browser context and ends on the tenant's landing page, signed in as the
 * expected person and through the expected flow — or fails with what the browser saw instead.
 */
import type { Page } from '@playwright/test';
import type { Credentials } from './settings';

export type FlowResult = { name: string; status: 'PASS' | 'FAIL' | 'SKIP'; reason: string };

/** One flow: `run` drives a page to the tenant's landing page and says what it saw; `skip` says why not. */
export type Flow = { id: string; name: string; run?: (page: Page) => Promise<string>; skip?: string };

export class FlowFailure extends Error {}

/** Where a flow must end: the tenant's landing page, signed in as `user`, through `flow` (a landing-page label). */
export type Landing = {
  appUrl: string;
  slug: string;
  user: Credentials;
  email?: string;
  flow: RegExp;
  idpOrigins: string[];
  /** The JIT flow: `user` has never signed in to this run's fresh database, so landing means the app created them. */
  newUser?: boolean;
};

const USERNAME = 'input[name="username"], input[name="identifier"], #okta-signin-username';
const PASSWORD = 'input[name="password"], input[name="credentials.passcode"], #okta-signin-password';
const SUBMIT = 'button[type="submit"], input[type="submit"]';

/**
 * Signs in at the IdP's page: the stand-in's form, or Okta's sign-in widget (username then password, or both
 * at once). Okta's widget is not tested here (no real org on this machine): see the README.
 */
export async function signInAtIdp(page: Page, user: Credentials) {
  await page.locator(USERNAME).first().fill(user.username);
  const password = page.locator(PASSWORD).first();
  if (!(await password.isVisible())) {
    await page.locator(SUBMIT).first().click();
    await password.waitFor({ timeout: 15_000 });
  }
  await password.fill(user.password);
  await page.locator(SUBMIT).first().click();
}

/**
 * Follows the browser until it lands on the tenant's page (signing in at the IdP once if asked); throws a
 * `FlowFailure` naming the app's error code, a second sign-in prompt, or the last URL after `timeoutMs`.
 */
export async function expectLanding(page: Page, landing: Landing, timeoutMs = 30_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let signedInAtIdp = false;
  while (Date.now() < deadline) {
    const url = new URL(page.url());
    const email = page.getByTestId('user-email');
    if (url.origin === new URL(landing.appUrl).origin && url.pathname === `/t/${landing.slug}` && (await email.isVisible())) {
      const who = (await email.textContent())?.trim() ?? '';
      const how = (await page.getByTestId('sign-in-flow').textContent())?.trim() ?? '';
      if (landing.email && who !== landing.email) throw new FlowFailure(`signed in as ${who}, expected ${landing.email}`);
      if (!who) throw new FlowFailure('signed in without an email shown');
      if (!landing.flow.test(how)) throw new FlowFailure(`signed in ${how}, expected ${landing.flow.source}`);
      return `${who}${landing.newUser ? ', unknown to the app before, was created and' : ''} signed in to /t/${landing.slug} ${how}`;
    }
    const code = page.getByTestId('error-code');
    if (await code.isVisible()) {
      const title = (await page.locator('h1').first().textContent())?.trim();
      throw new FlowFailure(`the app refused with ${await code.textContent()}: ${title} (${new URL(page.url()).pathname})`);
    }
    if (landing.idpOrigins.includes(url.origin) && (await page.locator(PASSWORD).first().isVisible().catch(() => false))) {
      if (signedInAtIdp) throw new FlowFailure(`the IdP asked for the password again (${url.origin}${url.pathname}): wrong credentials?`);
      await signInAtIdp(page, landing.user);
      signedInAtIdp = true;
      continue;
    }
    await page.waitForTimeout(250);
  }
  throw new FlowFailure(`did not reach /t/${landing.slug} within ${timeoutMs / 1000} s (last page: ${page.url()})`);
}

/** SP-initiated: the app's /login, the organization's slug, the IdP's sign-in, back on the tenant's page. */
export function spInitiated(id: string, name: string, landing: Landing): Flow {
  return {
    id,
    name,
    run: async (page) => {
      await page.goto(`${landing.appUrl}/login`);
      await page.getByLabel('Work email or organization').fill(landing.slug);
      await page.getByRole('button', { name: 'Continue' }).click();
      return expectLanding(page, landing);
    },
  };
}

/** IdP-initiated: `launch` does what the Okta tile does (dashboard click, embed link, or the initiate request). */
export function idpInitiated(id: string, name: string, landing: Landing, launch: (page: Page) => Promise<void>): Flow {
  return {
    id,
    name,
    run: async (page) => {
      await launch(page);
      return expectLanding(page, landing);
    },
  };
}

/** Opens the stand-in's End-User Dashboard, signs in, and clicks the tile labelled `tile`. */
export function clickStandInTile(dashboardUrl: string, user: Credentials, tile: string) {
  return async (page: Page) => {
    await page.goto(dashboardUrl);
    await signInAtIdp(page, user);
    await page.getByRole('link', { name: tile, exact: true }).click();
  };
}

/**
 * `npm run screenshots`: the README's pictures of the main pages, light and dark, at 1280×800, written to
 * docs/screenshots/<page>-<light|dark>.png. Builds the app (or reuses the build with `--reuse-build`), starts
 * it in production mode on a fresh PostgreSQL database of the local test server (TEST_DATABASE_URL, loopback
 * only) with the Okta stand-in and the demo tenants, walks the pages in Debian's Chromium as a member, an
 * admin and a customer admin in the onboarding wizard, and drops the database. Loopback only.
 *
 *   npm run screenshots -- [--reuse-build] [--port 3500] [--out docs/screenshots]
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Browser, type Page } from '@playwright/test';
import { seedDemoAdmins, seedDemoTenants } from '@/dev/demo-tenants';
import { DEMO_PASSWORD, demoStandInConfig } from '@/dev/okta-stand-in/demo';
import { startOktaStandIn } from '@/dev/okta-stand-in/index';
import { buildStylesheet } from '@/lib/branding/build-stylesheet';
import { createTestDatabase, dropTestDatabase } from '@/test/postgres';
import { productionServer } from './production-server';

const { values } = parseArgs({
  options: {
    'reuse-build': { type: 'boolean', default: false },
    port: { type: 'string', default: '3500' },
    out: { type: 'string', default: path.join('docs', 'screenshots') },
  },
});
const port = Number(values.port);
if (!Number.isInteger(port) || port < 1024 || port > 65_000) throw new Error('--port must be between 1024 and 65000');
const appUrl = `http://127.0.0.1:${port}`;
const outDir = values.out!;
const VIEWPORT = { width: 1280, height: 800 };

/** What the script writes, in README order: each name gets `-light.png` and `-dark.png`. */
const SCREENSHOTS = [
  'sign-in', 'tenant-home', 'consent', 'onboarding', 'go-live', 'admin-users', 'admin-audit', 'error-unknown-organization',
] as const;
type Shot = (typeof SCREENSHOTS)[number];

async function main() {
  if (!values['reuse-build']) {
    console.log('Building (npm run build)… pass --reuse-build to use the existing build.');
    await buildStylesheet();
    execFileSync(process.execPath, [path.join('node_modules', 'next', 'dist', 'bin', 'next'), 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
  }
  mkdirSync(outDir, { recursive: true });
  const stack = await startStack();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void stack.stop().finally(() => process.exit(130)));
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    // As the e2e browser: no name resolves but localhost, so nothing leaves the machine.
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1'],
  });
  const written: string[] = [];
  const missing: string[] = [];
  try {
    const shoot = async (page: Page, name: Shot) => {
      // The page fully rendered (streamed content included), and no pointer hovering over it.
      await page.waitForLoadState('networkidle');
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await page.mouse.move(0, 0);
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme });
        const file = path.join(outDir, `${name}-${colorScheme}.png`);
        await page.screenshot({ path: file, animations: 'disabled', caret: 'hide' });
        written.push(file);
      }
      await page.emulateMedia({ colorScheme: 'light' });
    };
    const step = async (what: string, run: () => Promise<void>) => {
      try {
        await run();
      } catch (error) {
        missing.push(`${what}: ${(error as Error).message.split('\n')[0]}`);
      }
    };

    const visitor = await newPage(browser);
    await step('sign-in', async () => {
      await visitor.goto('/login');
      await shoot(visitor, 'sign-in');
    });
    await step('error page', async () => {
      await visitor.goto('/api/auth/signin?tenant=no-such-organization');
      await shoot(visitor, 'error-unknown-organization');
    });

    // alice administers acme (the demo admins of `npm run dev`).
    const admin = await newPage(browser);
    await step('tenant home and admin pages', async () => {
      await signIn(admin, 'acme', 'alice@acme.test');
      await shoot(admin, 'tenant-home');
      await admin.goto('/t/acme/admin/users');
      await shoot(admin, 'admin-users');
      await admin.goto('/t/acme/admin/audit');
      await shoot(admin, 'admin-audit');
    });

    // Acme Labs asks for the app's own consent on first sign-in.
    const member = await newPage(browser);
    await step('consent', async () => {
      await startSignIn(member, 'acme-labs', 'bob@acme.test');
      await member.waitForURL(/\/t\/acme-labs\/consent$/);
      await shoot(member, 'consent');
    });

    const wizard = await newPage(browser);
    await step('onboarding', async () => {
      const { createInvitation } = await import('@/lib/invitations/create-invitation');
      const { link } = await createInvitation({ email: 'admin@initech.test' }, { actor: 'screenshots', requestId: 'screenshots' });
      await wizard.goto(link);
      await wizard.getByRole('button', { name: 'Start the setup' }).click();
      await wizard.getByLabel('Organization name').fill('Initech');
      await wizard.getByLabel('Short name').fill('initech');
      await wizard.getByRole('button', { name: 'Save and continue' }).click();
      await wizard.getByTestId('okta-instructions').waitFor();
      await shoot(wizard, 'onboarding');
    });
    // Through the remaining steps to the page after activation (the go-live page, where the app has one).
    await step('go-live', async () => {
      await wizard.getByRole('link', { name: 'I have created the app' }).click();
      await wizard.getByLabel('Okta domain or issuer').fill(stack.issuers.acme);
      await wizard.getByLabel('Client ID').fill('initech-app');
      await wizard.getByRole('radio', { name: /^Client secret Okta/ }).check();
      await wizard.locator('input[name=clientSecret]').fill('initech-secret-first');
      await wizard.getByRole('button', { name: 'Check and save' }).click();
      await wizard.getByRole('link', { name: 'Continue to the test sign-in' }).click();
      await wizard.getByRole('button', { name: 'Sign in with Okta to test' }).click();
      await oktaSignIn(wizard, 'bob@acme.test');
      await wizard.getByTestId('claim-email').waitFor();
      await wizard.getByRole('link', { name: 'Continue', exact: true }).click();
      await wizard.getByTestId('domains-step').waitFor();
      await wizard.getByRole('link', { name: 'Leave for later' }).click();
      await wizard.getByRole('button', { name: 'Activate Initech' }).click();
      await wizard.getByTestId('go-live').waitFor();
      await shoot(wizard, 'go-live');
    });
  } finally {
    await browser.close();
    await stack.stop();
  }
  console.log(`Wrote ${written.length} screenshots to ${outDir}/:\n  ${written.map((f) => path.basename(f)).join('\n  ')}`);
  const absent = SCREENSHOTS.filter((name) => !written.includes(path.join(outDir, `${name}-light.png`)));
  if (absent.length) {
    console.error(`Not taken: ${absent.join(', ')} (the page or the way to it has changed; update scripts/screenshots.ts):\n  ${missing.join('\n  ')}`);
    process.exitCode = 1;
  }
}

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL: appUrl, viewport: VIEWPORT, locale: 'en-US', timezoneId: 'UTC' });
  context.setDefaultTimeout(20_000);
  return context.newPage();
}

async function startSignIn(page: Page, org: string, email: string) {
  await page.goto('/login');
  await page.getByLabel('Work email or organization').fill(org);
  await page.getByRole('button', { name: 'Continue' }).click();
  await oktaSignIn(page, email);
}

async function signIn(page: Page, slug: string, email: string) {
  await startSignIn(page, slug, email);
  await page.waitForURL(new RegExp(`/t/${slug}$`));
}

/** The stand-in's sign-in form. */
async function oktaSignIn(page: Page, email: string) {
  await page.getByLabel('Username').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** A fresh database, the stand-in with the demo orgs, the demo tenants and admins, and `next start` on loopback. */
async function startStack() {
  const databaseUrl = await createTestDatabase('oin_screenshots');
  const env = {
    NODE_ENV: 'production' as const,
    APP_URL: appUrl,
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: 'screenshots-auth-secret-0123456789abcdefghijklmnopqrstuvwxyz',
    DATA_ENCRYPTION_KEY: `screenshots:${Buffer.alloc(32, 5).toString('base64')}`,
    ALLOW_INSECURE_LOCAL_ISSUERS: 'true',
    DATA_DIR: mkdtempSync(path.join(tmpdir(), 'oin-screenshots-')),
    LOG_LEVEL: 'warn',
    NEXT_TELEMETRY_DISABLED: '1',
  };
  Object.assign(process.env, env);
  let child: ChildProcess | undefined;
  let standIn: Awaited<ReturnType<typeof startOktaStandIn>> | undefined;
  const stop = async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child!.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    await standIn?.close();
    const { closeDb } = await import('@/lib/db/client');
    await closeDb();
    await dropTestDatabase(databaseUrl).catch(() => {});
  };
  try {
    const { applyMigrations } = await import('@/lib/db/migrate');
    await applyMigrations({ url: databaseUrl });
    standIn = await startOktaStandIn(demoStandInConfig(appUrl, { acme: port + 1, globex: port + 2 }));
    const issuers = { acme: standIn.orgs[0]!.issuer, globex: standIn.orgs[1]!.issuer };
    await seedDemoTenants(issuers);
    await seedDemoAdmins();
    // As `npm start` starts it, but without npm in between, so that SIGTERM reaches the server.
    const app = productionServer(port);
    child = spawn(app.command, app.args, {
      env: { ...process.env, ...app.env, ...env, PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.on('data', (d: Buffer) => (output += d));
    child.stderr!.on('data', (d: Buffer) => (output += d));
    const started = Date.now();
    for (;;) {
      if (child.exitCode !== null) throw new Error(`next start exited (${child.exitCode}):\n${output}`);
      if (Date.now() - started > 90_000) throw new Error(`next start did not get ready in 90 s:\n${output}`);
      if ((await fetch(`${appUrl}/api/ready`).then((r) => r.status, () => 0)) === 200) break;
      await new Promise((r) => setTimeout(r, 300));
    }
    return { issuers, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

main().catch((error: unknown) => {
  console.error('screenshots failed:', error);
  process.exit(1);
});

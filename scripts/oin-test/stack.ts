/**
 * What `npm run oin:test` signs in to: the production build (`next start`) on a free loopback port, with a
 * throwaway database (a fresh database on `TEST_DATABASE_URL`'s server when set, else an embedded PGlite in
 * a temporary folder) and either the bundled Okta stand-in with the demo tenants, or one tenant for a real
 * Okta org. The same building blocks as the end-to-end stack (e2e/support/serve-e2e.ts). `stop()` removes it all.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { StandIn } from '@/dev/okta-stand-in/types';
import type { OktaOrgSettings } from './settings';
import { productionServer, stopServer } from '../production-server';

export type Stack = {
  appUrl: string;
  /** Issuers of the stand-in's demo orgs (stand-in mode). */
  standInIssuers?: { acme: string; globex: string };
  logFile: string;
  stop(): Promise<void>;
};

export type StackOptions =
  | { kind: 'stand-in'; tileOff?: boolean }
  | { kind: 'okta'; org: OktaOrgSettings; slug: string; port: number };

export async function startStack(options: StackOptions): Promise<Stack> {
  const port = options.kind === 'okta' ? options.port : await freePort();
  const appUrl = `http://localhost:${port}`;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'oin-test-'));
  // Outside dataDir: kept after stop() for a failed run's reader.
  const logFile = path.join(tmpdir(), `oin-test-app-${process.pid}.log`);
  const { createTestDatabase, dropTestDatabase } = await import('@/test/postgres');
  const databaseUrl = process.env.TEST_DATABASE_URL ? await createTestDatabase('oin_test') : undefined;
  const appEnv: Record<string, string> = {
    NODE_ENV: 'production',
    APP_URL: appUrl,
    PORT: String(port),
    DATA_DIR: dataDir,
    AUTH_SECRET: randomBytes(32).toString('base64url'),
    DATA_ENCRYPTION_KEY: `oin-test:${randomBytes(32).toString('base64')}`,
    ALLOW_INSECURE_LOCAL_ISSUERS: options.kind === 'stand-in' ? 'true' : 'false',
    LOG_LEVEL: 'warn',
    NEXT_TELEMETRY_DISABLED: '1',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  };
  if (!databaseUrl) delete process.env.DATABASE_URL;
  Object.assign(process.env, appEnv);

  let standIn: StandIn | undefined;
  let next: ChildProcess | undefined;
  const stop = async () => {
    // The server first, and wait for it: a server left running would outlive its dropped database.
    await stopServer(next);
    await standIn?.close();
    if (databaseUrl) await dropTestDatabase(databaseUrl).catch(() => {});
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    // Imported only now: they read the environment set above.
    const { closeDb, getPglite } = await import('@/lib/db/client');
    const { applyMigrations } = await import('@/lib/db/migrate');
    const pglite = getPglite();
    await applyMigrations(pglite ? { pglite } : { url: databaseUrl! });
    let standInIssuers: Stack['standInIssuers'];
    if (options.kind === 'stand-in') {
      ({ standIn, standInIssuers } = await seedStandIn(appUrl, options.tileOff ?? false));
    } else {
      await seedOktaTenant(options.org, options.slug);
    }
    await closeDb();

    const log = createWriteStream(logFile);
    // As `npm start` starts it (scripts/production-server.ts), on every interface: the app's URL is localhost's.
    const app = productionServer(port, null);
    next = spawn(app.command, app.args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...app.env, ...appEnv } });
    next.stdout!.pipe(log);
    next.stderr!.pipe(log);
    await waitUntilUp(`${appUrl}/login`, next);
    return { appUrl, standInIssuers, logFile, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function seedStandIn(appUrl: string, tileOff: boolean) {
  const { startOktaStandIn } = await import('@/dev/okta-stand-in/index');
  const { demoStandInConfig } = await import('@/dev/okta-stand-in/demo');
  const { seedDemoTenants } = await import('@/dev/demo-tenants');
  const standIn = await startOktaStandIn({ ...demoStandInConfig(appUrl, { acme: 0, globex: 0 }), controlApi: false });
  const issuer = (key: string) => standIn.orgs.find((o) => o.key === key)!.issuer;
  const standInIssuers = { acme: issuer('acme'), globex: issuer('globex') };
  await seedDemoTenants(standInIssuers);
  if (tileOff) {
    // The self-check: Okta-initiated sign-in switched off, so the IdP-initiated flows must fail.
    const { updateTenant } = await import('@/lib/tenants/update-tenant');
    for (const slug of ['acme', 'acme-direct']) await updateTenant(slug, { loginInitiatedBy: 'app_only' }, { actor: 'oin-test', requestId: 'oin-test' });
  }
  return { standIn, standInIssuers };
}

async function seedOktaTenant(org: OktaOrgSettings, slug: string) {
  const { verifyIssuer } = await import('@/lib/tenants/verify-issuer');
  const { createTenant } = await import('@/lib/tenants/create-tenant');
  const { issuer } = await verifyIssuer(org.issuer);
  await createTenant(
    {
      slug, displayName: 'OIN test', status: 'active', issuer, clientId: org.clientId, clientSecret: org.clientSecret,
      clientAuthMethod: 'client_secret_basic', scopes: ['openid', 'profile', 'email'], emailDomains: [],
      loginInitiatedBy: 'either', tileLoginFlow: org.tileFlow, requireDpop: org.requireDpop,
    },
    { actor: 'oin-test', requestId: 'oin-test' },
  );
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitUntilUp(url: string, child: ChildProcess, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the app exited with code ${child.exitCode} (is there a production build? run npm run build)`);
    const ok = await fetch(url).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the app did not answer ${url} within ${timeoutMs / 1000} s`);
}

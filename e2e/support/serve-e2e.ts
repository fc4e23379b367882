/**
 * The end-to-end stack, started by Playwright as its web server: a fresh PostgreSQL database (migrated),
 * the Okta stand-in with the demo orgs on fixed ports, the demo tenants, and the built app (`next start`,
 * production mode). SIGTERM stops it all and drops the database.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { seedDemoTenants } from '@/dev/demo-tenants';
import { demoStandInConfig } from '@/dev/okta-stand-in/demo';
import { startOktaStandIn } from '@/dev/okta-stand-in/index';
import { describeRuntime } from '@/lib/runtime/node-runtime';
import { productionServer, stopServer } from '@/scripts/production-server';
import { createTestDatabase, dropTestDatabase } from '@/test/postgres';
import { E2E } from './e2e-settings';

async function main() {
  console.log(describeRuntime('e2e server'));
  const databaseUrl = await createTestDatabase('oin_e2e', E2E.databaseName);
  const appEnv: Record<string, string> = {
    NODE_ENV: 'production',
    APP_URL: E2E.appUrl,
    PORT: String(E2E.port),
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: E2E.authSecret,
    DATA_ENCRYPTION_KEY: E2E.dataEncryptionKey,
    ALLOW_INSECURE_LOCAL_ISSUERS: 'true',
    DATA_DIR: mkdtempSync(path.join(tmpdir(), 'oin-e2e-')),
    IDP_TIMEOUT_MS: '3000',
    // Email-domain verification asks only a DNS server on loopback, which the spec that needs it runs.
    DNS_SERVERS: `127.0.0.1:${E2E.dnsPort}`,
    LOG_LEVEL: 'warn',
    NEXT_TELEMETRY_DISABLED: '1',
  };
  Object.assign(process.env, appEnv);

  const { applyMigrations } = await import('@/lib/db/migrate');
  await applyMigrations({ url: databaseUrl });
  const standIn = await startOktaStandIn(demoStandInConfig(E2E.appUrl, E2E.orgPorts));
  await seedDemoTenants({ acme: standIn.orgs[0]!.issuer, globex: standIn.orgs[1]!.issuer });
  const { closeDb } = await import('@/lib/db/client');
  await closeDb();

  // As `npm start` starts it (scripts/production-server.ts), on every interface, without npx in between.
  const server = productionServer(E2E.port, null);
  const next = spawn(server.command, server.args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...server.env, ...appEnv } });
  // Tee the app's output into a file too (e2e/admin asserts that no secret ever reaches a log line).
  const log = createWriteStream(E2E.appLogFile, { flags: 'w' });
  next.stdout.on('data', (chunk: Buffer) => (process.stdout.write(chunk), log.write(chunk)));
  next.stderr.on('data', (chunk: Buffer) => (process.stderr.write(chunk), log.write(chunk)));
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await stopServer(next);
    await standIn.close();
    await dropTestDatabase(databaseUrl).catch(() => {});
    process.exit(code);
  };
  process.on('SIGTERM', () => void stop(0));
  process.on('SIGINT', () => void stop(0));
  next.on('exit', (code) => void stop(code ?? 1));
}

main().catch((error: unknown) => {
  console.error('e2e stack failed to start:', error);
  process.exit(1);
});

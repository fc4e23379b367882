/**
 * The stack `npm run bench` measures: a fresh PostgreSQL database on the local test server (TEST_DATABASE_URL,
 * loopback only) reached through the statement-counting proxy, the Okta stand-in with the demo orgs, the demo
 * tenants, and the production build (`next start`). Sign-in rate limits are raised so that one address can
 * drive every path; the limiter still runs its statements on every request, as in production.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { seedDemoTenants } from '@/dev/demo-tenants';
import { demoStandInConfig } from '@/dev/okta-stand-in/demo';
import { startOktaStandIn, type StandIn } from '@/dev/okta-stand-in/index';
import { createTestDatabase, dropTestDatabase, testServerUrl } from '@/test/postgres';
import { productionServer } from '../production-server';
import { startCountingProxy, type CountingProxy } from './pg-statement-counter';

const BENCH_SECRETS = {
  AUTH_SECRET: 'bench-auth-secret-0123456789abcdefghijklmnopqrstuvwxyz',
  DATA_ENCRYPTION_KEY: `bench:${Buffer.alloc(32, 9).toString('base64')}`,
};
const UNLIMITED = { limit: 1_000_000, ceiling: 1_000_000 };
const RATE_LIMIT_OVERRIDES = JSON.stringify(
  Object.fromEntries(['signin.start.tenant', 'signin.start.tenant_ip', 'signin.start.ip', 'signin.callback.tenant', 'signin.callback.ip', 'signin.unknown.ip'].map((p) => [p, UNLIMITED])),
);

export type BenchStack = {
  appUrl: string;
  issuers: { acme: string; globex: string };
  proxy: CountingProxy;
  standIn: StandIn;
  /** The app's process id (`next start`). */
  pid: number;
  /** Resident memory of the app process, in MB (from /proc). */
  rssMb(): number;
  /** What the app printed so far (at shutdown it prints its caches' counters). */
  output(): string;
  stop(): Promise<void>;
};

export async function startBenchStack(port: number, heapSnapshots = false): Promise<BenchStack> {
  const databaseUrl = await createTestDatabase('oin_bench');
  try {
    return await startOn(databaseUrl, port, heapSnapshots);
  } catch (error) {
    await dropTestDatabase(databaseUrl).catch(() => {});
    throw error;
  }
}

async function startOn(databaseUrl: string, port: number, heapSnapshots: boolean): Promise<BenchStack> {
  const server = testServerUrl();
  // BENCH_SQL_LOG=<file>: every statement the app sends, one per line, to see what a path runs.
  const sqlLog = process.env.BENCH_SQL_LOG;
  const proxy = await startCountingProxy(
    { host: server.hostname, port: Number(server.port || 5432) },
    sqlLog ? (sql) => appendFileSync(sqlLog, `${sql.replace(/\s+/g, ' ')}\n`) : undefined,
  );
  const viaProxy = new URL(databaseUrl);
  viaProxy.hostname = '127.0.0.1';
  viaProxy.port = String(proxy.port);
  const appUrl = `http://127.0.0.1:${port}`;
  const common = {
    NODE_ENV: 'production' as const,
    APP_URL: appUrl,
    ...BENCH_SECRETS,
    ALLOW_INSECURE_LOCAL_ISSUERS: 'true',
    DATA_DIR: mkdtempSync(path.join(tmpdir(), 'oin-bench-')),
    LOG_LEVEL: 'warn',
    NEXT_TELEMETRY_DISABLED: '1',
    RATE_LIMIT_OVERRIDES,
  };
  // This process seeds directly (uncounted); the app talks through the proxy (counted).
  Object.assign(process.env, common, { DATABASE_URL: databaseUrl });
  const { applyMigrations } = await import('@/lib/db/migrate');
  await applyMigrations({ url: databaseUrl });
  const standIn = await startOktaStandIn({ ...demoStandInConfig(appUrl, { acme: port + 1, globex: port + 2 }), controlApi: true });
  const issuers = { acme: standIn.orgs[0]!.issuer, globex: standIn.orgs[1]!.issuer };
  await seedDemoTenants(issuers);

  // As `npm start` starts it (its environment and Node flags: scripts/production-server.ts).
  const app = productionServer(port);
  const child: ChildProcess = spawn(app.command, app.args, {
    env: {
      ...process.env,
      ...app.env,
      ...common,
      PORT: String(port),
      DATABASE_URL: viaProxy.toString(),
      ...(heapSnapshots ? { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --heapsnapshot-signal=SIGUSR2`.trim() } : {}),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d));
  child.stderr!.on('data', (d: Buffer) => (output += d));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited (${child.exitCode}):\n${output}`);
    if (Date.now() - started > 90_000) throw new Error(`next start did not get ready in 90 s:\n${output}`);
    const status = await fetch(`${appUrl}/api/ready`).then((r) => r.status, () => 0);
    if (status === 200) break;
    await new Promise((r) => setTimeout(r, 300));
  }
  const runtime = /server: Node (\S+)/.exec(output)?.[1];
  if (runtime) console.log(`App: next start on Node ${runtime}, pid ${child.pid}, ${appUrl}`);

  return {
    appUrl,
    issuers,
    proxy,
    standIn,
    pid: child.pid!,
    output: () => output,
    rssMb: () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
      await standIn.close();
      await proxy.close();
      const { closeDb } = await import('@/lib/db/client');
      await closeDb();
      await dropTestDatabase(databaseUrl).catch(() => {});
    },
  };
}

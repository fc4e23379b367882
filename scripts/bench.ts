/**
 * `npm run bench`: the performance harness. Builds the app (or reuses the build with `--reuse-build`),
 * starts it in production mode on PostgreSQL with the Okta stand-in (scripts/bench/bench-stack.ts), drives
 * each path for a fixed time with autocannon, and prints req/s, p50/p99, the ratio to the static and the
 * dynamic baselines, SQL statements per request (counted on the wire), IdP calls per sign-in and the app's RSS.
 * `--tenants N` then adds N tenants on the same issuer and repeats the tenant lookups. `--limiter` runs the
 * rate limiter's own micro-benchmark instead (scripts/bench/limiter.ts); `--heap-snapshot` ends with what the
 * app's heap holds (scripts/bench/heap-summary.ts). Loopback only; figures, no asserts.
 *
 *   npm run bench -- [--seconds 5] [--connections 8] [--tenants 10000] [--reuse-build] [--only name,…] [--heap-snapshot] [--limiter]
 */
import { buildStylesheet } from '@/lib/branding/build-stylesheet';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { describeRuntime } from '@/lib/runtime/node-runtime';
import { BENCH_PATHS, type BenchPath } from './bench/bench-paths';
import { startBenchStack, type BenchStack } from './bench/bench-stack';
import { formatTable, type Row } from './bench/bench-table';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '5' },
    connections: { type: 'string', default: '8' },
    tenants: { type: 'string', default: '0' },
    port: { type: 'string', default: '3400' },
    'reuse-build': { type: 'boolean', default: false },
    only: { type: 'string' },
    limiter: { type: 'boolean', default: false },
    'heap-snapshot': { type: 'boolean', default: false },
  },
});
const seconds = bounded(values.seconds, 1, 60, 'seconds');
const connections = bounded(values.connections, 1, 64, 'connections');
const extraTenants = bounded(values.tenants, 0, 100_000, 'tenants');
const port = bounded(values.port, 1024, 65_000, 'port');

async function main(): Promise<void> {
  console.log(describeRuntime('bench'));
  if (values.limiter) {
    const run = spawnSync(process.execPath, [...process.execArgv, path.join(import.meta.dirname, 'bench', 'limiter.ts')], { stdio: 'inherit' });
    process.exit(run.status ?? 1);
  }
  if (!values['reuse-build'] || !existsSync(path.join(process.env.NEXT_DIST_DIR || '.next', 'BUILD_ID'))) {
    console.log('Building (npm run build)… pass --reuse-build to use the existing build.');
    await buildStylesheet();
    execFileSync(process.execPath, [path.join('node_modules', 'next', 'dist', 'bin', 'next'), 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
  }
  const stack = await startBenchStack(port, values['heap-snapshot']);
  // Interrupted: still stop the app and drop the bench database.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void stack.stop().finally(() => process.exit(130)));
  try {
    const paths = BENCH_PATHS.filter((p) => !values.only || p.name === BENCH_PATHS[0]!.name || p.name === BENCH_PATHS[1]!.name || values.only.split(',').some((o) => p.name.includes(o)));
    console.log(`\n${paths.length} paths, ${seconds} s each at ${connections} connections (autocannon), production build, PostgreSQL\n`);
    const rows = await runPaths(stack, paths, 'demo tenants');
    console.log(formatTable(rows, footer(stack)));

    if (extraTenants > 0) {
      const { seedTenants } = await import('./bench/bench-seed');
      const took = await seedTenants(stack, extraTenants);
      console.log(`\nImported ${extraTenants} tenants on ${stack.issuers.acme} through the tenant CLI's import: ${took.wall.toFixed(1)} s (${took.cpu.toFixed(1)} s CPU in the importing process).`);
      const lookups = paths.filter((p) => p.lookup || p === paths[0] || p === paths[1]);
      const again = await runPaths(stack, lookups, `+${extraTenants} tenants`, rows);
      console.log(formatTable(again, footer(stack)));
    }
    if (values['heap-snapshot']) {
      const { takeHeapSummary } = await import('./bench/heap-summary');
      console.log(`\nRSS ${stack.rssMb().toFixed(0)} MB. ${await takeHeapSummary(stack.pid, process.cwd())}`);
    }
  } finally {
    await stack.stop();
    const caches = /caches: (.*)/.exec(stack.output())?.[1];
    if (caches) console.log(`\nThe app's caches at shutdown: ${caches}.`);
    const memory = /memory: (.*)/.exec(stack.output())?.[1];
    if (memory) console.log(`The app's memory at shutdown: ${memory}.`);
  }
}

async function runPaths(stack: BenchStack, paths: BenchPath[], label: string, before?: Row[]): Promise<Row[]> {
  const rows: Row[] = [];
  for (const p of paths) {
    const fastest = Math.max(0, ...rows.filter((r) => r.expect !== 200).map((r) => r.rps));
    const options = await p.options(stack, { seconds, ratePerSecond: fastest || 200 });
    await autocannon({ url: stack.appUrl, connections: 2, amount: 20, timeout: 30, ...options }); // warm up: first compile, JIT, pools
    let sql0 = stack.proxy.counts();
    let idp0 = await idpCalls(stack);
    let result = await autocannon({ url: stack.appUrl, connections, duration: seconds, timeout: 60, ...options });
    let slow = false;
    if (result.requests.total === 0) {
      // Every request took longer than the run: measure one round of `connections` requests to the end instead.
      slow = true;
      sql0 = stack.proxy.counts();
      idp0 = await idpCalls(stack);
      result = await autocannon({ url: stack.appUrl, connections, amount: connections, timeout: 120, ...options });
    }
    // Requests autocannon gave up on at the end still run in the app: let them finish before counting.
    const sql1 = await settled(stack);
    const idp1 = await idpCalls(stack);
    const total = result.requests.total;
    const sent = Math.max(total, result.requests.sent || 0);
    const ok = result.statusCodeStats[String(p.expect)]?.count ?? 0;
    rows.push({
      name: slow ? `${p.name} *` : p.name,
      label,
      expect: p.expect,
      rps: total / (result.duration || seconds),
      p50: result.latency.p50,
      p99: result.latency.p99,
      sqlPerRequest: (sql1.statements - sql0.statements) / sent,
      txPerRequest: (sql1.transactionControl - sql0.transactionControl) / sent,
      idpPerSignIn: p.signIn && ok ? perSignIn(idp0, idp1, sent) : undefined,
      failed: total - ok + result.errors,
      before: before?.find((r) => r.name.replace(/ \*$/, '') === p.name),
    });
    process.stdout.write(`  ${p.name}: ${rows.at(-1)!.rps.toFixed(0)} req/s\n`);
  }
  return rows;
}

/** The statement counts once they have not moved for a second (at most 60 s). */
async function settled(stack: BenchStack) {
  let last = stack.proxy.counts();
  for (let i = 0; i < 60; i++) {
    await new Promise((r) => setTimeout(r, 1_000));
    const now = stack.proxy.counts();
    if (now.statements === last.statements) return now;
    last = now;
  }
  return last;
}

const IDP_CALLS = ['discovery', 'keys', 'token', 'userinfo'] as const;

/** Discovery, JWKS, token and userinfo calls the app made to the acme org so far. */
async function idpCalls(stack: BenchStack): Promise<Record<(typeof IDP_CALLS)[number], number>> {
  const stats = (await (await fetch(`${stack.issuers.acme}/__stand-in/stats`)).json()) as Record<string, number>;
  return Object.fromEntries(IDP_CALLS.map((k) => [k, stats[k] ?? 0])) as Record<(typeof IDP_CALLS)[number], number>;
}

/** `1.15 (token 1.00, keys 0.15)`: calls per sign-in, with the kinds that occurred. */
function perSignIn(before: Record<string, number>, after: Record<string, number>, signIns: number): string {
  const parts = IDP_CALLS.map((k) => [k, (after[k]! - before[k]!) / signIns] as const).filter(([, n]) => n > 0);
  const total = parts.reduce((sum, [, n]) => sum + n, 0);
  return parts.length ? `${total.toFixed(2)} (${parts.map(([k, n]) => `${k} ${n.toFixed(2)}`).join(', ')})` : '0';
}

const footer = (stack: BenchStack) =>
  `RSS of next start after the run: ${stack.rssMb().toFixed(0)} MB.` +
  ' * = no request finished within the run; the figures are from one round of requests run to the end.';

function bounded(raw: string | undefined, min: number, max: number, name: string): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`--${name} must be an integer from ${min} to ${max}`);
  return n;
}

main().catch((error: unknown) => {
  console.error(`npm run bench failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

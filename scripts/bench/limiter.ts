/**
 * `npm run bench -- --limiter`: what the rate limiter costs per request — `countAgainstLimit` (policy, tenant limit,
 * shared counter) on the embedded PGlite database and, when TEST_DATABASE_URL's server (default: local
 * postgres:postgres) answers, on PostgreSQL. Prints p50/p95 latency and throughput; asserts nothing.
 * Each database runs in its own child process (the app's configuration is read once per process).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { RateLimiterMemory } from 'rate-limiter-flexible';

const SEQUENTIAL = 2_000;
const CONCURRENCY = 8;
const CONCURRENT_MS = 3_000;

const fmt = (n: number) => n.toFixed(0).padStart(7);
function summary(label: string, samples: number[], perSecond: number): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! * 1000;
  return `${label.padEnd(34)} p50 ${fmt(at(0.5))} µs   p95 ${fmt(at(0.95))} µs   ${fmt(perSecond)} req/s (${CONCURRENCY} concurrent)`;
}

async function measure(label: string, take: (i: number) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < 50; i++) await take(i); // warm up: connections, JIT
  const samples: number[] = [];
  for (let i = 0; i < SEQUENTIAL; i++) {
    const t0 = performance.now();
    await take(i);
    samples.push(performance.now() - t0);
  }
  let done = 0;
  const end = performance.now() + CONCURRENT_MS;
  await Promise.all(Array.from({ length: CONCURRENCY }, async (_, w) => {
    while (performance.now() < end) await take(w * 1_000_000 + done++);
  }));
  console.log(summary(label, samples, done / (CONCURRENT_MS / 1000)));
}

async function child(): Promise<void> {
  const { closeDb, getPglite } = await import('@/lib/db/client');
  const { applyMigrations } = await import('@/lib/db/migrate');
  const { countAgainstLimit } = await import('@/lib/rate-limit/consume');
  const { getEnv } = await import('@/lib/env');
  const url = getEnv().DATABASE_URL;
  await applyMigrations(url ? { url } : { pglite: getPglite()! });
  const context = { requestId: 'bench', ip: '192.0.2.10', userAgent: 'bench' };
  const tenant = { id: crypto.randomUUID(), displayName: 'Bench' };
  const tenants = Array.from({ length: 500 }, () => ({ id: crypto.randomUUID(), displayName: 'Bench' }));
  await measure(`${url ? 'PostgreSQL' : 'PGlite'}: one tenant key`, () => countAgainstLimit('signin.start.tenant', { tenant }, context));
  await measure(`${url ? 'PostgreSQL' : 'PGlite'}: many tenant keys`, (i) =>
    countAgainstLimit('signin.start.tenant', { tenant: tenants[i % tenants.length]! }, context));
  await closeDb();
}

async function main(): Promise<void> {
  console.log(`Rate limiter cost per request (${SEQUENTIAL} sequential calls for latency; ${CONCURRENT_MS / 1000} s at ${CONCURRENCY} concurrent for throughput)\n`);
  const memory = new RateLimiterMemory({ points: 1_000_000_000, duration: 60 });
  await measure('In memory (insurance limiter)', () => memory.consume('bench'));

  const overrides = JSON.stringify({ 'signin.start.tenant': { limit: 1_000_000, ceiling: 1_000_000 } });
  const run = (env: Record<string, string | undefined>) =>
    execFileSync(process.execPath, [...process.execArgv, process.argv[1]!], {
      env: { ...process.env, ...env, BENCH_CHILD: '1', RATE_LIMIT_OVERRIDES: overrides, LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'inherit', 'inherit'],
    });

  const dataDir = mkdtempSync(path.join(tmpdir(), 'oin-bench-'));
  try {
    run({ DATABASE_URL: '', DATA_DIR: dataDir });
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }

  const { createTestDatabase, dropTestDatabase } = await import('@/test/postgres');
  let url: string;
  try {
    url = await createTestDatabase('oin_bench');
  } catch (error) {
    console.log(`PostgreSQL: skipped (${(error as Error).message.split('. ')[0]})`);
    return;
  }
  try {
    run({ DATABASE_URL: url, DATA_DIR: mkdtempSync(path.join(tmpdir(), 'oin-bench-')) });
  } finally {
    await dropTestDatabase(url);
  }
}

await (process.env.BENCH_CHILD ? child() : main());

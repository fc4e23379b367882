/**
 * Graceful shutdown of `next start` on SIGTERM/SIGINT. Next itself already stops accepting connections,
 * closes idle keep-alive ones and waits for the requests in flight (`server.close()`), then calls
 * `process.exit(143)`. What it does not do is close our database pool, and nothing it exposes runs after the
 * drain — so the first signal marks the process as shutting down (readiness answers 503 from then on), and
 * the exit Next calls once the drain is done closes the pool first (bounded), then exits with Next's code.
 */
import { describeCacheMetrics } from '@/lib/cache/lru-cache';

const CLOSE_TIMEOUT_MS = 5_000;

type ShutdownState = { installed?: boolean; shuttingDown?: boolean };
// On globalThis: the instrumentation hook and the route bundles each get their own copy of this module.
const state: ShutdownState = ((globalThis as typeof globalThis & { __appShutdown?: ShutdownState }).__appShutdown ??= {});

const mb = (bytes: number) => `${Math.round(bytes / 1048576)} MB`;

/** Where the process's memory is: resident, V8 heap (used/reserved), and outside it (Buffers, native). */
export function describeMemory(): string {
  const m = process.memoryUsage();
  return `rss ${mb(m.rss)}, heap used ${mb(m.heapUsed)} of ${mb(m.heapTotal)}, external ${mb(m.external)} (array buffers ${mb(m.arrayBuffers)})`;
}

/** True once SIGTERM or SIGINT arrived. */
export function isShuttingDown(): boolean {
  return state.shuttingDown === true;
}

/** Installs the signal hooks once per process (called from instrumentation at server start). */
export function installGracefulShutdown(log: (message: string) => void = console.log): void {
  if (state.installed) return;
  state.installed = true;
  const onSignal = (signal: NodeJS.Signals) => {
    if (state.shuttingDown) return;
    state.shuttingDown = true;
    log(`${signal}: shutting down — no new connections, finishing requests in flight`);
    log(`caches: ${describeCacheMetrics()}`);
    log(`memory: ${describeMemory()}`);
    const exit = process.exit.bind(process);
    let exiting = false;
    process.exit = ((code?: number | string | null) => {
      if (exiting) return exit(code) as never;
      exiting = true;
      const force = setTimeout(() => exit(code), CLOSE_TIMEOUT_MS);
      void import('@/lib/db/client')
        .then(({ closeDb }) => closeDb())
        .then(() => log('database pool closed'))
        .catch((error: unknown) => log(`database pool close failed: ${(error as Error).message}`))
        .finally(() => {
          clearTimeout(force);
          exit(code);
        });
      return undefined as never;
    }) as typeof process.exit;
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}

/**
 * The process's one Prisma client. With `DATABASE_URL` set it talks to that PostgreSQL through
 * `@prisma/adapter-pg`; without it, to an embedded PGlite database in `<DATA_DIR>/pglite` (demo and
 * development), which only one process may open at a time: `<DATA_DIR>/pglite.lock` holds the owner's pid.
 *
 * No `import 'server-only'`: the CLI scripts (`npm run db:migrate`) use this module too. Callers authorize;
 * this module only connects.
 */
import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { getEnv } from '@/lib/env';
import { PrismaClient } from '@/lib/generated/prisma/client';

export class DatabaseInUseError extends Error {
  override name = 'DatabaseInUseError';
}

type DbState = { client?: PrismaClient; pglite?: PGlite; lockFile?: string };
// Kept on globalThis so that Next's development reloads of this module reuse the connection (and the lock).
const holder = globalThis as typeof globalThis & { __appDb?: DbState };
const state: DbState = (holder.__appDb ??= {});

/** The Prisma client, created on first use. Throws `DatabaseInUseError` when another process holds the embedded database. */
export function getDb(): PrismaClient {
  if (!state.client) {
    const { DATABASE_URL } = getEnv();
    const adapter = DATABASE_URL ? new PrismaPg({ connectionString: DATABASE_URL }) : new PrismaPGlite(openPglite());
    state.client = new PrismaClient({ adapter });
  }
  return state.client;
}

/** The embedded PGlite instance (opening and locking it), or `undefined` when `DATABASE_URL` is set. */
export function getPglite(): PGlite | undefined {
  return getEnv().DATABASE_URL ? undefined : openPglite();
}

const closeHooks: Set<() => Promise<void>> = ((holder as typeof holder & { __appDbCloseHooks?: Set<() => Promise<void>> }).__appDbCloseHooks ??= new Set());

/** Runs `hook` when the database closes ({@link closeDb}), before the connections go (e.g. a LISTEN connection). */
export function onDbClose(hook: () => Promise<void>): void {
  closeHooks.add(hook);
}

/** Disconnects, closes the embedded database and releases its lock. The next `getDb()` starts afresh. */
export async function closeDb(): Promise<void> {
  const { client, pglite } = state;
  await Promise.allSettled([...closeHooks].map((hook) => hook()));
  state.client = undefined;
  state.pglite = undefined;
  try {
    await client?.$disconnect();
    await pglite?.close();
  } finally {
    releaseLock();
  }
}

function openPglite(): PGlite {
  if (state.pglite) return state.pglite;
  const dataDir = path.resolve(getEnv().DATA_DIR, 'pglite');
  mkdirSync(dataDir, { recursive: true });
  takeLock(path.join(dataDir, '..', 'pglite.lock'));
  state.pglite = new PGlite(dataDir);
  return state.pglite;
}

function takeLock(file: string): void {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      state.lockFile = file;
      process.once('exit', releaseLock);
      return;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const owner = readPid(file);
    if (owner !== undefined && owner !== process.pid && isAlive(owner)) {
      throw new DatabaseInUseError(
        `The embedded database in ${path.relative(process.cwd(), path.dirname(file)) || '.'}/ is in use by process ${owner} (the running app?). Stop it, or set DATABASE_URL to a PostgreSQL server.`,
      );
    }
    // Left by a process that has exited (or by this one, before a reload): take it over.
    try {
      unlinkSync(file);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
  }
  throw new DatabaseInUseError(`Could not lock the embedded database (${file}); try again.`);
}

function releaseLock(): void {
  const file = state.lockFile;
  if (!file) return;
  state.lockFile = undefined;
  process.removeListener('exit', releaseLock);
  try {
    if (readPid(file) === process.pid) unlinkSync(file);
  } catch {
    // Already gone.
  }
}

function readPid(file: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(file, 'utf8').trim(), 10);
    return Number.isSafeInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

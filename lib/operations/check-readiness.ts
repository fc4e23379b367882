/**
 * Readiness for load balancers (`GET /api/ready`): the database answers within a bound and every migration
 * in `prisma/migrations` is applied, in one statement. Unauthenticated and cheap: it reveals only a reason
 * code, never an error message or a migration name. While the process shuts down it is not ready, so a
 * load balancer stops sending new requests before the server stops accepting them.
 */
import 'server-only';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { getDb } from '@/lib/db/client';
import { isShuttingDown } from './graceful-shutdown';

export type Readiness =
  | { ready: true }
  | { ready: false; reason: 'shutting_down' | 'database_unreachable' | 'migrations_pending' };

// Generous enough for a cold start (the first query also loads the Prisma client and connects).
const DATABASE_TIMEOUT_MS = 5_000;

// The migrations this build ships with; a release is a new process, so reading the folder once is enough.
let expected: Promise<string[]> | undefined;

/** `migrationsDir` is for tests; the app checks the `prisma/migrations` it was deployed with. */
export async function checkReadiness(migrationsDir?: string): Promise<Readiness> {
  if (isShuttingDown()) return { ready: false, reason: 'shutting_down' };
  const wanted = migrationsDir
    ? await listMigrations(migrationsDir)
    : await (expected ??= listMigrations(path.join(process.cwd(), 'prisma', 'migrations')));
  let applied: Set<string>;
  try {
    applied = await withTimeout(appliedMigrations(), DATABASE_TIMEOUT_MS);
  } catch {
    return { ready: false, reason: 'database_unreachable' };
  }
  return wanted.every((name) => applied.has(name)) ? { ready: true } : { ready: false, reason: 'migrations_pending' };
}

/** Names of the migration folders (those holding a `migration.sql`), as `_prisma_migrations` records them. */
export async function listMigrations(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: false });
  const names: string[] = [];
  for (const entry of entries) {
    if (!entry.isDirectory()) continue;
    const files = await readdir(path.join(dir, entry.name));
    if (files.includes('migration.sql')) names.push(entry.name);
  }
  return names.sort();
}

async function appliedMigrations(): Promise<Set<string>> {
  // A database without the table has no migrations applied: that is "pending", not "unreachable".
  const rows = await getDb().$queryRaw<{ name: string }[]>`
    SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`.catch(
    (error: unknown) => {
      if (/_prisma_migrations.*does not exist|42P01/.test(String((error as Error)?.message ?? error))) return [];
      throw error;
    },
  );
  return new Set(rows.map((r) => r.name));
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

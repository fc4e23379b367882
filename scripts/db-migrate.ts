/**
 * `npm run db:migrate`: applies pending migrations from prisma/migrations to the configured database
 * (`DATABASE_URL`, or the embedded PGlite database in `DATA_DIR`), as `prisma migrate deploy` would.
 * Run it from the repo root. Exit code 1, with one line on stderr, when anything fails.
 */
import path from 'node:path';
import { closeDb, DatabaseInUseError, getPglite } from '@/lib/db/client';
import { applyMigrations, defaultPrismaDir, describeMigrationError, readMigrationList } from '@/lib/db/migrate';
import { EnvError, getEnv } from '@/lib/env';

async function main(): Promise<void> {
  const { DATABASE_URL } = getEnv();
  const target = DATABASE_URL ? { url: DATABASE_URL } : { pglite: getPglite()! };
  await applyMigrations(target, { log: (line) => console.log(line) });
  const { migrationDirectories } = await readMigrationList(path.join(defaultPrismaDir(), 'migrations'));
  const n = migrationDirectories.length;
  console.log(`Database is up to date (${n} migration${n === 1 ? '' : 's'}).`);
}

try {
  await main();
  await closeDb();
} catch (error) {
  const plain = error instanceof DatabaseInUseError || error instanceof EnvError;
  console.error(plain ? error.message : `Migration failed: ${describeMigrationError(error)}`);
  await closeDb().catch(() => {});
  process.exit(1);
}

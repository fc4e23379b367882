import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationsDir, migrationsWith } from '@/test/migrations-fixture';
import { applyMigrations, describeMigrationError, diffSchemaToMigrations, slugifyMigrationName } from './migrate';

const migrationNames = readdirSync(migrationsDir, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();


// A fresh PGlite takes a few seconds to start; the tests below share one and run in order.
describe('applyMigrations on PGlite', { timeout: 60_000 }, () => {
  let db: PGlite;
  beforeAll(async () => {
    db = new PGlite();
    await db.waitReady;
  }, 60_000);
  afterAll(() => db.close());

  it('applies every migration to an empty database and records it as prisma migrate deploy does', async () => {
    expect(migrationNames.length).toBeGreaterThan(0);
    expect(await applyMigrations({ pglite: db })).toEqual({ applied: migrationNames });

    const { rows } = await db.query<{ migration_name: string; checksum: string; finished: boolean }>(
      'SELECT migration_name, checksum, finished_at IS NOT NULL AS finished FROM _prisma_migrations ORDER BY migration_name',
    );
    expect(rows).toEqual(
      migrationNames.map((name) => ({
        migration_name: name,
        checksum: createHash('sha256').update(readFileSync(path.join(migrationsDir, name, 'migration.sql'))).digest('hex'),
        finished: true,
      })),
    );
    const tables = await db.query<{ tablename: string }>("SELECT tablename FROM pg_tables WHERE schemaname = 'public'");
    expect(tables.rows.map((r) => r.tablename)).toEqual(
      expect.arrayContaining(['Tenant', 'TenantEmailDomain', 'User', 'Session', 'UsedIdToken', 'AuditEvent']),
    );
  });

  it('applies nothing the second time', async () => {
    expect(await applyMigrations({ pglite: db })).toEqual({ applied: [] });
    const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM _prisma_migrations');
    expect(rows[0]?.n).toBe(migrationNames.length);
  });

  it('records a failing migration as failed, applies none of it, and then refuses to go on', async () => {
    const dir = migrationsWith({ '99990101000000_broken': 'CREATE TABLE "Half" (id int);\nSELECT no_such_function();\n' });
    const error = await applyMigrations({ pglite: db }, { migrationsDir: dir }).catch((e: unknown) => e);
    expect(describeMigrationError(error)).toMatch(/^Migration 99990101000000_broken failed: .*no_such_function\(\) does not exist/);

    const { rows } = await db.query<{ finished: boolean }>(
      "SELECT finished_at IS NOT NULL AS finished FROM _prisma_migrations WHERE migration_name = '99990101000000_broken'",
    );
    expect(rows).toEqual([{ finished: false }]);
    expect((await db.query("SELECT 1 FROM pg_tables WHERE tablename = 'Half'")).rows).toHaveLength(0);
    await expect(applyMigrations({ pglite: db }, { migrationsDir: dir })).rejects.toThrow(/failed migrations/);
  });
});

describe('the migrations folder', () => {
  it('matches prisma/schema.prisma (run `npm run db:migration -- <name>` after changing the schema)', async () => {
    expect(await diffSchemaToMigrations()).toBeNull();
  }, 60_000);
});

describe('slugifyMigrationName', () => {
  it.each([
    ['init', 'init'],
    ['Add tenant logo', 'add_tenant_logo'],
    ['addTenantLogo', 'add_tenant_logo'],
    ['  drop--old  column! ', 'drop_old_column'],
    ['users & sessions', 'users_and_sessions'],
    ['café', 'cafe'],
    ['***', ''],
  ])('%j -> %j', (input, expected) => {
    expect(slugifyMigrationName(input)).toBe(expected);
  });
});

describe('describeMigrationError', () => {
  it.each([
    [
      'external connector error\nError querying the database: ERROR: boom\n   0: sql_schema_connector::apply_migration::apply_script\n           with migration_name="20250101000000_x"\n             at x.rs:1',
      'Migration 20250101000000_x failed: Error querying the database: ERROR: boom',
    ],
    ['Database `nope` does not exist\n   0: schema_engine_wasm::wasm::engine::ApplyMigrations\n at engine.rs:167', 'Database `nope` does not exist'],
    ['', 'Unknown error'],
  ])('%#', (message, expected) => {
    expect(describeMigrationError(new Error(message))).toBe(expected);
  });
});

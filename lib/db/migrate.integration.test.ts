import { readdirSync } from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationsDir, migrationsWith } from '@/test/migrations-fixture';
import { createTestDatabase, dropTestDatabase, testServerUrl } from '@/test/postgres';
import { applyMigrations, diffSchemaToMigrations } from './migrate';

const migrationNames = readdirSync(migrationsDir, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();

/** Everything `prisma migrate` manages in the public schema, as text, to compare before and after. */
const SCHEMA_SNAPSHOT = `
  SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' ' || coalesce(column_default, '') AS line
    FROM information_schema.columns WHERE table_schema = 'public'
  UNION ALL SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = 'public'
  UNION ALL SELECT 'constraint ' || conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid)
    FROM pg_constraint WHERE connamespace = 'public'::regnamespace
  UNION ALL SELECT 'enum ' || t.typname || ' ' || e.enumlabel FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid
  ORDER BY line`;

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

const FUNCTION_MIGRATION = `CREATE FUNCTION "touch"() RETURNS trigger AS $$ BEGIN NEW."updatedAt" := now(); RETURN NEW; END; $$ LANGUAGE plpgsql;
COMMENT ON TABLE "Tenant" IS 'one; two';
`;

const snapshot = async (url: string) => (await query<{ line: string }>(url, SCHEMA_SNAPSHOT)).map((r) => r.line);

describe('applyMigrations on PostgreSQL', () => {
  let url: string;
  beforeAll(async () => {
    url = await createTestDatabase('oin_migrate');
  });
  afterAll(async () => {
    if (url) await dropTestDatabase(url);
  });

  it('applies every migration to an empty database, then nothing, leaving the schema as it was', async () => {
    expect(await applyMigrations({ url })).toEqual({ applied: migrationNames });
    const tables = await query<{ tablename: string }>(url, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'");
    // Contains rather than equals: each feature adds its own tables.
    expect(tables.map((t) => t.tablename)).toEqual(expect.arrayContaining([
      'AuditEvent', 'Session', 'Tenant', 'TenantEmailDomain', 'UsedIdToken', 'User', '_prisma_migrations',
      'RateLimiterFlexible', 'TenantRateLimit', 'IdpRateLimit',
    ]));
    const before = await snapshot(url);
    expect(before.length).toBeGreaterThan(20);

    expect(await applyMigrations({ url })).toEqual({ applied: [] });
    expect(await snapshot(url)).toEqual(before);
    const recorded = await query<{ migration_name: string }>(
      url,
      'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY 1',
    );
    expect(recorded.map((r) => r.migration_name)).toEqual(migrationNames);
  });

  it('sends each migration whole: `;` inside a function body or a string does not split it', async () => {
    const dir = migrationsWith({ '99990101000000_function': FUNCTION_MIGRATION });
    expect(await applyMigrations({ url }, { migrationsDir: dir })).toEqual({ applied: ['99990101000000_function'] });
    expect(await query(url, "SELECT obj_description('\"Tenant\"'::regclass) AS c")).toEqual([{ c: 'one; two' }]);
  });

  it('records a failing migration as failed and leaves none of it applied', async () => {
    const dir = migrationsWith({
      '99990101000000_function': FUNCTION_MIGRATION,
      '99990102000000_broken': 'CREATE TABLE "Half" (id int);\nSELECT no_such_function();\n',
    });
    await expect(applyMigrations({ url }, { migrationsDir: dir })).rejects.toThrow(/no_such_function\(\) does not exist/);
    expect(await query(url, "SELECT 1 FROM pg_tables WHERE tablename = 'Half'")).toEqual([]);
    expect(
      await query(url, "SELECT finished_at FROM _prisma_migrations WHERE migration_name = '99990102000000_broken'"),
    ).toEqual([{ finished_at: null }]);
  });
});

describe('diffSchemaToMigrations with a PostgreSQL shadow database', () => {
  it('finds prisma/schema.prisma matching the migrations, and drops its shadow database', async () => {
    const server = testServerUrl().toString();
    const shadows = `SELECT datname FROM pg_database WHERE datname LIKE 'prisma_migrate_shadow_db_%'`;
    const before = await query(server, shadows);
    expect(await diffSchemaToMigrations({ url: server })).toBeNull();
    expect(await query(server, shadows)).toEqual(before);
  });
});


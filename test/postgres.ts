/**
 * Throwaway PostgreSQL databases for integration and end-to-end tests. The server comes from
 * TEST_DATABASE_URL (default: postgres:postgres on 127.0.0.1:5432, as `.ci/run` sets up); each run gets a
 * fresh database and drops it afterwards. Refuses anything but a loopback server.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const DEFAULT_TEST_DATABASE_URL = 'postgresql://postgres:postgres@127.0.0.1:5432/postgres';

export function testServerUrl(): URL {
  const url = new URL(process.env.TEST_DATABASE_URL || DEFAULT_TEST_DATABASE_URL);
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) {
    throw new Error(`Tests run only against a local PostgreSQL; TEST_DATABASE_URL points at ${url.hostname}`);
  }
  return url;
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: testServerUrl().toString() });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `Cannot reach PostgreSQL at ${testServerUrl().host} (${(error as Error).message}). ` +
        'Start one (`bash .ci/run` installs and starts it on Debian) or set TEST_DATABASE_URL.',
    );
  }
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Creates `<prefix>_<random>` (or exactly `name` when given, dropping an old one) and returns its URL. */
export async function createTestDatabase(prefix: string, name?: string): Promise<string> {
  const db = name ?? `${prefix}_${randomBytes(4).toString('hex')}`;
  if (!/^[a-z0-9_]+$/.test(db)) throw new Error(`Bad database name ${db}`);
  await admin(async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${db}`);
  });
  const url = testServerUrl();
  url.pathname = `/${db}`;
  return url.toString();
}

export async function dropTestDatabase(databaseUrl: string): Promise<void> {
  const db = new URL(databaseUrl).pathname.slice(1);
  if (!/^[a-z0-9_]+$/.test(db)) return;
  await admin((c) => c.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`));
}

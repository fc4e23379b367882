/**
 * Integration tests share one fresh PostgreSQL database per run, migrated like production. Workers inherit
 * DATABASE_URL from here, so the app's own `getDb()` talks to it.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { applyMigrations } from '@/lib/db/migrate';
import { createTestDatabase, dropTestDatabase } from './postgres';

export default async function setup() {
  const url = await createTestDatabase('oin_it');
  await applyMigrations({ url });
  process.env.DATABASE_URL = url;
  process.env.DATA_DIR = mkdtempSync(path.join(tmpdir(), 'oin-it-'));
  process.env.ALLOW_INSECURE_LOCAL_ISSUERS = 'true';
  process.env.APP_URL = 'http://localhost:3999';
  process.env.LOG_LEVEL = 'silent';
  return async () => {
    await dropTestDatabase(url);
  };
}

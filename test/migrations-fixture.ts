/** Migration folders for tests: the repo's own, or a scratch copy with extra migrations appended. */
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const migrationsDir = path.join(process.cwd(), 'prisma', 'migrations');

/** The repo's migrations plus `extra` ones (name → SQL), in a scratch folder. */
export function migrationsWith(extra: Record<string, string>): string {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), 'migrations-')), 'migrations');
  cpSync(migrationsDir, dir, { recursive: true });
  for (const [name, sql] of Object.entries(extra)) {
    mkdirSync(path.join(dir, name));
    writeFileSync(path.join(dir, name, 'migration.sql'), sql);
  }
  return dir;
}

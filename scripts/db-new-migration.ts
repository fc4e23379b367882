/**
 * `npm run db:migration -- <name>`: writes prisma/migrations/<YYYYMMDDHHMMSS>_<name>/migration.sql with the SQL
 * that takes the existing migrations to prisma/schema.prisma (as `prisma migrate dev --create-only`), or says
 * that there is nothing to do. The database itself is not touched: the migrations are replayed on a temporary
 * database on the `DATABASE_URL` server when it is set (needs CREATEDB), else in an in-memory PGlite.
 * Review the file, then apply it with `npm run db:migrate`.
 */
import path from 'node:path';
import { createMigration, describeMigrationError } from '@/lib/db/migrate';
import { getEnv } from '@/lib/env';

const name = process.argv.slice(2).join(' ').trim();
if (!name) {
  console.error('Usage: npm run db:migration -- <name>   (e.g. add_tenant_logo)');
  process.exit(1);
}

try {
  const { DATABASE_URL } = getEnv();
  const created = await createMigration(name, { shadow: DATABASE_URL ? { url: DATABASE_URL } : undefined });
  if (created) {
    console.log(`Created ${path.relative(process.cwd(), created.file)}`);
    console.log('Review it, then apply it with: npm run db:migrate');
  } else {
    console.log('No schema changes.');
  }
} catch (error) {
  console.error(`Could not create the migration: ${describeMigrationError(error)}`);
  process.exit(1);
}

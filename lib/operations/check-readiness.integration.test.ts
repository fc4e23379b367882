import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GET as health } from '@/app/api/health/route';
import { GET as ready } from '@/app/api/ready/route';
import { checkReadiness, listMigrations } from './check-readiness';

describe('health and readiness', () => {
  it('liveness answers 200 without touching anything, never cached', async () => {
    const response = health();
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('is ready on a reachable database with every migration of prisma/migrations applied', async () => {
    const names = await listMigrations(path.join(process.cwd(), 'prisma', 'migrations'));
    expect(names.length).toBeGreaterThan(0);
    expect(names).not.toContain('migration_lock.toml');
    const response = await ready();
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({ status: 'ready' });
  });

  it('is not ready when the build ships a migration the database has not applied', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'oin-ready-'));
    cpSync(path.join(process.cwd(), 'prisma', 'migrations'), dir, { recursive: true });
    mkdirSync(path.join(dir, '29991231000000_not_yet'));
    writeFileSync(path.join(dir, '29991231000000_not_yet', 'migration.sql'), 'SELECT 1;');
    expect(await checkReadiness(dir)).toEqual({ ready: false, reason: 'migrations_pending' });
  });
});

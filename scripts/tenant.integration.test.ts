import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoStandInConfig } from '@/dev/okta-stand-in/demo';
import { startOktaStandIn, type StandIn } from '@/dev/okta-stand-in/index';
import { getDb } from '@/lib/db/client';

const SECRET = 'cli-test-secret-do-not-print-9f8e7d';

function cli(args: string[], input?: string, env: Record<string, string> = {}) {
  const result = spawnSync('npx', ['tsx', '--conditions=react-server', 'scripts/tenant.ts', ...args], {
    input,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 60_000,
  });
  const stderr = result.stderr.split('\n').filter((l) => l && !l.startsWith('npm warn')).join('\n');
  return { status: result.status, stdout: result.stdout, stderr };
}

describe('tenant CLI', () => {
  let standIn: StandIn;
  let issuer: string;
  const slug = `cli-${Date.now().toString(36)}`;

  beforeAll(async () => {
    standIn = await startOktaStandIn({ ...demoStandInConfig('http://localhost:3999', { acme: 0, globex: 0 }), controlApi: false });
    issuer = standIn.orgs[0]!.issuer;
  });
  afterAll(async () => {
    await getDb().tenant.deleteMany({ where: { slug: { startsWith: 'cli-' } } });
    await standIn.close();
  });

  it('adds a tenant after checking discovery, and never prints the secret', async () => {
    const add = cli(['add', '--slug', slug, '--name', 'CLI Test', '--issuer', `${issuer}/`, '--client-id', 'acme-app',
      '--client-secret-stdin', '--email-domains', `${slug}.test`, '--status', 'active', '--json'], SECRET);
    expect(add.stderr).toBe('');
    expect(add.status).toBe(0);
    const added = JSON.parse(add.stdout);
    expect(added).toMatchObject({ slug, issuer, status: 'active', hasClientSecret: true, emailDomains: [`${slug}.test`] });

    for (const args of [['list', '--json'], ['show', slug], ['show', slug, '--json'], ['export']]) {
      const run = cli(args);
      expect(run.status).toBe(0);
      expect(run.stdout + run.stderr).not.toContain(SECRET);
      expect(run.stdout).toContain(slug);
    }
    const row = await getDb().tenant.findUniqueOrThrow({ where: { slug } });
    expect(row.clientSecretCipher).not.toContain(SECRET);
    const audit = await getDb().auditEvent.findMany({ where: { tenantId: row.id } });
    expect(JSON.stringify(audit.map((a) => a.details))).not.toContain(SECRET);
  });

  it('round-trips export and import (secrets from the environment)', () => {
    const exported = JSON.parse(cli(['export']).stdout);
    const mine = exported.tenants.find((t: { slug: string }) => t.slug === slug);
    mine.displayName = 'CLI Test Renamed';
    mine.clientSecretEnv = 'CLI_TEST_SECRET';
    const file = path.join(tmpdir(), `${slug}.json`);
    writeFileSync(file, JSON.stringify({ format: exported.format, tenants: [mine] }));
    const imported = cli(['import', file, '--json'], undefined, { CLI_TEST_SECRET: `${SECRET}-2` });
    expect(imported.status).toBe(0);
    expect(JSON.parse(imported.stdout)).toEqual([{ slug, action: 'updated' }]);
    expect(JSON.parse(cli(['show', slug, '--json']).stdout).displayName).toBe('CLI Test Renamed');
  });

  it.each([
    ['an issuer that differs from discovery', () => ['add', '--slug', `${slug}-b`, '--name', 'B', '--issuer', issuer.replace('127.0.0.1', 'localhost'), '--client-id', 'x', '--client-secret-env', 'CLI_SECRET'], /issuer/i],
    ['an unreachable issuer', () => ['add', '--slug', `${slug}-c`, '--name', 'C', '--issuer', 'http://127.0.0.1:9', '--client-id', 'x', '--client-secret-env', 'CLI_SECRET'], /reach|connect|refused/i],
    ['a taken slug', () => ['add', '--slug', slug, '--name', 'D', '--issuer', issuer, '--client-id', 'other', '--client-secret-env', 'CLI_SECRET'], /already taken/],
    ['a reserved slug', () => ['add', '--slug', 'admin', '--name', 'E', '--issuer', issuer, '--client-id', 'x', '--client-secret-env', 'CLI_SECRET'], /reserved/],
    ['offline_access', () => ['add', '--slug', `${slug}-f`, '--name', 'F', '--issuer', issuer, '--client-id', 'x', '--scopes', 'openid,offline_access', '--client-secret-env', 'CLI_SECRET'], /scopes/],
    ['remove without --yes', () => ['remove', slug], /--yes/],
    ['an unknown tenant', () => ['show', 'no-such-tenant'], /No tenant/],
  ])('refuses %s with one clear line and a non-zero exit', (_name, args, message) => {
    const run = cli(args(), undefined, { CLI_SECRET: SECRET });
    expect(run.status).not.toBe(0);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toContain(SECRET);
  });
});

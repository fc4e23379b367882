import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoStandInConfig } from '@/dev/okta-stand-in/demo';
import { startOktaStandIn, type StandIn } from '@/dev/okta-stand-in/index';
import { getDb } from '@/lib/db/client';

const TSX_CLI = path.resolve('node_modules/tsx/dist/cli.mjs');
const SECRET = 'cli-test-secret-do-not-print-9f8e7d';

/**
 * Runs the CLI asynchronously: the stand-in lives in this process and must keep answering meanwhile. It
 * starts tsx directly on this process's Node (what `npm run tenant` does, minus npm's own start-up).
 */
function cli(args: string[], input?: string, env: Record<string, string> = {}) {
  return new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [TSX_CLI, '--conditions=react-server', 'scripts/tenant.ts', ...args], {
      env: { ...process.env, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => {
      const errors = stderr.split('\n').filter((l) => l && !l.startsWith('npm warn')).join('\n');
      resolve({ status, stdout, stderr: errors });
    });
    child.stdin.end(input ?? '');
  });
}

// Each case starts a CLI process (a few seconds; far more on a loaded machine).
describe('tenant CLI', { timeout: 120_000 }, () => {
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
    const add = await cli(['add', '--slug', slug, '--name', 'CLI Test', '--issuer', `${issuer}/`, '--client-id', 'acme-app',
      '--client-secret-stdin', '--email-domains', `${slug}.test`, '--status', 'active', '--json'], SECRET);
    expect(add.stderr).toBe('');
    expect(add.status).toBe(0);
    const added = JSON.parse(add.stdout);
    expect(added).toMatchObject({ slug, issuer, status: 'active', hasClientSecret: true, emailDomains: [`${slug}.test`] });

    for (const args of [['list', '--json'], ['show', slug], ['show', slug, '--json'], ['export']]) {
      const run = await cli(args);
      expect(run.status).toBe(0);
      expect(run.stdout + run.stderr).not.toContain(SECRET);
      expect(run.stdout).toContain(slug);
    }
    const row = await getDb().tenant.findUniqueOrThrow({ where: { slug } });
    expect(row.clientSecretCipher).not.toContain(SECRET);
    const audit = await getDb().auditEvent.findMany({ where: { tenantId: row.id } });
    expect(JSON.stringify(audit.map((a) => a.details))).not.toContain(SECRET);
  });

  it('records, shows and clears the Okta org domain of a custom-domain issuer; refuses one not hosted by Okta', async () => {
    const set = await cli(['update', slug, '--okta-org-domain', 'Acme.okta.com', '--json']);
    expect(set.stderr).toBe('');
    expect(JSON.parse(set.stdout)).toMatchObject({ oktaOrgDomain: 'acme.okta.com' });
    const bad = await cli(['update', slug, '--okta-org-domain', 'evil.example']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/Okta-hosted domain/);
    const cleared = await cli(['update', slug, '--okta-org-domain', '', '--json']);
    expect(JSON.parse(cleared.stdout)).toMatchObject({ oktaOrgDomain: null });
  });

  it('round-trips export and import (secrets from the environment)', async () => {
    const exported = JSON.parse((await cli(['export'])).stdout);
    const mine = exported.tenants.find((t: { slug: string }) => t.slug === slug);
    mine.displayName = 'CLI Test Renamed';
    mine.clientSecretEnv = 'CLI_TEST_SECRET';
    const file = path.join(tmpdir(), `${slug}.json`);
    writeFileSync(file, JSON.stringify({ format: exported.format, tenants: [mine] }));
    const imported = await cli(['import', file, '--json'], undefined, { CLI_TEST_SECRET: `${SECRET}-2` });
    expect(imported.status).toBe(0);
    expect(JSON.parse(imported.stdout)).toEqual([{ slug, action: 'updated' }]);
    expect(JSON.parse((await cli(['show', slug, '--json'])).stdout).displayName).toBe('CLI Test Renamed');

    // A partial entry changes only what it names: the tenant stays active, its domains stay.
    writeFileSync(file, JSON.stringify({ format: exported.format, tenants: [{ slug, displayName: 'Partial', issuer, clientId: 'acme-app' }] }));
    expect((await cli(['import', file])).status).toBe(0);
    expect(JSON.parse((await cli(['show', slug, '--json'])).stdout)).toMatchObject({
      displayName: 'Partial', status: 'active', emailDomains: [`${slug}.test`],
    });
  });

  it.each([
    ['an issuer that differs from discovery', () => ['add', '--slug', `${slug}-b`, '--name', 'B', '--issuer', issuer.replace('127.0.0.1', 'localhost'), '--client-id', 'x', '--client-secret-env', 'CLI_SECRET'], /issuer/i],
    ['an unreachable issuer', () => ['add', '--slug', `${slug}-c`, '--name', 'C', '--issuer', 'http://127.0.0.1:9', '--client-id', 'x', '--client-secret-env', 'CLI_SECRET'], /reach|connect|refused/i],
    ['a taken slug', () => ['add', '--slug', slug, '--name', 'D', '--issuer', issuer, '--client-id', 'other', '--client-secret-env', 'CLI_SECRET'], /already taken/],
    ['a reserved slug', () => ['add', '--slug', 'admin', '--name', 'E', '--issuer', issuer, '--client-id', 'x', '--client-secret-env', 'CLI_SECRET'], /reserved/],
    ['offline_access', () => ['add', '--slug', `${slug}-f`, '--name', 'F', '--issuer', issuer, '--client-id', 'x', '--scopes', 'openid,offline_access', '--client-secret-env', 'CLI_SECRET'], /scopes/],
    ['remove without --yes', () => ['remove', slug], /--yes/],
    ['an unknown tenant', () => ['show', 'no-such-tenant'], /No tenant/],
  ])('refuses %s with one clear line and a non-zero exit', async (_name, args, message) => {
    const run = await cli(args(), undefined, { CLI_SECRET: SECRET });
    expect(run.status).not.toBe(0);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toContain(SECRET);
  });
});

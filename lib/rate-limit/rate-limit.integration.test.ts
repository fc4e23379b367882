import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as signIn } from '@/app/api/auth/signin/route';
import { getDb } from '@/lib/db/client';
import { createTenant } from '@/lib/tenants/create-tenant';
import type { Tenant } from '@/lib/tenants/tenant';
import { getRateLimitUse } from './consume';
import { observeIdpRateLimit } from './idp-rate-limits';
import { getPolicy } from './policies';
import { flushRefusals } from './record-refusal';
import { getEffectiveLimit, RateLimitSettingError, setTenantRateLimit } from './tenant-limits';
import { startFakeIssuer } from './testing/fake-issuer';

const suffix = randomUUID().slice(0, 8);
const audit = { requestId: 'it-rate-limit', ip: '127.0.0.1', userAgent: 'vitest' };

async function tenant(name: string, issuer: string): Promise<Tenant> {
  return createTenant(
    {
      slug: `${name}-${suffix}`, displayName: `${name} Corp`, status: 'active', issuer, clientId: `${name}-client`,
      clientSecret: `${name}-secret-value`, clientAuthMethod: 'client_secret_basic', scopes: ['openid', 'email'],
      emailDomains: [], loginInitiatedBy: 'app_only', tileLoginFlow: 'redirect',
    },
    { actor: 'test', requestId: 'it' },
  );
}

/** One sign-in start through the real route handler, from its own client address. */
let clientNumber = 0;
function startSignIn(t: Tenant, accept = 'text/html') {
  clientNumber += 1;
  const ip = `198.51.${Math.floor(clientNumber / 250)}.${clientNumber % 250}`;
  return signIn(new NextRequest(`http://localhost:3999/api/auth/signin?tenant=${t.slug}`, {
    headers: { 'x-forwarded-for': ip, accept },
  }));
}

/**
 * Runs the consume worker in `n` processes of their own (app instances) on the test database, lets them all
 * take points at once when every one is connected, and returns how many points each got.
 */
async function workers(tenantId: string, attempts: number, n: number): Promise<number[]> {
  const script = path.join(import.meta.dirname, 'testing', 'consume-worker.ts');
  const children = Array.from({ length: n }, () => {
    const child = spawn(process.execPath, [path.resolve('node_modules/tsx/dist/cli.mjs'), '--conditions=react-server', script, tenantId, String(attempts)], {
      env: process.env, cwd: path.resolve(import.meta.dirname, '../..'), stdio: ['pipe', 'pipe', 'inherit'],
    });
    let out = '';
    const ready = new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('ready\n')) resolve();
      });
      child.on('exit', (code) => reject(new Error(`worker exited with ${code} before it was ready: ${out}`)));
    });
    const done = new Promise<number>((resolve, reject) => child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`worker exited with ${code}: ${out}`));
      resolve((JSON.parse(out.trim().split('\n').pop()!) as { allowed: number }).allowed);
    }));
    return { child, ready, done };
  });
  await Promise.all(children.map((c) => c.ready));
  for (const { child } of children) child.stdin.end('go\n');
  return Promise.all(children.map((c) => c.done));
}

describe('per-tenant rate limits on PostgreSQL', () => {
  let fake: Awaited<ReturnType<typeof startFakeIssuer>>;
  let a: Tenant;
  let b: Tenant;
  let c: Tenant;
  beforeAll(async () => {
    fake = await startFakeIssuer();
    a = await tenant('flooded', fake.issuer);
    b = await tenant('bystander', fake.issuer);
    c = await tenant('shared', `https://shared-${suffix}.okta.example`);
  });
  afterAll(async () => {
    await getDb().tenant.deleteMany({ where: { id: { in: [a.id, b.id, c.id] } } });
    await fake.close();
  });

  it("refuses tenant A past its limit with 429 and Retry-After while tenant B's sign-ins all go through", async () => {
    await setTenantRateLimit({ tenantId: a.id, policy: 'signin.start.tenant', limit: 5, actorUserId: null }, audit);
    const since = new Date();
    const statusesA: number[] = [];
    const statusesB: number[] = [];
    let refusal: Response | undefined;
    for (let i = 0; i < 20; i++) {
      const ra = await startSignIn(a);
      statusesA.push(ra.status);
      if (ra.status === 429) refusal ??= ra;
      statusesB.push((await startSignIn(b)).status);
    }
    expect(statusesA.filter((s) => s === 303)).toHaveLength(5);
    expect(statusesA.filter((s) => s === 429)).toHaveLength(15);
    expect(statusesB.every((s) => s === 303)).toBe(true);

    const retryAfter = Number(refusal!.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refusal!.headers.get('ratelimit-policy')).toBe('"signin.start.tenant";q=5;w=60');
    expect(refusal!.headers.get('ratelimit')).toMatch(/^"signin\.start\.tenant";r=0;t=\d+$/);
    const html = await refusal!.text();
    expect(html).toContain('flooded Corp has reached its limit');
    expect(html).toContain('try again in');

    const json = await startSignIn(a, 'application/json');
    expect(json.status).toBe(429);
    expect(await json.json()).toMatchObject({ error: 'rate_limited', policy: 'signin.start.tenant', retryAfter: expect.any(Number) });

    // One aggregated audit row for the flood, counting every refusal; no signin.failed row per refusal.
    await flushRefusals();
    const events = await getDb().auditEvent.findMany({ where: { tenantId: a.id, at: { gte: since }, type: { in: ['ratelimit.exceeded', 'signin.failed'] } } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'ratelimit.exceeded', code: 'signin.start.tenant' });
    expect((events[0]!.details as { refused: number }).refused).toBe(16);
    expect(await getDb().auditEvent.count({ where: { tenantId: b.id, type: 'ratelimit.exceeded' } })).toBe(0);
  });

  it('refuses sign-in while Okta has paused the tenant, with the busy page and Retry-After', async () => {
    await observeIdpRateLimit(b.id, 'token', { limit: 600, remaining: 0, reset: Math.floor(Date.now() / 1000) + 30 }, true);
    const response = await startSignIn(b);
    expect(response.status).toBe(503);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(25);
    expect(await response.text()).toMatch(/Okta is busy[\s\S]*try again in \d+ s/);
    await getDb().idpRateLimit.deleteMany({ where: { tenantId: b.id } });
    expect((await startSignIn(b)).status).toBe(303);
  });

  it('shares one limit between two app processes on one database, and keeps it across a restart', async () => {
    await setTenantRateLimit({ tenantId: c.id, policy: 'signin.start.tenant', limit: 10, actorUserId: null }, audit);
    const [one = 0, two = 0] = await workers(c.id, 12, 2);
    // Separate counters would allow 10 each (20): one shared limit allows 10 in all.
    expect(one + two).toBe(10);
    // A new process (a restarted instance) starts with nothing in memory, yet the window is used up.
    expect(await workers(c.id, 3, 1)).toEqual([0]);
    const use = await getRateLimitUse('signin.start.tenant', { tenant: c });
    expect(use).toMatchObject({ limit: 10, allowed: false });
    expect(use.used).toBeGreaterThanOrEqual(10);
  }, 120_000);

  it('lets a tenant admin lower or raise their limit within the ceiling, never above it', async () => {
    const policy = getPolicy('signin.callback.tenant');
    await setTenantRateLimit({ tenantId: c.id, policy: policy.name, limit: policy.ceiling, actorUserId: null }, audit);
    expect(await getEffectiveLimit(policy.name, c.id)).toEqual({ limit: policy.ceiling, own: policy.ceiling });

    await expect(
      setTenantRateLimit({ tenantId: c.id, policy: policy.name, limit: policy.ceiling + 1, actorUserId: null }, audit),
    ).rejects.toBeInstanceOf(RateLimitSettingError);
    await expect(
      setTenantRateLimit({ tenantId: c.id, policy: 'signin.start.ip', limit: 1, actorUserId: null }, audit),
    ).rejects.toThrow(/operator only/);
    const row = await getDb().tenantRateLimit.findUnique({ where: { tenantId_policy: { tenantId: c.id, policy: policy.name } } });
    expect(row?.limit).toBe(policy.ceiling);

    await setTenantRateLimit({ tenantId: c.id, policy: policy.name, limit: null, actorUserId: null }, audit);
    expect(await getEffectiveLimit(policy.name, c.id)).toEqual({ limit: policy.limit, own: null });
    const changes = await getDb().auditEvent.findMany({ where: { tenantId: c.id, type: 'ratelimit.changed' }, orderBy: { id: 'asc' } });
    expect(changes.at(-1)?.details).toMatchObject({ policy: policy.name, before: policy.ceiling, after: null });
  });
});

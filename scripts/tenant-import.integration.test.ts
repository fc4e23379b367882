import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoStandInConfig } from '@/dev/okta-stand-in/demo';
import { startOktaStandIn, type StandIn } from '@/dev/okta-stand-in/index';
import { getDb } from '@/lib/db/client';
import { importTenants, mapBounded } from '@/lib/tenants/import-tenants';

const context = { actor: 'cli', requestId: 'import-test', operator: true }; // as `npm run tenant -- import` does
const prefix = `imp-${Date.now().toString(36)}`;

describe('tenant import', () => {
  let standIn: StandIn;
  let issuers: string[];

  beforeAll(async () => {
    standIn = await startOktaStandIn({ ...demoStandInConfig('http://localhost:3999', { acme: 0, globex: 0 }), controlApi: true });
    issuers = standIn.orgs.map((o) => o.issuer);
  });
  afterAll(async () => {
    await getDb().tenant.deleteMany({ where: { slug: { startsWith: prefix } } });
    await standIn.close();
  });

  const file = (count: number, extra: Record<string, unknown> = {}) => ({
    format: 'okta-oin-saas/tenants@1',
    tenants: Array.from({ length: count }, (_, i) => ({
      slug: `${prefix}-${i}`,
      displayName: `Import ${i}`,
      // The same issuer written three ways still names one issuer: one discovery.
      issuer: i % 2 ? issuers[1] : [issuers[0], `${issuers[0]}/`, `${issuers[0]}/.well-known/openid-configuration`][i % 3],
      clientId: `import-client-${i}`,
      clientSecret: `import-secret-${i}`,
      status: 'active',
      ...extra,
    })),
  });
  const discoveries = () =>
    Promise.all(issuers.map(async (issuer) => ((await (await fetch(`${issuer}/__stand-in/stats`)).json()) as { discovery: number }).discovery));

  it('creates every tenant, with one discovery per distinct issuer however many tenants share it', async () => {
    const before = await discoveries();
    const results = await importTenants(file(1_200), context, () => undefined);
    expect(results).toHaveLength(1_200);
    expect(results.every((r) => r.action === 'created')).toBe(true);
    expect((await discoveries()).map((n, i) => n - before[i]!)).toEqual([1, 1]);
    expect(await getDb().tenant.count({ where: { slug: { startsWith: prefix } } })).toBe(1_200);
    expect(await getDb().auditEvent.count({ where: { type: 'tenant.created', tenant: { slug: { startsWith: prefix } } } })).toBe(1_200);
  });

  it('updates what exists, again with one discovery per issuer', async () => {
    const before = await discoveries();
    const tail = file(1_201, { displayName: 'Renamed' });
    tail.tenants = tail.tenants.slice(1_180);
    const results = await importTenants(tail, context, () => undefined);
    expect(results.filter((r) => r.action === 'updated')).toHaveLength(20);
    expect(results.filter((r) => r.action === 'created')).toEqual([{ slug: `${prefix}-1200`, action: 'created' }]);
    expect((await discoveries()).map((n, i) => n - before[i]!)).toEqual([1, 1]);
    expect(await getDb().tenant.count({ where: { slug: { startsWith: prefix }, displayName: 'Renamed' } })).toBe(21);
  });

  it('refuses a file that names a slug twice, or a missing secret variable, before any discovery or write', async () => {
    const before = await discoveries();
    const twice = file(2);
    twice.tenants[1]!.slug = twice.tenants[0]!.slug.replace(prefix, `${prefix}x`);
    twice.tenants.push({ ...twice.tenants[0]! });
    await expect(importTenants(twice, context, () => undefined)).rejects.toThrow(/appears twice/);
    const missing = file(1, { clientSecret: undefined, clientSecretEnv: 'NOT_SET_ANYWHERE' });
    missing.tenants[0]!.slug = `${prefix}x-missing`;
    await expect(importTenants(missing, context, () => undefined)).rejects.toThrow(/NOT_SET_ANYWHERE is not set/);
    expect(await discoveries()).toEqual(before);
    expect(await getDb().tenant.count({ where: { slug: { startsWith: `${prefix}x` } } })).toBe(0);
  });

  it('stops at the first failing write, naming the tenant', async () => {
    const clash = file(1);
    clash.tenants[0]!.slug = `${prefix}x-clash`;
    clash.tenants[0]!.clientId = 'import-client-3'; // (issuer, client id) already belongs to tenant 3
    clash.tenants[0]!.issuer = issuers[1];
    await expect(importTenants(clash, context, () => undefined)).rejects.toThrow(new RegExp(`${prefix}x-clash: Another organization here already uses this Okta app`));
  });
});

describe('mapBounded', () => {
  it('keeps at most `limit` in flight, keeps order, and stops starting work after a failure', async () => {
    let inFlight = 0;
    let peak = 0;
    const started: number[] = [];
    const work = async (n: number) => {
      started.push(n);
      inFlight++;
      peak = Math.max(peak, inFlight);
      await new Promise((r) => setTimeout(r, 2));
      inFlight--;
      if (n === 5) throw new Error('five');
      return n * 2;
    };
    expect(await mapBounded([1, 2, 3, 4], 3, work)).toEqual([2, 4, 6, 8]);
    expect(peak).toBe(3);
    started.length = 0;
    await expect(mapBounded(Array.from({ length: 50 }, (_, i) => i), 3, work)).rejects.toThrow('five');
    expect(started.length).toBeLessThan(10);
  });
});

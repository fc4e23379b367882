/**
 * The per-instance tenant cache never weakens sign-in: a suspension or a connection change takes effect on
 * this instance at once, and — when another instance (or psql) writes — as soon as the `tenant_changed`
 * notification arrives; completions and the session check never read it; without a listening connection
 * nothing is answered from memory.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { establishSession } from '@/lib/auth/establish-session';
import { findTenantForLogin } from '@/lib/auth/find-tenant-for-login';
import { getSessionByToken } from '@/lib/auth/session-store';
import { ConsentRequired } from '@/lib/consent/consent-required';
import { startSignIn } from '@/lib/auth/start-sign-in';
import { cacheMetrics } from '@/lib/cache/lru-cache';
import { getDb } from '@/lib/db/client';
import type { IdTokenClaims } from '@/lib/oidc/verify-id-token';
import { createTenant } from './create-tenant';
import { getActiveProvenConnectionsForIssuer, getTenantById } from './get-tenant';
import type { Tenant } from './tenant';
import { getCachedProvenConnectionsForIssuer, getCachedTenantBySlug } from './tenant-cache';
import { updateTenant } from './update-tenant';

const suffix = randomUUID().slice(0, 8);
const operator = { actor: 'cli', requestId: 'it-cache', ip: '127.0.0.1', userAgent: 'vitest', operator: true };
const context = { requestId: 'it-cache', ip: '127.0.0.1', userAgent: 'vitest' };

const make = (name: string) =>
  createTenant(
    {
      slug: `${name}-${suffix}`, displayName: name, status: 'active', issuer: `https://${name}-${suffix}.okta.example`,
      clientId: `${name}-client`, clientSecret: `${name}-secret-value`, clientAuthMethod: 'client_secret_basic',
      scopes: ['openid'], emailDomains: [], loginInitiatedBy: 'either', tileLoginFlow: 'id_token',
    },
    operator,
  );

const hits = () => cacheMetrics().find((m) => m.name === 'tenants')?.hits ?? 0;

/** Waits (up to 5 s) until `check` holds: a notification travels through PostgreSQL asynchronously. */
async function eventually(check: () => Promise<boolean>): Promise<boolean> {
  for (let i = 0; i < 100; i++) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}

/** Looks `slug` up until the cache answers it (the notification connection may still be starting). */
async function warm(slug: string): Promise<Tenant> {
  expect(await eventually(async () => {
    const before = hits();
    await getCachedTenantBySlug(slug);
    return hits() > before;
  })).toBe(true);
  return (await getCachedTenantBySlug(slug))!;
}

const claims = (t: Tenant): IdTokenClaims => ({
  iss: t.issuer, sub: `u-${randomUUID()}`, aud: t.clientId, exp: Math.floor(Date.now() / 1000) + 600, iat: Math.floor(Date.now() / 1000),
});

/** What another app instance's write looks like to this one: a statement this process's writers never saw. */
const elsewhere = (sql: TemplateStringsArray, ...values: unknown[]) => getDb().$executeRaw(sql, ...values);

describe('tenant cache', () => {
  let t: Tenant;
  beforeAll(async () => {
    t = await make('cache');
  });
  afterAll(async () => {
    await getDb().tenant.deleteMany({ where: { slug: { contains: suffix } } });
  });

  it('answers repeated sign-in starts from memory', async () => {
    const cached = await warm(t.slug);
    expect(cached.id).toBe(t.id);
    const before = hits();
    expect((await findTenantForLogin(t.slug, context)).tenant.id).toBe(t.id);
    expect(hits()).toBe(before + 1);
  });

  it('a suspension on this instance refuses the very next sign-in start', async () => {
    const s = await make('cache-susp');
    await warm(s.slug);
    await updateTenant(s.slug, { status: 'suspended' }, operator);
    const { tenant } = await findTenantForLogin(s.slug, context);
    expect(tenant.status).toBe('suspended');
    await expect(startSignIn({ tenant, flow: 'sp', context })).rejects.toMatchObject({ code: 'tenant_not_active' });
  });

  it('a suspension by another instance: completions refuse at once, starts as soon as the notification arrives', async () => {
    const s = await make('cache-remote');
    const session = await establishSession({ tenant: s, claims: claims(s), idToken: `t.${randomUUID()}`, flow: 'sp', returnTo: null, context });
    await warm(s.slug);
    await elsewhere`UPDATE "Tenant" SET "status" = 'suspended' WHERE "id" = ${s.id}::uuid`;

    // Whatever the cache still says, nothing that makes or keeps a session reads it.
    expect(await getSessionByToken(session.token)).toBeNull();
    const fresh = (await getTenantById(s.id))!; // the code callback's lookup
    await expect(establishSession({ tenant: fresh, claims: claims(fresh), idToken: `t.${randomUUID()}`, flow: 'sp', returnTo: null, context }))
      .rejects.toMatchObject({ code: 'tenant_not_active' });
    expect(await getActiveProvenConnectionsForIssuer(s.issuer, { clientIds: [s.clientId] })).toEqual([]); // the Okta Simplified POST's

    expect(await eventually(async () => (await getCachedTenantBySlug(s.slug))?.status === 'suspended')).toBe(true);
  });

  it('consent switched on by another instance: the next completion asks for it, and the cached tenant hears of it', async () => {
    const s = await make('cache-consent');
    await warm(s.slug);
    await elsewhere`INSERT INTO "ConsentPolicy" ("tenantId", "required", "logoUrl", "updatedAt") VALUES (${s.id}::uuid, true, 'https://logo.example/acme.png', now())`;
    await elsewhere`INSERT INTO "ConsentVersion" ("id", "tenantId", "version", "title", "bodyMarkdown", "scopes", "requireReconsent", "publishedBy")
      VALUES (${randomUUID()}::uuid, ${s.id}::uuid, 1, 'Terms', 'Agree?', ARRAY['openid'], false, 'psql')`;

    // The completion reads the tenant fresh, flag included, and refuses a session without a grant.
    const fresh = (await getTenantById(s.id))!;
    expect(fresh.consentRequired).toBe(true);
    await expect(establishSession({ tenant: fresh, claims: claims(fresh), idToken: `t.${randomUUID()}`, flow: 'sp', returnTo: null, context }))
      .rejects.toBeInstanceOf(ConsentRequired);
    expect(await getDb().session.count({ where: { tenantId: s.id } })).toBe(0);

    expect(await eventually(async () => (await getCachedTenantBySlug(s.slug))?.logo.url === 'https://logo.example/acme.png')).toBe(true);
    expect((await getCachedTenantBySlug(s.slug))!.consentRequired).toBe(true);
  });

  it('a connection no test sign-in proved never answers for its issuer, cached or not', async () => {
    const c = await make('cache-conn');
    const byIssuer = (issuer: string) => getCachedProvenConnectionsForIssuer(issuer, { slug: c.slug });
    expect(await eventually(async () => {
      const before = hits();
      const found = await byIssuer(c.issuer);
      return found.length === 1 && hits() > before;
    })).toBe(true);

    // Another instance moves the tenant to an issuer nobody proved.
    const unproven = `https://unproven-${suffix}.okta.example`;
    await elsewhere`UPDATE "Tenant" SET "issuer" = ${unproven}, "provenIssuer" = NULL, "provenClientId" = NULL WHERE "id" = ${c.id}::uuid`;
    expect(await byIssuer(unproven)).toEqual([]);
    expect(await getActiveProvenConnectionsForIssuer(unproven, { clientIds: [c.clientId] })).toEqual([]);
    expect(await eventually(async () => (await byIssuer(c.issuer)).length === 0)).toBe(true);
  });

  it('answers from the database while its notification connection is down, and caches again once it is back', async () => {
    const d = await make('cache-down');
    await warm(d.slug);
    const killed = await getDb().$queryRaw<{ ok: boolean }[]>`
      SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity
      WHERE datname = current_database() AND query = 'LISTEN tenant_changed' AND pid <> pg_backend_pid()`;
    expect(killed.length).toBeGreaterThan(0);
    // The lost connection is noticed (the cache stops answering), then a write no notification announces is seen at once.
    expect(await eventually(async () => {
      const before = hits();
      await getCachedTenantBySlug(d.slug);
      return hits() === before;
    })).toBe(true);
    await elsewhere`UPDATE "Tenant" SET "displayName" = 'renamed while deaf' WHERE "id" = ${d.id}::uuid`;
    expect((await getCachedTenantBySlug(d.slug))?.displayName).toBe('renamed while deaf');
    // Reconnected (after about a second): cached again.
    expect((await warm(d.slug)).displayName).toBe('renamed while deaf');
  });
});

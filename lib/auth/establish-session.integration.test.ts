import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db/client';
import type { IdTokenClaims } from '@/lib/oidc/verify-id-token';
import { createTenant } from '@/lib/tenants/create-tenant';
import type { Tenant } from '@/lib/tenants/tenant';
import { establishSession } from './establish-session';
import { purgeUsedIdTokens } from './purge-used-id-tokens';
import { deleteSessionByToken, getSessionByToken } from './session-store';

const context = { requestId: 'it-establish', ip: '127.0.0.1', userAgent: 'vitest' };
const suffix = randomUUID().slice(0, 8);

async function tenant(slug: string, issuer: string, status: 'active' | 'draft' = 'active'): Promise<Tenant> {
  return createTenant(
    {
      slug: `${slug}-${suffix}`, displayName: slug, status, issuer, clientId: `${slug}-client`, clientSecret: `${slug}-secret-value`,
      clientAuthMethod: 'client_secret_basic', scopes: ['openid', 'profile', 'email'], emailDomains: [],
      loginInitiatedBy: 'app_only', tileLoginFlow: 'redirect',
    },
    { actor: 'test', requestId: 'it' },
  );
}

const claims = (t: Tenant, extra: Partial<IdTokenClaims> = {}): IdTokenClaims => ({
  iss: t.issuer, sub: '00u-same-sub', aud: t.clientId, exp: Math.floor(Date.now() / 1000) + 3600,
  iat: Math.floor(Date.now() / 1000), email: 'pat@shared.test', name: 'Pat', ...extra,
});

describe('establishSession on PostgreSQL', () => {
  let a: Tenant;
  let b: Tenant;
  beforeAll(async () => {
    a = await tenant('org-a', `https://a-${suffix}.okta.example`);
    b = await tenant('org-b', `https://b-${suffix}.okta.example`);
  });
  afterAll(async () => {
    await getDb().tenant.deleteMany({ where: { id: { in: [a.id, b.id] } } });
  });

  it('gives two users when two IdPs assert the same sub and email', async () => {
    const sa = await establishSession({ tenant: a, claims: claims(a), idToken: 'x.y.z', flow: 'sp', returnTo: null, context });
    const sb = await establishSession({ tenant: b, claims: claims(b), idToken: 'x.y.z', flow: 'sp', returnTo: null, context });
    expect(sa.userId).not.toBe(sb.userId);
    const users = await getDb().user.findMany({ where: { sub: '00u-same-sub', tenantId: { in: [a.id, b.id] } } });
    expect(users).toHaveLength(2);
    expect((await getSessionByToken(sa.token))?.tenant.id).toBe(a.id);
    expect((await getSessionByToken(sb.token))?.tenant.id).toBe(b.id);
    expect(sa.landing).toBe(`/t/${a.slug}`);
  });

  it('signs the same person in again as the same user', async () => {
    const first = await establishSession({ tenant: a, claims: claims(a), idToken: 'x.y.first', flow: 'sp', returnTo: null, context });
    const again = await establishSession({ tenant: a, claims: claims(a, { name: 'Pat Renamed' }), idToken: 'x.y.again', flow: 'sp', returnTo: '/t/x', context });
    expect(again.userId).toBe(first.userId);
    expect(again.landing).toBe('/t/x');
    expect((await getDb().user.findUniqueOrThrow({ where: { id: first.userId } })).name).toBe('Pat Renamed');
  });

  it('accepts an ID token once, whatever the flow, and writes nothing on the replay', async () => {
    const jti = `ID.${randomUUID()}`;
    // First seen in the code flow (SP-initiated), then POSTed again as if Okta Simplified had sent it.
    await establishSession({ tenant: a, claims: claims(a, { sub: 'jti-user', jti }), idToken: 't1', flow: 'sp', returnTo: null, context });
    const sessions = await getDb().session.count();
    for (const flow of ['okta_id_token', 'okta_redirect', 'sp'] as const) {
      await expect(
        establishSession({ tenant: a, claims: claims(a, { sub: 'jti-user', jti }), idToken: 't1', flow, returnTo: null, context }),
      ).rejects.toMatchObject({ code: 'replayed_token' });
    }
    expect(await getDb().session.count()).toBe(sessions);
  });

  it('keeps a used token refused until its exp plus the clock skew; the background purge takes only rows past that', async () => {
    const skew = 60; // CLOCK_SKEW_SECONDS's default, which the test environment keeps
    const now = Math.floor(Date.now() / 1000);
    const jti = `ID.${randomUUID()}`;
    // Expired a moment ago: `exp` plus skew still lets the token through, so its row must stay.
    await establishSession({ tenant: a, claims: claims(a, { sub: 'purge-user', jti, exp: now - 5 }), idToken: 'p1', flow: 'okta_id_token', returnTo: null, context });
    const old = { issuer: a.issuer, jti: `ID.old-${randomUUID()}`, expiresAt: new Date((now - 3 * skew) * 1000) };
    await getDb().usedIdToken.create({ data: old });
    // Establishing a session no longer purges on its path: the old row is still there afterwards.
    expect(await getDb().usedIdToken.count({ where: { issuer: a.issuer, jti: old.jti } })).toBe(1);

    await purgeUsedIdTokens();
    expect(await getDb().usedIdToken.count({ where: { issuer: a.issuer, jti: old.jti } })).toBe(0);
    expect(await getDb().usedIdToken.count({ where: { issuer: a.issuer, jti } })).toBe(1);
    await expect(
      establishSession({ tenant: a, claims: claims(a, { sub: 'purge-user', jti, exp: now - 5 }), idToken: 'p1', flow: 'sp', returnTo: null, context }),
    ).rejects.toMatchObject({ code: 'replayed_token' });
  });

  it('keys a token without jti by its hash: the same token is refused, another one is not', async () => {
    const c = claims(a, { sub: 'no-jti-user' });
    await establishSession({ tenant: a, claims: c, idToken: `h.p.${suffix}-1`, flow: 'sp', returnTo: null, context });
    await expect(establishSession({ tenant: a, claims: c, idToken: `h.p.${suffix}-1`, flow: 'sp', returnTo: null, context }))
      .rejects.toMatchObject({ code: 'replayed_token' });
    await establishSession({ tenant: a, claims: c, idToken: `h.p.${suffix}-2`, flow: 'sp', returnTo: null, context });
    const keys = await getDb().usedIdToken.findMany({ where: { issuer: a.issuer, jti: { startsWith: 'token-sha256:' } } });
    expect(keys.length).toBeGreaterThanOrEqual(2);
    expect(keys.every((k) => !k.jti.includes(suffix))).toBe(true);
  });

  it('keeps the ID token for the logout hint sealed at rest, and hands it back only at sign-out', async () => {
    const idToken = `eyJ.secret-token-${suffix}.sig`;
    const session = await establishSession({ tenant: a, claims: claims(a, { sub: 'sealed-user' }), idToken, flow: 'sp', returnTo: null, context });
    const raw = await getDb().$queryRaw<{ cipher: string }[]>`SELECT "idTokenCipher" AS cipher FROM "Session" WHERE "userId" = ${session.userId}::uuid`;
    expect(raw[0]!.cipher).toMatch(/^v1\./);
    expect(raw[0]!.cipher).not.toContain('secret-token');
    const ended = await deleteSessionByToken(session.token);
    expect(ended?.idToken).toBe(idToken);
  });

  it('refuses a tenant that is not active and writes no user or session', async () => {
    const draft = await tenant('draft', `https://d-${suffix}.okta.example`, 'draft');
    await expect(
      establishSession({ tenant: draft, claims: claims(draft), idToken: 't', flow: 'sp', returnTo: null, context }),
    ).rejects.toMatchObject({ code: 'tenant_not_active' });
    expect(await getDb().user.count({ where: { tenantId: draft.id } })).toBe(0);
    await getDb().tenant.delete({ where: { id: draft.id } });
  });

  it('stores client secrets as ciphertext only', async () => {
    const row = await getDb().tenant.findUniqueOrThrow({ where: { id: a.id } });
    expect(row.clientSecretCipher).toMatch(/^v1\./);
    expect(row.clientSecretCipher).not.toContain('org-a-secret-value');
    const raw = await getDb().$queryRaw<{ secret: string }[]>`SELECT "clientSecretCipher" AS secret FROM "Tenant" WHERE id = ${a.id}::uuid`;
    expect(raw[0]!.secret).not.toContain('org-a-secret-value');
  });
});

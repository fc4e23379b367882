import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { establishSession } from '@/lib/auth/establish-session';
import { getSessionByToken } from '@/lib/auth/session-store';
import { getDb } from '@/lib/db/client';
import { createTenant } from '@/lib/tenants/create-tenant';
import type { Tenant } from '@/lib/tenants/tenant';
import { endUserSessions } from './end-user-sessions';
import { findLogoutTenantsByIssuer } from './find-logout-tenants';

const context = { requestId: 'it-universal-logout', ip: '127.0.0.1', userAgent: 'vitest' };
const suffix = randomUUID().slice(0, 8);
const ORG_A = `https://a-${suffix}.okta.example`;
const ORG_B = `https://b-${suffix}.okta.example`;

async function tenant(slug: string, issuer: string, status: 'active' | 'suspended' = 'active'): Promise<Tenant> {
  return createTenant(
    {
      slug: `${slug}-${suffix}`, displayName: slug, status, issuer, clientId: `${slug}-client`, clientSecret: `${slug}-secret-value`,
      clientAuthMethod: 'client_secret_basic', scopes: ['openid', 'profile', 'email'], emailDomains: [],
      loginInitiatedBy: 'app_only', tileLoginFlow: 'redirect',
    },
    { actor: 'test', requestId: 'it', operator: true }, // the operator's word: the connection counts as proven
  );
}

async function signIn(t: Tenant, sub: string, email: string) {
  const now = Math.floor(Date.now() / 1000);
  const claims = { iss: t.issuer, sub, aud: t.clientId, exp: now + 3600, iat: now, email, name: sub };
  return (await establishSession({ tenant: t, claims, idToken: `x.${randomUUID()}.z`, flow: 'sp', returnTo: null, context })).token;
}

const jti = () => randomUUID();
const expiresAt = () => new Date(Date.now() + 300_000);

describe('Universal Logout on PostgreSQL', () => {
  let a: Tenant;
  let a2: Tenant;
  let b: Tenant;
  let suspended: Tenant;
  beforeAll(async () => {
    a = await tenant('ul-a', ORG_A);
    a2 = await tenant('ul-a2', ORG_A);
    b = await tenant('ul-b', ORG_B);
    suspended = await tenant('ul-s', ORG_A, 'suspended');
  });
  afterAll(async () => {
    await getDb().tenant.deleteMany({ where: { id: { in: [a.id, a2.id, b.id, suspended.id] } } });
  });

  it('finds only the active tenants of the issuer', async () => {
    expect((await findLogoutTenantsByIssuer(ORG_A)).map((t) => t.id).sort()).toEqual([a.id, a2.id].sort());
    expect(await findLogoutTenantsByIssuer(`${ORG_A}/`)).toEqual([]);
  });

  it('iss_sub ends every session of that user in the tenant, and nobody else\'s', async () => {
    const s1 = await signIn(a, '00u-ada', 'ada@a.test');
    const s2 = await signIn(a, '00u-ada', 'ada@a.test');
    const other = await signIn(a, '00u-bea', 'bea@a.test');
    const sameSubElsewhere = await signIn(b, '00u-ada', 'ada@a.test');
    const result = await endUserSessions(
      { tenants: [a], issuer: ORG_A, jti: jti(), expiresAt: expiresAt(), subject: { format: 'iss_sub', iss: ORG_A, sub: '00u-ada' } },
      context,
    );
    expect(result).toEqual({ outcome: 'done', users: 1, sessionsEnded: 2 });
    expect(await getSessionByToken(s1)).toBeNull();
    expect(await getSessionByToken(s2)).toBeNull();
    expect(await getSessionByToken(other)).not.toBeNull();
    expect(await getSessionByToken(sameSubElsewhere)).not.toBeNull();
    const events = await getDb().auditEvent.findMany({ where: { tenantId: a.id, type: 'logout.universal' } });
    expect(events).toHaveLength(1);
  });

  it('email matches the stored email, case-insensitively, only in the given tenants and only for users of that issuer', async () => {
    const inA = await signIn(a, '00u-cy', 'Cy@Shared.test');
    const inA2 = await signIn(a2, '00u-cy2', 'cy@shared.test');
    const inB = await signIn(b, '00u-cy', 'cy@shared.test');
    const result = await endUserSessions(
      { tenants: [a], issuer: ORG_A, jti: jti(), expiresAt: expiresAt(), subject: { format: 'email', email: 'cy@shared.test' } },
      context,
    );
    expect(result).toMatchObject({ outcome: 'done', users: 1 });
    expect(await getSessionByToken(inA)).toBeNull();
    expect(await getSessionByToken(inA2)).not.toBeNull();
    expect(await getSessionByToken(inB)).not.toBeNull();

    // The same email asked of tenant b with org A's issuer: b's users come from org B, so nobody matches.
    const foreign = await endUserSessions(
      { tenants: [b], issuer: ORG_A, jti: jti(), expiresAt: expiresAt(), subject: { format: 'email', email: 'cy@shared.test' } },
      context,
    );
    expect(foreign).toEqual({ outcome: 'unknown_user' });
    expect(await getSessionByToken(inB)).not.toBeNull();
  });

  it('acts on a jti once, even after an unknown user', async () => {
    const id = jti();
    const input = { tenants: [a], issuer: ORG_A, jti: id, expiresAt: expiresAt(), subject: { format: 'email' as const, email: 'nobody@a.test' } };
    expect(await endUserSessions(input, context)).toEqual({ outcome: 'unknown_user' });
    expect(await endUserSessions(input, context)).toEqual({ outcome: 'replayed' });
    // The same jti from another issuer is another token.
    expect(await endUserSessions({ ...input, tenants: [b], issuer: ORG_B }, context)).toEqual({ outcome: 'unknown_user' });
  });
});

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { establishSession } from '@/lib/auth/establish-session';
import { getSessionByToken } from '@/lib/auth/session-store';
import { getDb } from '@/lib/db/client';
import { createTenant } from '@/lib/tenants/create-tenant';
import type { Tenant } from '@/lib/tenants/tenant';
import { registerReviewer, removeReviewer } from './register-reviewer';

const context = { requestId: 'it-reviewer', ip: '127.0.0.1', userAgent: 'vitest' };
const suffix = randomUUID().slice(0, 8);

async function tenant(slug: string, issuer: string): Promise<Tenant> {
  return createTenant(
    {
      slug: `${slug}-${suffix}`, displayName: slug, status: 'active', issuer, clientId: `${slug}-client`, clientSecret: `${slug}-secret-value`,
      clientAuthMethod: 'client_secret_basic', scopes: ['openid', 'profile', 'email'], emailDomains: [],
      loginInitiatedBy: 'app_only', tileLoginFlow: 'redirect',
    },
    { actor: 'test', requestId: 'it' },
  );
}

async function signIn(t: Tenant, sub: string, email: string) {
  const now = Math.floor(Date.now() / 1000);
  const claims = { iss: t.issuer, sub, aud: t.clientId, exp: now + 3600, iat: now, email, name: sub };
  return (await establishSession({ tenant: t, claims, idToken: `x.${randomUUID()}.z`, flow: 'sp', returnTo: null, context })).token;
}

describe('reviewer account on PostgreSQL', () => {
  let t: Tenant;
  beforeAll(async () => {
    t = await tenant('review', `https://review-${suffix}.okta.example`);
  });
  afterAll(async () => {
    await getDb().tenant.deleteMany({ where: { id: t.id } });
  });

  it('is an admin before the first sign-in, found by (tenant, iss, sub) when it comes, and removable', async () => {
    const ctx = { ...context, actor: 'test' };
    const registered = await registerReviewer({ slug: t.slug, sub: '00u-isvtest', email: 'isvtest@okta.com' }, ctx);
    expect(registered).toMatchObject({ created: true, issuer: t.issuer });
    const token = await signIn(t, '00u-isvtest', 'isvtest@okta.com');
    const session = await getSessionByToken(token);
    expect(session?.user).toMatchObject({ id: registered.userId, role: 'admin', status: 'active' });

    // Someone else with the reviewer's email is not the reviewer: email never finds a user.
    const impostor = await getSessionByToken(await signIn(t, '00u-other', 'isvtest@okta.com'));
    expect(impostor?.user).toMatchObject({ role: 'member' });
    expect(impostor?.user.id).not.toBe(registered.userId);

    expect(await removeReviewer({ slug: t.slug, sub: '00u-isvtest' }, ctx)).toEqual({ sessionsEnded: 1 });
    expect(await getSessionByToken(token)).toBeNull();
    await expect(registerReviewer({ slug: t.slug, sub: 'has spaces' }, ctx)).rejects.toThrow(/Okta user id/);
    await expect(registerReviewer({ slug: 'no-such-tenant-x', sub: '00u1' }, ctx)).rejects.toThrow(/No tenant/);
  });
});

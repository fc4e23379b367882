/**
 * Suspension ends a tenant's sessions at once and they stay dead after reactivation; unknown, draft and
 * suspended tenants look alike on public pages, and each such lookup counts against `signin.unknown.ip`.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { establishSession } from '@/lib/auth/establish-session';
import { getSessionByToken } from '@/lib/auth/session-store';
import { getDb } from '@/lib/db/client';
import type { IdTokenClaims } from '@/lib/oidc/verify-id-token';
import { getRateLimitUse } from '@/lib/rate-limit/consume';
import { createTenant } from './create-tenant';
import { findPublicTenant } from './find-public-tenant';
import type { Tenant } from './tenant';
import { updateTenant } from './update-tenant';

const suffix = randomUUID().slice(0, 8);
const ctx = { actor: 'cli', requestId: 'it-status', ip: '127.0.0.1', userAgent: 'vitest' };
const base = {
  issuer: `https://status-${suffix}.okta.example`, clientAuthMethod: 'client_secret_basic' as const, clientSecret: 'status-secret-1',
  scopes: ['openid' as const], emailDomains: [], loginInitiatedBy: 'app_only' as const, tileLoginFlow: 'redirect' as const,
};
let active: Tenant;
let draft: Tenant;

const claims = (t: Tenant, sub: string): IdTokenClaims => ({
  iss: t.issuer, sub, aud: t.clientId, exp: Math.floor(Date.now() / 1000) + 3600, iat: Math.floor(Date.now() / 1000),
});
const signIn = async (t: Tenant, sub: string) =>
  (await establishSession({ tenant: t, claims: claims(t, sub), idToken: `t.${randomUUID()}`, flow: 'sp', returnTo: null, context: ctx })).token;

beforeAll(async () => {
  active = await createTenant({ ...base, slug: `st-a-${suffix}`, displayName: 'Status Active', status: 'active', clientId: 'st-a' }, ctx);
  draft = await createTenant({ ...base, slug: `st-d-${suffix}`, displayName: 'Secret Draft Name', status: 'draft', clientId: 'st-d' }, ctx);
});
afterAll(async () => {
  await getDb().tenant.deleteMany({ where: { slug: { contains: suffix } } });
});

describe('suspension', () => {
  it('ends every session of the tenant at once, and they stay dead after reactivation', async () => {
    const tokens = [await signIn(active, 'u1'), await signIn(active, 'u2')];
    for (const token of tokens) expect(await getSessionByToken(token)).not.toBeNull();

    await updateTenant(active.slug, { status: 'suspended' }, ctx);
    expect(await getDb().session.count({ where: { tenantId: active.id } })).toBe(0);
    const event = await getDb().auditEvent.findFirst({ where: { tenantId: active.id, type: 'tenant.updated' }, orderBy: { id: 'desc' } });
    expect(event?.details).toMatchObject({ sessionsEnded: 2, before: { status: 'active' }, after: { status: 'suspended' } });

    await updateTenant(active.slug, { status: 'active' }, ctx);
    for (const token of tokens) expect(await getSessionByToken(token)).toBeNull();
    // A fresh sign-in works again.
    expect(await getSessionByToken(await signIn({ ...active, status: 'active' }, 'u1'))).not.toBeNull();
  });

  it('other changes of an active tenant leave its sessions alone', async () => {
    const token = await signIn(active, 'u3');
    await updateTenant(active.slug, { displayName: 'Status Active renamed' }, ctx);
    expect(await getSessionByToken(token)).not.toBeNull();
  });
});

describe('public tenant pages', () => {
  it('answers unknown, draft and suspended alike, counting each against signin.unknown.ip; active tenants are found', async () => {
    const suspended = await createTenant({ ...base, slug: `st-s-${suffix}`, displayName: 'Suspended Co', status: 'suspended', clientId: 'st-s' }, ctx);
    const ip = `127.0.${Math.floor(Math.random() * 200) + 10}.${Math.floor(Math.random() * 200) + 10}`;
    const context = { requestId: 'it-public', ip, userAgent: 'vitest' };
    const used = async () => (await getRateLimitUse('signin.unknown.ip', { ip })).used;

    expect((await findPublicTenant(active.slug, context))?.id).toBe(active.id);
    expect(await used()).toBe(0);
    for (const slug of [`nobody-${suffix}`, draft.slug, suspended.slug]) expect(await findPublicTenant(slug, context)).toBeNull();
    expect(await used()).toBe(3);

    for (let i = 0; i < 27; i++) await findPublicTenant(`nobody-${i}-${suffix}`, context);
    // Over the limit: even an active tenant is "not found" for this address.
    expect(await findPublicTenant(active.slug, context)).toBeNull();
    expect((await findPublicTenant(active.slug, { ...context, ip: '127.0.0.2' }))?.id).toBe(active.id);
  });
});

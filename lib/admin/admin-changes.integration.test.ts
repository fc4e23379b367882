/**
 * Every configuration change an admin (or the wizard) can make writes exactly one audit event with
 * before/after, and no secret or private key ever lands in an event. Plus the rules of user administration,
 * credential rotation order, invitations, and the wizard's draft-only test sign-in.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { establishSession } from '@/lib/auth/establish-session';
import { getDb } from '@/lib/db/client';
import { claimInvitation, lookUpInvitation } from '@/lib/invitations/claim-invitation';
import { createInvitation } from '@/lib/invitations/create-invitation';
import { revokeInvitation } from '@/lib/invitations/manage-invitations';
import type { IdTokenClaims } from '@/lib/oidc/verify-id-token';
import { getOnboarding } from '@/lib/onboarding/onboarding-state';
import { createTenant } from '@/lib/tenants/create-tenant';
import { getClientCredentialsList } from '@/lib/tenants/get-client-credentials';
import {
  activateNextKey, addNextKey, addNextSecret, discardNextKey, discardNextSecret, promoteNextSecret,
} from '@/lib/tenants/rotate-client-credentials';
import type { Tenant } from '@/lib/tenants/tenant';
import { getPublicJwks } from '@/lib/tenants/tenant-keys';
import { updateTenant } from '@/lib/tenants/update-tenant';
import { changeUser } from './manage-users';

const suffix = randomUUID().slice(0, 8);
const SECRET = `first-secret-${suffix}`;
const NEXT = `second-secret-${suffix}`;
const ctx = (actorUserId: string | null = null) => ({ actor: 'test', actorUserId, requestId: 'it-admin', ip: '127.0.0.1', userAgent: 'vitest' });
const base = {
  displayName: 'Admin IT', issuer: `https://admin-${suffix}.okta.example`, scopes: ['openid', 'profile', 'email'] as ('openid' | 'profile' | 'email')[],
  emailDomains: [], loginInitiatedBy: 'app_only' as const, tileLoginFlow: 'redirect' as const,
};

let secretTenant: Tenant;
let keyTenant: Tenant;

async function events(tenantId: string) {
  return getDb().auditEvent.findMany({ where: { tenantId }, orderBy: { id: 'asc' } });
}

/** Runs `change` and returns the one audit event it wrote (fails on zero or several). */
async function oneEvent(tenantId: string, change: () => Promise<unknown>) {
  const before = (await events(tenantId)).length;
  await change();
  const after = await events(tenantId);
  expect(after.length - before).toBe(1);
  const event = after.at(-1)!;
  const text = JSON.stringify(event.details);
  expect(text).not.toContain(SECRET);
  expect(text).not.toContain(NEXT);
  expect(text).not.toMatch(/PRIVATE KEY|"d":/);
  return event;
}

const claims = (t: Tenant, sub: string): IdTokenClaims => ({
  jti: `ID.${randomUUID()}`, iss: t.issuer, sub, aud: t.clientId, exp: Math.floor(Date.now() / 1000) + 3600, iat: Math.floor(Date.now() / 1000), email: `${sub}@x.test`, name: sub,
});

beforeAll(async () => {
  secretTenant = await createTenant({ ...base, slug: `adm-s-${suffix}`, status: 'active', clientId: 'secret-client', clientSecret: SECRET, clientAuthMethod: 'client_secret_basic' }, ctx());
  keyTenant = await createTenant({ ...base, slug: `adm-k-${suffix}`, status: 'active', clientId: 'key-client', clientAuthMethod: 'private_key_jwt' }, ctx());
});
afterAll(async () => {
  await getDb().tenant.deleteMany({ where: { slug: { contains: suffix } } });
});

describe('configuration changes: exactly one audit event each, with before/after, secrets redacted', () => {
  it.each([
    ['connection settings', () => updateTenant(secretTenant.slug, { scopes: ['openid', 'email'], loginInitiatedBy: 'either', tileLoginFlow: 'id_token' }, ctx()), 'tenant.updated'],
    ['email domains', () => updateTenant(secretTenant.slug, { emailDomains: [`d-${suffix}.example`] }, ctx()), 'tenant.updated'],
    ['a new secret', () => addNextSecret(secretTenant.slug, NEXT, ctx()), 'tenant.secret_added'],
    ['finishing the rotation', () => promoteNextSecret(secretTenant.slug, ctx()), 'tenant.secret_promoted'],
    ['another new secret', () => addNextSecret(secretTenant.slug, SECRET, ctx()), 'tenant.secret_added'],
    ['discarding it', () => discardNextSecret(secretTenant.slug, ctx()), 'tenant.secret_discarded'],
  ])('%s', async (_name, change, type) => {
    const event = await oneEvent(secretTenant.id, change);
    expect(event.type).toBe(type);
    expect(event.details).toHaveProperty('before');
    expect(event.details).toHaveProperty('after');
    expect(event.actorUserId).toBeNull();
    expect(event.ip).toBe('127.0.0.1');
  });

  it('records what changed in before/after', async () => {
    const event = await oneEvent(secretTenant.id, () => updateTenant(secretTenant.slug, { displayName: 'Renamed' }, ctx()));
    expect(event.details).toMatchObject({ before: { displayName: 'Admin IT' }, after: { displayName: 'Renamed' } });
    const added = await oneEvent(secretTenant.id, () => addNextSecret(secretTenant.slug, NEXT, ctx()));
    expect(added.details).toMatchObject({ before: { credentials: ['current client secret'] }, after: { credentials: ['current client secret', 'new client secret'] } });
    await discardNextSecret(secretTenant.slug, ctx());
  });

  it.each([
    ['a new key', () => addNextKey(keyTenant.slug, ctx()), 'tenant.key_added'],
    ['activating it', () => activateNextKey(keyTenant.slug, ctx()), 'tenant.key_activated'],
    ['another new key', () => addNextKey(keyTenant.slug, ctx()), 'tenant.key_added'],
    ['discarding it', () => discardNextKey(keyTenant.slug, ctx()), 'tenant.key_discarded'],
  ])('keys: %s', async (_name, change, type) => {
    const event = await oneEvent(keyTenant.id, change);
    expect(event.type).toBe(type);
    expect(event.details).toHaveProperty('before.credentials');
  });

  it('refuses a step with nothing to do, writing nothing', async () => {
    const before = (await events(keyTenant.id)).length;
    await expect(activateNextKey(keyTenant.slug, ctx())).rejects.toMatchObject({ code: 'invalid' });
    await expect(promoteNextSecret(secretTenant.slug, ctx())).rejects.toMatchObject({ code: 'invalid' });
    expect((await events(keyTenant.id)).length).toBe(before);
  });
});

describe('client credentials during a rotation', () => {
  it('tries the current secret first, then the new one', async () => {
    const secrets = async () => (await getClientCredentialsList(secretTenant.id)).map((c) => ('clientSecret' in c ? c.clientSecret : null));
    const [current] = await secrets();
    const fresh = current === SECRET ? NEXT : SECRET;
    await addNextSecret(secretTenant.slug, fresh, ctx());
    expect(await secrets()).toEqual([current, fresh]);
    await promoteNextSecret(secretTenant.slug, ctx());
    expect(await secrets()).toEqual([fresh]);
  });

  it('signs with the active key, then the next; the JWKS has public keys only', async () => {
    await addNextKey(keyTenant.slug, ctx());
    const list = await getClientCredentialsList(keyTenant.id);
    const jwks = await getPublicJwks(keyTenant.id);
    expect(list).toHaveLength(2);
    expect(jwks.keys.map((k) => k.kid)).toEqual(list.map((c) => ('kid' in c ? c.kid : null)));
    for (const key of jwks.keys) expect(Object.keys(key).sort()).toEqual(['alg', 'e', 'kid', 'kty', 'n', 'use']);
    const row = await getDb().tenantKey.findFirstOrThrow({ where: { tenantId: keyTenant.id } });
    expect(row.privateKeyCipher).toMatch(/^v1\./);
    await discardNextKey(keyTenant.slug, ctx());
  });
});

describe('user administration', () => {
  it('deactivates, reactivates, grants and revokes with one event each; the last admin stays', async () => {
    const a = await establishSession({ tenant: secretTenant, claims: claims(secretTenant, 'admin-a'), idToken: 't', flow: 'sp', returnTo: null, context: ctx() });
    const b = await establishSession({ tenant: secretTenant, claims: claims(secretTenant, 'member-b'), idToken: 't', flow: 'sp', returnTo: null, context: ctx() });
    await getDb().user.update({ where: { id: a.userId }, data: { role: 'admin' } });

    await expect(changeUser(secretTenant.id, a.userId, { role: 'member' }, ctx(a.userId))).rejects.toThrow(/last administrator/);
    await expect(changeUser(secretTenant.id, a.userId, { status: 'deactivated' }, ctx(a.userId))).rejects.toThrow(/last administrator/);

    const e1 = await oneEvent(secretTenant.id, () => changeUser(secretTenant.id, b.userId, { status: 'deactivated' }, ctx(a.userId)));
    expect(e1).toMatchObject({ type: 'user.deactivated', actorUserId: a.userId, details: { before: { status: 'active' }, after: { status: 'deactivated' } } });
    expect(await getDb().session.count({ where: { userId: b.userId } })).toBe(0);
    await expect(establishSession({ tenant: secretTenant, claims: claims(secretTenant, 'member-b'), idToken: 't', flow: 'sp', returnTo: null, context: ctx() }))
      .rejects.toMatchObject({ code: 'user_deactivated' });

    expect((await oneEvent(secretTenant.id, () => changeUser(secretTenant.id, b.userId, { status: 'active' }, ctx(a.userId)))).type).toBe('user.reactivated');
    expect((await oneEvent(secretTenant.id, () => changeUser(secretTenant.id, b.userId, { role: 'admin' }, ctx(a.userId)))).type).toBe('admin.granted');
    expect((await oneEvent(secretTenant.id, () => changeUser(secretTenant.id, a.userId, { role: 'member' }, ctx(a.userId)))).type).toBe('admin.revoked');
  });

  it("cannot touch another tenant's user", async () => {
    const other = await establishSession({ tenant: keyTenant, claims: claims(keyTenant, 'outsider'), idToken: 't', flow: 'sp', returnTo: null, context: ctx() }).catch(() => null);
    const user = await getDb().user.findFirst({ where: { tenantId: keyTenant.id } });
    expect(other === null || user !== null).toBe(true);
    if (user) await expect(changeUser(secretTenant.id, user.id, { status: 'deactivated' }, ctx())).rejects.toThrow(/No such user/);
  });
});

describe('invitations and the onboarding test sign-in', () => {
  it('an invitation is used once; revoked and expired ones are refused', async () => {
    const inv = await createInvitation({ expiresDays: 7 }, { actor: 'it' });
    const token = inv.link.split('/').pop()!;
    expect(await lookUpInvitation(token)).toMatchObject({ ok: true });
    const first = await claimInvitation(token, {});
    expect(first.ok).toBe(true);
    expect(await claimInvitation(token, {})).toMatchObject({ ok: false, reason: 'used' });
    const row = await getDb().tenantInvitation.findUniqueOrThrow({ where: { id: inv.id } });
    expect(row.tokenHash).not.toContain(token);

    const revoked = await createInvitation({}, { actor: 'it' });
    await revokeInvitation(revoked.id, { actor: 'it' });
    expect(await claimInvitation(revoked.link.split('/').pop()!, {})).toMatchObject({ ok: false, reason: 'revoked' });

    const expired = await createInvitation({}, { actor: 'it' });
    await getDb().tenantInvitation.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await claimInvitation(expired.link.split('/').pop()!, {})).toMatchObject({ ok: false, reason: 'expired' });
  });

  it('lets a draft tenant through for its own invitation only, and makes that identity its admin', async () => {
    const draft = await createTenant({ ...base, slug: `adm-d-${suffix}`, status: 'draft', clientId: 'draft-client', clientSecret: SECRET, clientAuthMethod: 'client_secret_basic' }, ctx());
    const inv = await createInvitation({}, { actor: 'it' });
    const claimed = await claimInvitation(inv.link.split('/').pop()!, {});
    if (!claimed.ok) throw new Error('claim failed');
    await getDb().tenantInvitation.update({ where: { id: inv.id }, data: { tenantId: draft.id, slug: draft.slug, displayName: draft.displayName } });

    const input = { tenant: draft, claims: claims(draft, 'first-admin'), idToken: 't', returnTo: '/onboarding', context: ctx() };
    await expect(establishSession({ ...input, flow: 'sp' })).rejects.toMatchObject({ code: 'tenant_not_active' });
    await expect(establishSession({ ...input, flow: 'sp', onboarding: { invitationId: inv.id } })).rejects.toMatchObject({ code: 'tenant_not_active' });
    const other = await createInvitation({}, { actor: 'it' });
    await expect(establishSession({ ...input, flow: 'onboarding_test', onboarding: { invitationId: other.id } })).rejects.toMatchObject({ code: 'tenant_not_active' });
    expect(await getDb().user.count({ where: { tenantId: draft.id } })).toBe(0);

    const session = await establishSession({ ...input, flow: 'onboarding_test', onboarding: { invitationId: inv.id } });
    const user = await getDb().user.findUniqueOrThrow({ where: { id: session.userId } });
    expect(user.role).toBe('admin');
    const state = await getOnboarding(claimed.claimToken);
    expect(state).toMatchObject({ ok: true, onboarding: { testClaims: { sub: 'first-admin', iss: draft.issuer } } });
  });
});

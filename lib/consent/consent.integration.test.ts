import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { establishSession } from '@/lib/auth/establish-session';
import { getTenantById } from '@/lib/tenants/get-tenant';
import { getSessionByToken } from '@/lib/auth/session-store';
import { getDb } from '@/lib/db/client';
import { getEnv } from '@/lib/env';
import type { IdTokenClaims } from '@/lib/oidc/verify-id-token';
import { createTenant } from '@/lib/tenants/create-tenant';
import type { Tenant } from '@/lib/tenants/tenant';
import { acceptConsent } from './accept-consent';
import { consentCsrfToken } from './consent-csrf';
import { ConsentRequired } from './consent-required';
import { declineConsent } from './decline-consent';
import { getConsentPolicy } from './get-consent-policy';
import { getConsentStats } from './get-consent-stats';
import { openConsentPost } from './open-consent-post';
import { getPendingSignInByToken, hashPendingToken } from './pending-sign-in';
import { publishConsentVersion } from './publish-consent-version';
import { revokeConsentGrant } from './revoke-consent-grant';
import { updateConsentSettings } from './update-consent-settings';

const context = { requestId: 'it-consent', ip: '203.0.113.9', userAgent: 'vitest' };
const actor = { actor: 'test', requestId: 'it-consent' };
const suffix = randomUUID().slice(0, 8);
const db = () => getDb();

async function tenant(slug: string, scopes = ['openid', 'profile', 'email']): Promise<Tenant> {
  return createTenant(
    {
      slug: `${slug}-${suffix}`, displayName: slug, status: 'active', issuer: `https://${slug}-${suffix}.okta.example`, clientId: `${slug}-client`,
      clientSecret: 'secret-value', clientAuthMethod: 'client_secret_basic', scopes: scopes as never, emailDomains: [],
      loginInitiatedBy: 'app_only', tileLoginFlow: 'redirect',
    },
    actor,
  );
}

async function requireConsent(t: Tenant, scopes: ('openid' | 'profile' | 'email')[] = ['openid', 'profile', 'email']) {
  await updateConsentSettings(t.id, { required: true, supportContact: 'help@example.test', logoUrl: null }, actor);
  return publishConsentVersion(t.id, { title: 'We keep your name and email', bodyMarkdown: 'The app receives your name and email.', scopes, requireReconsent: true }, actor);
}

const claims = (t: Tenant, sub = '00u-same-sub', extra: Partial<IdTokenClaims> = {}): IdTokenClaims => ({
  iss: t.issuer, sub, aud: t.clientId, exp: Math.floor(Date.now() / 1000) + 3600, iat: Math.floor(Date.now() / 1000),
  email: 'pat@shared.test', name: 'Pat Shared', ...extra,
});

/** A completion: like the callback routes, it reads the tenant fresh (consent flag included) at that moment. */
const signIn = async (t: Tenant, c: IdTokenClaims) =>
  establishSession({ tenant: (await getTenantById(t.id))!, claims: c, idToken: `h.p.${randomUUID()}`, flow: 'sp', returnTo: `/t/${t.slug}?deep=1`, context });

/** Signs in and expects the consent page; returns the browser's pending token. */
async function expectConsent(t: Tenant, c: IdTokenClaims): Promise<string> {
  const error = await signIn(t, c).then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(ConsentRequired);
  return (error as ConsentRequired).pendingToken;
}

/** The form the consent page renders for a pending token. */
async function formFor(token: string, decision: 'accept' | 'decline' = 'accept') {
  const pending = (await getPendingSignInByToken(token))!;
  const policy = await getConsentPolicy(db(), pending.tenantId);
  return new URLSearchParams({ pending: pending.id, version: policy.current!.id, csrf: consentCsrfToken(getEnv().AUTH_SECRET, pending.id, hashPendingToken(token)), decision });
}

const sameOrigin = () => new Headers({ origin: new URL(getEnv().APP_URL).origin });

async function post(t: Tenant, token: string | undefined, form: URLSearchParams, headers = sameOrigin()) {
  return openConsentPost({ slug: t.slug, headers, form, cookieToken: token, attempt: {} });
}

async function accept(t: Tenant, token: string) {
  return acceptConsent(await post(t, token, await formFor(token)), context);
}

describe('consent gate in establishSession', () => {
  let a: Tenant;
  let b: Tenant;
  beforeAll(async () => {
    a = await tenant('consent-a');
    b = await tenant('consent-b');
    await requireConsent(a);
    await requireConsent(b);
  });
  afterAll(async () => {
    await db().tenant.deleteMany({ where: { slug: { endsWith: `-${suffix}` } } });
  });

  it('asks first, writes no user and no session, then grant and session on accept; the next sign-in goes straight in', async () => {
    const sessions = await db().session.count();
    const token = await expectConsent(a, claims(a, 'first-user'));
    expect(await db().user.count({ where: { tenantId: a.id, sub: 'first-user' } })).toBe(0);
    expect(await db().session.count()).toBe(sessions);

    const session = await accept(a, token);
    expect(session.landing).toBe(`/t/${a.slug}?deep=1`);
    expect((await getSessionByToken(session.token))?.tenant.id).toBe(a.id);
    const grant = await db().consentGrant.findFirstOrThrow({ where: { tenantId: a.id, userId: session.userId }, include: { version: true } });
    expect(grant).toMatchObject({ scopes: ['openid', 'profile', 'email'], ip: '203.0.113.9', userAgent: 'vitest', revokedAt: null });
    expect(grant.version.version).toBe(1);
    expect(await getPendingSignInByToken(token)).toBeNull();

    const again = await signIn(a, claims(a, 'first-user'));
    expect(again.userId).toBe(session.userId);
  });

  it('a grant in tenant A does not count in tenant B, for the same sub and the same email', async () => {
    const token = await expectConsent(a, claims(a));
    await accept(a, token);
    await signIn(a, claims(a)); // A: straight in now
    await expectConsent(b, claims(b)); // same sub, same email
    await expectConsent(b, claims(b, 'other-sub-same-email')); // same email only
    expect(await db().consentGrant.count({ where: { tenantId: b.id } })).toBe(0);
  });

  it('a new version with re-consent asks again; one without does not, unless it adds a scope', async () => {
    const t = await tenant('consent-versions');
    await requireConsent(t, ['openid', 'email']);
    await accept(t, await expectConsent(t, claims(t, 'v-user')));
    await publishConsentVersion(t.id, { title: 'Typo fixed', bodyMarkdown: 'The app receives your email.', scopes: ['openid', 'email'], requireReconsent: false }, actor);
    await signIn(t, claims(t, 'v-user'));
    await publishConsentVersion(t.id, { title: 'Now with your name', bodyMarkdown: 'The app receives your name and email.', scopes: ['openid', 'profile', 'email'], requireReconsent: false }, actor);
    await accept(t, await expectConsent(t, claims(t, 'v-user')));
    await signIn(t, claims(t, 'v-user'));
    await publishConsentVersion(t.id, { title: 'New terms', bodyMarkdown: 'New terms, same data.', scopes: ['openid', 'profile', 'email'], requireReconsent: true }, actor);
    const token = await expectConsent(t, claims(t, 'v-user'));
    await declineConsent(await post(t, token, await formFor(token, 'decline')), context);
    const { versions } = await getConsentStats(t.id);
    expect(versions.map((v) => [v.version, v.granted, v.declined, v.pending])).toEqual([[4, 0, 1, 0], [3, 1, 0, null], [2, 0, 0, null], [1, 1, 0, null]]);
    const events = await db().auditEvent.findMany({ where: { tenantId: t.id, type: 'consent.declined' } });
    expect(events.map((e) => e.code)).toEqual(['app_consent_declined']);
  });

  it('stores only the claims of the consented scopes on the user', async () => {
    const t = await tenant('consent-minimal');
    await requireConsent(t, ['openid', 'email']);
    const session = await accept(t, await expectConsent(t, claims(t, 'min-user')));
    expect(await db().user.findUniqueOrThrow({ where: { id: session.userId } })).toMatchObject({ email: 'pat@shared.test', name: null });
    const off = await tenant('consent-off', ['openid']);
    const s2 = await signIn(off, claims(off, 'min-user'));
    expect(await db().user.findUniqueOrThrow({ where: { id: s2.userId } })).toMatchObject({ email: null, name: null });
  });

  it('revoking ends the user’s sessions in that tenant at once, and the next sign-in asks again', async () => {
    const session = await accept(a, await expectConsent(a, claims(a, 'revoker')));
    const second = await signIn(a, claims(a, 'revoker'));
    const grant = await db().consentGrant.findFirstOrThrow({ where: { tenantId: a.id, userId: session.userId } });
    const result = await revokeConsentGrant({ tenantId: a.id, userId: session.userId, grantId: grant.id }, context);
    expect(result).toEqual({ revoked: true, sessionsEnded: 2 });
    expect(await getSessionByToken(session.token)).toBeNull();
    expect(await getSessionByToken(second.token)).toBeNull();
    await expectConsent(a, claims(a, 'revoker'));
  });

  it('a user cannot revoke another user’s grant', async () => {
    const victim = await accept(a, await expectConsent(a, claims(a, 'victim')));
    const attacker = await accept(a, await expectConsent(a, claims(a, 'attacker')));
    const grant = await db().consentGrant.findFirstOrThrow({ where: { userId: victim.userId } });
    expect(await revokeConsentGrant({ tenantId: a.id, userId: attacker.userId, grantId: grant.id }, context)).toEqual({ revoked: false, sessionsEnded: 0 });
    expect(await getSessionByToken(victim.token)).not.toBeNull();
  });
});

describe('forged and replayed consent posts', () => {
  let a: Tenant;
  let b: Tenant;
  beforeAll(async () => {
    a = await tenant('forge-a');
    b = await tenant('forge-b');
    await requireConsent(a);
    await requireConsent(b);
  });
  afterAll(async () => {
    await db().tenant.deleteMany({ where: { id: { in: [a.id, b.id] } } });
  });
  const grants = () => db().consentGrant.count({ where: { tenantId: { in: [a.id, b.id] } } });

  it.each([
    ['another user’s pending sign-in (their id, my cookie)', 'consent_request_mismatch'],
    ['a missing CSRF token', 'consent_csrf_failed'],
    ['a CSRF token of another pending sign-in', 'consent_csrf_failed'],
    ['a cross-site origin', 'consent_cross_site'],
    ['no pending cookie', 'consent_request_missing'],
    ['another tenant’s URL', 'consent_other_tenant'],
  ])('refuses %s with %s and writes no grant', async (name, code) => {
    const mine = await expectConsent(a, claims(a, `me-${code}-${name.length}`));
    const theirs = await expectConsent(a, claims(a, `them-${code}-${name.length}`));
    const form = await formFor(mine);
    const before = await grants();
    let attempt: Promise<unknown>;
    switch (name) {
      case 'another user’s pending sign-in (their id, my cookie)': attempt = post(a, mine, await formFor(theirs)); break;
      case 'a missing CSRF token': form.delete('csrf'); attempt = post(a, mine, form); break;
      case 'a CSRF token of another pending sign-in': form.set('csrf', (await formFor(theirs)).get('csrf')!); attempt = post(a, mine, form); break;
      case 'a cross-site origin': attempt = post(a, mine, form, new Headers({ origin: 'https://evil.example' })); break;
      case 'no pending cookie': attempt = post(a, undefined, form); break;
      default: attempt = post(b, mine, form);
    }
    await expect(attempt).rejects.toMatchObject({ name: 'ConsentError', code });
    expect(await grants()).toBe(before);
  });

  it('refuses a replayed accept (single use) and an expired pending sign-in', async () => {
    const token = await expectConsent(a, claims(a, 'replayer'));
    const checked = await post(a, token, await formFor(token));
    await acceptConsent(checked, context);
    const before = await grants();
    await expect(post(a, token, await formFor(token).catch(() => new URLSearchParams()))).rejects.toMatchObject({ code: 'consent_request_missing' });
    await expect(acceptConsent(checked, context)).rejects.toMatchObject({ code: 'consent_request_missing' });
    expect(await grants()).toBe(before);

    const late = await expectConsent(a, claims(a, 'late'));
    const form = await formFor(late);
    await db().pendingSignIn.updateMany({ where: { tokenHash: hashPendingToken(late) }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(post(a, late, form)).rejects.toMatchObject({ code: 'consent_request_expired' });
    expect(await grants()).toBe(before);
  });

  it('refuses an accept of a version that changed while the page was open', async () => {
    const token = await expectConsent(a, claims(a, 'slow-reader'));
    const checked = await post(a, token, await formFor(token));
    await publishConsentVersion(a.id, { title: 'Changed', bodyMarkdown: 'Changed while you read.', scopes: ['openid'], requireReconsent: true }, actor);
    const before = await grants();
    await expect(acceptConsent(checked, context)).rejects.toMatchObject({ code: 'consent_version_changed' });
    expect(await grants()).toBe(before);
  });
});

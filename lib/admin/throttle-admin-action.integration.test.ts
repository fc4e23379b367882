/**
 * Administrative changes are throttled: the 61st admin action of one user in a minute is refused (and
 * audited), wizard steps count per invitation, and a connection check never resets the issuer cache other
 * tenants of that issuer sign in with.
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db/client';
import { getIdpRuntime } from '@/lib/idp/idp-runtime';
import { translatorFor } from '@/lib/i18n/translator';
import { recheckConnection } from '@/lib/onboarding/onboarding-steps';
import { flushRefusals } from '@/lib/rate-limit/record-refusal';
import { createTenant } from '@/lib/tenants/create-tenant';
import { throttleAdminAction, throttleWizardAction } from './throttle-admin-action';

const suffix = randomUUID().slice(0, 8);
const ctx = { requestId: 'it-throttle', ip: '127.0.0.9', userAgent: 'vitest' };
let server: http.Server;
let issuer = '';

beforeAll(async () => {
  const { publicKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  server = http.createServer((req, res) => {
    const json = (body: unknown) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (req.url === '/.well-known/openid-configuration') {
      json({
        issuer, authorization_endpoint: `${issuer}/oauth2/v1/authorize`, token_endpoint: `${issuer}/oauth2/v1/token`,
        jwks_uri: `${issuer}/oauth2/v1/keys`, id_token_signing_alg_values_supported: ['RS256'],
      });
    } else if (req.url === '/oauth2/v1/keys') json({ keys: [jwk] });
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await getDb().tenant.deleteMany({ where: { slug: { contains: suffix } } });
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('admin.action.user', () => {
  it('allows 60 admin actions of one user in a minute and refuses the 61st, with an audit event', async () => {
    const userId = randomUUID();
    for (let i = 1; i <= 60; i++) expect(await throttleAdminAction(userId, ctx), `action ${i}`).toEqual({ ok: true });
    const refused = await throttleAdminAction(userId, ctx);
    expect(refused.ok).toBe(false);
    expect(refused).toMatchObject({ ok: false, limit: 60 });
    // Worded by the caller, in the person's language.
    const words = (locale: 'en' | 'de') => (refused.ok ? '' : translatorFor(locale, 'adminActions')('errors.throttled', { limit: refused.limit, seconds: refused.retryAfterSeconds }));
    expect(words('en')).toMatch(/Too many changes .*at most 60 a minute.*Nothing was changed/);
    expect(words('de')).toMatch(/Zu viele Änderungen .*höchstens 60 pro Minute.*Nichts wurde geändert/);
    await flushRefusals();
    const event = await getDb().auditEvent.findFirst({ where: { type: 'ratelimit.exceeded', code: 'admin.action.user', details: { path: ['key'], equals: userId } } });
    expect(event).not.toBeNull();
    // Another admin is not affected.
    expect(await throttleAdminAction(randomUUID(), ctx)).toEqual({ ok: true });
  });
});

describe('onboarding.action.invitation', () => {
  it('counts wizard steps per invitation', async () => {
    const invitation = randomUUID();
    for (let i = 1; i <= 30; i++) expect(await throttleWizardAction(invitation, ctx), `step ${i}`).toEqual({ ok: true });
    expect((await throttleWizardAction(invitation, ctx)).ok).toBe(false);
    expect(await throttleWizardAction(randomUUID(), ctx)).toEqual({ ok: true });
  });
});

describe('connection checks and the shared issuer cache', () => {
  it("a draft's 'check again' on another tenant's issuer leaves that issuer's cached discovery and keys alone", async () => {
    const base = {
      issuer, clientAuthMethod: 'client_secret_basic' as const, clientSecret: 'victim-secret-123', scopes: ['openid' as const],
      emailDomains: [], loginInitiatedBy: 'either' as const, tileLoginFlow: 'redirect' as const,
    };
    const audit = { ...ctx, actor: 'test' };
    await createTenant({ ...base, slug: `victim-${suffix}`, displayName: 'Victim', status: 'active', clientId: 'victim' }, audit);
    const squatter = await createTenant({ ...base, slug: `squat-${suffix}`, displayName: 'Squatter', status: 'draft', clientId: 'squat' }, audit);
    const { cache } = getIdpRuntime();
    await cache.getKey(issuer, { alg: 'RS256', kid: 'k1' });
    const before = cache.stats(issuer)!;
    expect(before.jwksFetches).toBe(1);

    const result = await recheckConnection({ tenant: squatter }, { ...audit, actor: 'invitation:test' });
    expect(result.ok).toBe(true);
    const after = cache.stats(issuer);
    expect(after).toBeDefined();
    expect(after!.metadataFetchedAt).toBe(before.metadataFetchedAt);
    expect(after!.jwksFetchedAt).toBe(before.jwksFetchedAt);
    expect(after!.jwksFetches).toBe(1);
  });
});

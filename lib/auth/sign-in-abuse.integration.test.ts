/**
 * Sign-in as an attacker would try it, through the real route handlers on PostgreSQL: replays across flows,
 * anonymous floods against one tenant, oversized bodies, forged client addresses, foreign Okta origins.
 */
import { randomUUID } from 'node:crypto';
import { generateKeyPair } from 'jose';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST as callbackPost } from '@/app/api/auth/callback/okta/route';
import { GET as signInGet } from '@/app/api/auth/signin/route';
import { getDb } from '@/lib/db/client';
import { getIdpRuntime } from '@/lib/idp/idp-runtime';
import { verifyIdToken } from '@/lib/oidc/verify-id-token';
import { getRateLimitUse } from '@/lib/rate-limit/consume';
import { createTenant } from '@/lib/tenants/create-tenant';
import type { Tenant } from '@/lib/tenants/tenant';
import { getTenantById } from '@/lib/tenants/get-tenant';
import { establishSession } from './establish-session';
import { flushSignInFailures, INDIVIDUAL_ROWS } from './record-sign-in-failure';
import { signOut } from './sign-out';
import { startFakeOktaOrg, type FakeOktaOrg } from './testing/fake-okta-org';

const suffix = randomUUID().slice(0, 8);
const FORGED_XFF = "@SUM(1+1)*cmd|' /C calc'!A0";

let org: FakeOktaOrg;
let simplified: Tenant;
let flooded: Tenant;

async function tenant(name: string, tile: 'redirect' | 'id_token'): Promise<Tenant> {
  return createTenant(
    {
      slug: `${name}-${suffix}`, displayName: `${name} Corp`, status: 'active', issuer: org.issuer, clientId: `${name}-${suffix}-client`,
      clientSecret: 'secret-value', clientAuthMethod: 'client_secret_basic', scopes: ['openid', 'email'], emailDomains: [],
      loginInitiatedBy: 'either', tileLoginFlow: tile,
    },
    { actor: 'test', requestId: 'it', operator: true }, // the operator's word: the connection counts as proven
  );
}

const now = () => Math.floor(Date.now() / 1000);
const claimsFor = (t: Tenant, extra: Record<string, unknown> = {}) => ({
  iss: org.issuer, aud: t.clientId, sub: `00u-${randomUUID().slice(0, 8)}`, jti: `ID.${randomUUID()}`, iat: now(), exp: now() + 3600, ...extra,
});

function postIdToken(idToken: string, ip: string, headers: Record<string, string> = {}) {
  return callbackPost(new NextRequest('http://localhost:3999/api/auth/callback/okta', {
    method: 'POST',
    body: new URLSearchParams({ id_token: idToken }),
    headers: { origin: new URL(org.issuer).origin, 'sec-fetch-site': 'cross-site', 'x-forwarded-for': ip, ...headers },
  }));
}

const startSignIn = (t: Tenant, ip: string) =>
  signInGet(new NextRequest(`http://localhost:3999/api/auth/signin?tenant=${t.slug}`, { headers: { 'x-forwarded-for': ip } }));

const errorCodeOf = async (response: Response) => /data-testid="error-code">([^<]+)</.exec(await response.text())?.[1];

beforeAll(async () => {
  org = await startFakeOktaOrg();
  simplified = await tenant('simple', 'id_token');
  flooded = await tenant('flooded', 'redirect');
});

afterAll(async () => {
  await getDb().tenant.deleteMany({ where: { id: { in: [simplified.id, flooded.id] } } });
  await org.close();
});

describe('single-use ID tokens across flows', () => {
  it('refuses a code-flow token replayed at the Okta Simplified POST, taken from the logout URL', async () => {
    // 1. A normal code-flow sign-in (what completeCodeSignIn does after the token request).
    const token = await org.sign(claimsFor(simplified, { nonce: 'n-0123456789abcdef' }));
    const claims = await verifyIdToken(token, {
      issuer: org.issuer, clientId: simplified.clientId, expectedNonce: 'n-0123456789abcdef', clockSkewSeconds: 60, now: new Date(),
      getKey: (header) => getIdpRuntime().cache.getKey(org.issuer, header),
    });
    const context = { requestId: 'it-replay', ip: '192.0.2.10', userAgent: 'vitest' };
    const session = await establishSession({ tenant: simplified, claims, idToken: token, flow: 'okta_redirect', returnTo: null, context });

    // 2. Sign-out puts that token into Okta's logout URL, where browser history and logs can see it.
    const logoutUrl = new URL(await signOut(session.token, context));
    const hint = logoutUrl.searchParams.get('id_token_hint');
    expect(hint).toBe(token);

    // 3. Whoever saw it POSTs it to the Simplified endpoint within its lifetime: refused, no session.
    const sessions = await getDb().session.count({ where: { tenantId: simplified.id } });
    const replay = await postIdToken(hint!, '192.0.2.11');
    expect(replay.status).toBe(401);
    expect(await errorCodeOf(replay)).toBe('replayed_token');
    expect(replay.headers.get('set-cookie') ?? '').not.toMatch(/(^|, )session=[^;]/);
    expect(await getDb().session.count({ where: { tenantId: simplified.id } })).toBe(sessions);

    // A fresh token of the same tenant goes through the same route: the refusal was the replay.
    const fresh = await postIdToken(await org.sign(claimsFor(simplified)), '192.0.2.12');
    expect(fresh.status).toBe(303);
  });

  it('refuses a Simplified token POSTed twice', async () => {
    const token = await org.sign(claimsFor(simplified));
    expect((await postIdToken(token, '192.0.2.13')).status).toBe(303);
    const again = await postIdToken(token, '192.0.2.13');
    expect(again.status).toBe(401);
    expect(await errorCodeOf(again)).toBe('replayed_token');
  });
});

describe('fair budgets: anonymous floods leave real users of the tenant able to sign in', () => {
  it('starts: 330 anonymous starts from 3 addresses do not spend the tenant budget', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 110; i++) {
      for (const ip of ['203.0.113.1', '203.0.113.2', '2001:db8:1:2::1']) statuses.push((await startSignIn(flooded, ip)).status);
    }
    // Each address is held to its per-(tenant, address) cap; the rest are 429.
    expect(statuses.filter((s) => s === 303)).toHaveLength(3 * 60);
    expect(statuses.filter((s) => s === 429)).toHaveLength(330 - 3 * 60);
    // Another address of the same IPv6 /64 shares that cap.
    expect((await startSignIn(flooded, '2001:db8:1:2::ffff')).status).toBe(429);
    // A real user, from their own address, still signs in.
    expect((await startSignIn(flooded, '198.51.100.77')).status).toBe(303);
    const use = await getRateLimitUse('signin.start.tenant', { tenant: flooded });
    expect(use.allowed).toBe(true);
  }, 120_000);

  it('Simplified: 315 forged tokens with the tenant iss/aud from 3 addresses spend nothing and write a bounded audit trail', async () => {
    const { privateKey: attackerKey } = await generateKeyPair('RS256');
    const since = new Date();
    const before = await getRateLimitUse('signin.callback.tenant', { tenant: simplified });
    const statuses = new Set<number>();
    for (let i = 0; i < 105; i++) {
      for (const ip of ['203.0.113.21', '203.0.113.22', '203.0.113.23']) {
        const forged = await org.sign(claimsFor(simplified), { key: attackerKey });
        statuses.add((await postIdToken(forged, ip)).status);
      }
    }
    expect([...statuses]).toEqual([401]);
    // The tenant's completion budget is untouched by forged tokens …
    expect((await getRateLimitUse('signin.callback.tenant', { tenant: simplified })).used).toBe(before.used);
    // … so a real user gets in.
    expect((await postIdToken(await org.sign(claimsFor(simplified)), '198.51.100.78')).status).toBe(303);

    await flushSignInFailures();
    const rows = await getDb().auditEvent.findMany({ where: { tenantId: simplified.id, type: 'signin.failed', at: { gte: since } } });
    // One bucket (tenant, bad_signature, minute) — or two if the flood straddled a minute.
    expect(rows.length).toBeLessThanOrEqual(2 * (INDIVIDUAL_ROWS + 1));
    expect(rows.every((r) => r.code === 'bad_signature')).toBe(true);
    const counted = rows.reduce((n, r) => n + ((r.details as { count?: number }).count ?? 1), 0);
    expect(counted).toBe(315);
  }, 120_000);
});

describe('bounded bodies', () => {
  it('answers 413 to a chunked callback POST over 64 KB and stops reading at the cap', async () => {
    let pulled = 0;
    let cancelled = false;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 8192;
        controller.enqueue(new TextEncoder().encode('a'.repeat(8192)));
      },
      cancel() {
        cancelled = true;
      },
    }, { highWaterMark: 0 });
    const response = await callbackPost(new NextRequest('http://localhost:3999/api/auth/callback/okta', {
      method: 'POST', body, duplex: 'half',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': '192.0.2.40' },
    } as ConstructorParameters<typeof NextRequest>[1]));
    expect(response.status).toBe(413);
    expect(await errorCodeOf(response)).toBe('payload_too_large');
    expect(cancelled).toBe(true);
    expect(pulled).toBeLessThanOrEqual(64 * 1024 + 4 * 8192);
  });
});

describe('client addresses', () => {
  it('never stores a forged X-Forwarded-For value', async () => {
    const since = new Date();
    const ok = await postIdToken(await org.sign(claimsFor(simplified)), FORGED_XFF);
    expect(ok.status).toBe(303);
    await postIdToken('not-a-token', `203.0.113.9, ${FORGED_XFF}`);
    const sessions = await getDb().session.findMany({ where: { tenantId: simplified.id, createdAt: { gte: since } } });
    const events = await getDb().auditEvent.findMany({ where: { at: { gte: since } } });
    expect(sessions.length).toBeGreaterThan(0);
    for (const row of [...sessions, ...events]) expect(row.ip).toBeNull();
    expect(JSON.stringify(events.map((e) => e.details))).not.toContain('SUM(');
  });
});

describe('Simplified origin', () => {
  it('for a custom-domain issuer, accepts only the issuer and the recorded Okta org domain', async () => {
    const from = (origin: string, ip: string) => org.sign(claimsFor(simplified)).then((t) => postIdToken(t, ip, { origin }));
    const refused = await from('https://attacker.okta.com', '192.0.2.50');
    expect(refused.status).toBe(403);
    expect(await errorCodeOf(refused)).toBe('cross_site_post');

    await getDb().tenant.update({ where: { id: simplified.id }, data: { oktaOrgDomain: 'acme.okta.com' } });
    simplified = (await getTenantById(simplified.id))!;
    expect((await from('https://acme.okta.com', '192.0.2.51')).status).toBe(303);
    expect((await from('https://attacker.okta.com', '192.0.2.52')).status).toBe(403);
    expect((await from(new URL(org.issuer).origin, '192.0.2.53')).status).toBe(303);
  });
});

/**
 * The /login page's start (its server action's operation) answers like `POST /api/auth/signin`: an unknown
 * organization or an email domain that routes nowhere is "unknown", counted against `signin.unknown.ip` and
 * audited; a draft tenant is "not active"; over the limit the address gets a wait, not a lookup.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db/client';
import { getRateLimitUse } from '@/lib/rate-limit/consume';
import { createTenant } from '@/lib/tenants/create-tenant';
import type { Tenant } from '@/lib/tenants/tenant';
import { startLogin } from './start-login';

const suffix = randomUUID().slice(0, 8);
const ctx = { actor: 'cli', requestId: 'it-login', ip: '127.0.0.1', userAgent: 'vitest' };
let draft: Tenant;

beforeAll(async () => {
  draft = await createTenant(
    {
      issuer: `https://login-${suffix}.okta.example`, clientAuthMethod: 'client_secret_basic', clientSecret: 'login-secret-1',
      scopes: ['openid'], emailDomains: [], loginInitiatedBy: 'app_only', tileLoginFlow: 'redirect',
      slug: `lg-d-${suffix}`, displayName: 'Login Draft', status: 'draft', clientId: 'lg-d',
    },
    ctx,
  );
});
afterAll(async () => {
  await getDb().tenant.deleteMany({ where: { slug: { contains: suffix } } });
});

const address = () => `127.0.${Math.floor(Math.random() * 200) + 10}.${Math.floor(Math.random() * 200) + 10}`;
const auditOf = (requestId: string) => getDb().auditEvent.findMany({ where: { requestId, type: 'signin.failed' } });

describe('startLogin', () => {
  it('refuses an unknown organization and an email domain that routes nowhere alike: counted and audited', async () => {
    const ip = address();
    for (const org of [`nobody-${suffix}`, `someone@nowhere-${suffix}.example`, 'not a slug!']) {
      const requestId = `it-login-${randomUUID()}`;
      const result = await startLogin({ org }, { requestId, ip, userAgent: 'vitest' });
      expect(result).toMatchObject({ ok: false, reason: 'unknown_tenant', code: 'unknown_tenant', requestId });
      expect((await auditOf(requestId)).map((e) => e.code)).toEqual(['unknown_tenant']);
    }
    expect((await getRateLimitUse('signin.unknown.ip', { ip })).used).toBe(3);
  });

  it('answers a draft tenant "not active", as the sign-in route does, without counting it as unknown', async () => {
    const ip = address();
    const requestId = `it-login-${randomUUID()}`;
    const result = await startLogin({ org: draft.slug.toUpperCase() }, { requestId, ip, userAgent: 'vitest' });
    expect(result).toMatchObject({ ok: false, reason: 'tenant_not_active' });
    const [event] = await auditOf(requestId);
    expect(event).toMatchObject({ code: 'tenant_not_active', tenantId: draft.id });
    expect((await getRateLimitUse('signin.unknown.ip', { ip })).used).toBe(0);
  });

  it('over signin.unknown.ip, an address is told to wait and looks nothing up', async () => {
    const ip = address();
    const context = { requestId: 'it-login-flood', ip, userAgent: 'vitest' };
    for (let i = 0; i < 30; i++) await startLogin({ org: `nobody-${i}-${suffix}` }, context);
    const result = await startLogin({ org: draft.slug }, context);
    expect(result).toMatchObject({ ok: false, reason: 'rate_limited', code: 'rate_limited' });
    expect(result.ok === false && result.reason === 'rate_limited' && result.retryAfterSeconds).toBeGreaterThan(0);
  });
});

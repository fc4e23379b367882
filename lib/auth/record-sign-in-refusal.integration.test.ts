/**
 * The sign-in route's error page and the /login page's action refuse through one recorder
 * (record-sign-in-refusal.ts): the same refused input, through `POST /api/auth/signin` and through
 * `startLogin`, writes the same audit event and counts the same unknown lookups. Fails if either path
 * grows its own side effects.
 */
import { randomUUID } from 'node:crypto';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST as signInPost } from '@/app/api/auth/signin/route';
import { getDb } from '@/lib/db/client';
import { getRateLimitUse } from '@/lib/rate-limit/consume';
import { createTenant } from '@/lib/tenants/create-tenant';
import type { Tenant } from '@/lib/tenants/tenant';
import { startLogin } from './start-login';

const suffix = randomUUID().slice(0, 8);
let draft: Tenant;

beforeAll(async () => {
  draft = await createTenant(
    {
      issuer: `https://refusal-${suffix}.okta.example`, clientAuthMethod: 'client_secret_basic', clientSecret: 'refusal-secret-1',
      scopes: ['openid'], emailDomains: [], loginInitiatedBy: 'app_only', tileLoginFlow: 'redirect',
      slug: `rf-d-${suffix}`, displayName: 'Refusal Draft', status: 'draft', clientId: 'rf-d',
    },
    { actor: 'cli', requestId: 'it-refusal', ip: '127.0.0.1', userAgent: 'vitest', operator: true },
  );
});
afterAll(async () => {
  await getDb().tenant.deleteMany({ where: { slug: { contains: suffix } } });
});

const address = () => `127.1.${Math.floor(Math.random() * 200) + 10}.${Math.floor(Math.random() * 200) + 10}`;

/** What a refusal left behind for one request: its audit events (without what differs per request) and the unknown-lookup count. */
async function traceOf(requestId: string, ip: string) {
  const events = await getDb().auditEvent.findMany({ where: { requestId }, orderBy: { id: 'asc' } });
  return {
    events: events.map((e) => ({ type: e.type, code: e.code, tenantId: e.tenantId, ip: e.ip, userAgent: e.userAgent, details: e.details })),
    unknownLookups: (await getRateLimitUse('signin.unknown.ip', { ip })).used,
  };
}

async function throughRoute(org: string) {
  const ip = address();
  const requestId = `it-rf-route-${randomUUID()}`;
  const response = await signInPost(new NextRequest('http://localhost:3999/api/auth/signin', {
    method: 'POST',
    body: new URLSearchParams({ org }),
    headers: { 'x-forwarded-for': ip, 'x-request-id': requestId, 'user-agent': 'vitest', 'content-type': 'application/x-www-form-urlencoded' },
  }));
  return { status: response.status, ...(await traceOf(requestId, ip)), ip };
}

async function throughLoginPage(org: string) {
  const ip = address();
  const requestId = `it-rf-page-${randomUUID()}`;
  const result = await startLogin({ org }, { requestId, ip, userAgent: 'vitest' });
  return { result, ...(await traceOf(requestId, ip)), ip };
}

/** The same trace with each path's own address put back to one placeholder. */
const comparable = (trace: { events: { ip: string | null }[]; unknownLookups: number; ip: string }) => ({
  events: trace.events.map((e) => ({ ...e, ip: e.ip === trace.ip ? 'the caller' : e.ip })),
  unknownLookups: trace.unknownLookups,
});

describe('one refusal path for sign-in starts', () => {
  it.each([
    ['an unknown organization', () => `nobody-${suffix}`, 'unknown_tenant', 404, 1],
    ['an email domain that routes nowhere', () => `someone@nowhere-${suffix}.example`, 'unknown_tenant', 404, 1],
    ['a draft organization', () => draft.slug, 'tenant_not_active', 403, 0],
  ])('%s: the route and the /login action write the same audit event and count alike', async (_name, org, code, status, unknownLookups) => {
    const route = await throughRoute(org());
    const page = await throughLoginPage(org());
    expect(route.status).toBe(status);
    expect(page.result).toMatchObject({ ok: false, code });
    expect(route.events).toHaveLength(1);
    expect(route.events[0]).toMatchObject({ type: 'signin.failed', code, details: { flow: 'sp', shownCode: code } });
    expect(route.unknownLookups).toBe(unknownLookups);
    expect(comparable(page)).toEqual(comparable(route));
  });
});

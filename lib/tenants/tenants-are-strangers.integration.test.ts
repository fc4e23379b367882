/**
 * Tenants are strangers (issue 10): what one tenant — a draft, an invitee, an admin with an untested change —
 * claims never changes another's sign-in. Issuer resolution goes through active tenants' proven connections
 * only; email domains route only once verified through a real DNS server on loopback (dns2) or approved by the
 * operator; public email domains are refused; a tenant's audit page never names another tenant's user.
 */
import { randomUUID } from 'node:crypto';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as initiate } from '@/app/api/auth/initiate/route';
import { auditQuerySchema, queryAuditEvents } from '@/lib/admin/query-audit-events';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { idTokenUseKey } from '@/lib/auth/id-token-use';
import { getDb } from '@/lib/db/client';
import { startFakeIssuer } from '@/lib/rate-limit/testing/fake-issuer';
import { approveEmailDomain } from './approve-email-domain';
import { checkEmailDomain, recheckEmailDomains } from './check-email-domain';
import { createTenant, type CreateTenantInput } from './create-tenant';
import { verificationRecord } from './email-domains';
import { getActiveProvenConnectionsForIssuer, getTenantByEmailDomain, getTenantBySlug } from './get-tenant';
import { ConnectionTested, finishConnectionTest, setPendingConnection } from './pending-connection';
import { proveConnection } from './prove-connection';
import type { Tenant } from './tenant';
import { startTestDnsServer, type TestDnsServer } from './testing/dns-server';
import { updateTenant } from './update-tenant';

const suffix = randomUUID().slice(0, 8);
const ctx = { actor: 'test', requestId: 'it-strangers', ip: '127.0.0.1', userAgent: 'vitest' };
const operator = { ...ctx, actor: 'cli', operator: true };
let dns: TestDnsServer;
let fake: { issuer: string; close: () => Promise<void> };
let other: { issuer: string; close: () => Promise<void> };
let victim: Tenant;

const config = (name: string, issuer: string, extra: Partial<CreateTenantInput> = {}): CreateTenantInput => ({
  slug: `${name}-${suffix}`, displayName: name, status: 'active', issuer, clientId: `${name}-client`, clientSecret: `${name}-secret-value`,
  clientAuthMethod: 'client_secret_basic', scopes: ['openid', 'email'], emailDomains: [], loginInitiatedBy: 'either', tileLoginFlow: 'redirect',
  ...extra,
});

/** The tile's GET to the initiate login URI; answers the tenant it chose (by client id) or the refusal code. */
let clientNumber = 0;
async function tile(iss: string, tenant?: string): Promise<string> {
  clientNumber += 1;
  const query = new URLSearchParams({ iss, ...(tenant ? { tenant } : {}) });
  const response = await initiate(new NextRequest(`http://localhost:3999/api/auth/initiate?${query}`, {
    headers: { 'x-forwarded-for': `203.0.113.${clientNumber}`, accept: 'text/html' },
  }));
  if (response.status === 303) return `client:${new URL(response.headers.get('location')!).searchParams.get('client_id')}`;
  const code = /data-testid="error-code">([a-z_]+)</.exec(await response.text())?.[1];
  return `${response.status}:${code}`;
}

beforeAll(async () => {
  // The resolver is configured before anything reads the environment (getEnv caches it).
  dns = await startTestDnsServer();
  process.env.DNS_SERVERS = dns.address;
  fake = await startFakeIssuer();
  other = await startFakeIssuer();
  victim = await createTenant(config('victim', fake.issuer), operator);
});

afterAll(async () => {
  await Promise.all([dns?.close(), fake?.close(), other?.close()]);
});

describe('issuer resolution: only active tenants’ proven connections', () => {
  it('the victim’s tile signs in through its own client', async () => {
    expect(await tile(fake.issuer)).toBe('client:victim-client');
  });

  it('a draft naming the victim’s issuer changes nothing, not even once activated without a test sign-in', async () => {
    const draft = await createTenant(config('squat-draft', fake.issuer, { status: 'draft' }), ctx);
    expect(draft.connectionProven).toBe(false);
    expect(await tile(fake.issuer)).toBe('client:victim-client');
    expect(await tile(fake.issuer, draft.slug)).toMatch(/^400:unknown_issuer/);
    // Even an active tenant whose connection nobody proved does not answer for the issuer.
    await getDb().tenant.update({ where: { id: draft.id }, data: { status: 'active' } });
    expect(await tile(fake.issuer)).toBe('client:victim-client');
    expect(await getActiveProvenConnectionsForIssuer(fake.issuer, { clientIds: [draft.clientId] })).toEqual([]);
  });

  it('an admin’s untested change to the victim’s issuer stays pending and changes nothing', async () => {
    const admin = await createTenant(config('squat-admin', other.issuer), operator);
    const pending = await setPendingConnection(admin.slug, { issuer: fake.issuer, clientId: 'squat-admin-new' }, ctx);
    expect(pending.pendingConnection).toMatchObject({ issuer: fake.issuer, clientId: 'squat-admin-new' });
    expect(pending.issuer).toBe(other.issuer);
    expect(await tile(fake.issuer)).toBe('client:victim-client');
    expect(await tile(other.issuer)).toBe('client:squat-admin-client');
    // An admin cannot change a live connection directly either.
    await expect(updateTenant(admin.slug, { issuer: fake.issuer }, ctx)).rejects.toMatchObject({ code: 'invalid' });
  });

  it('a successful test sign-in through the pending connection puts it in use, proven, with the tester as admin', async () => {
    // Tile off, so that it does not make the victim's bare issuer ambiguous in the tests after this one.
    const mover = await createTenant(config('mover', other.issuer, { clientId: 'mover-old', loginInitiatedBy: 'app_only' }), operator);
    const admin = await getDb().user.create({ data: { tenantId: mover.id, issuer: other.issuer, sub: `adm-${suffix}`, role: 'admin' } });
    const member = await getDb().user.create({ data: { tenantId: mover.id, issuer: other.issuer, sub: `mem-${suffix}` } });
    const pending = await setPendingConnection(mover.slug, { issuer: fake.issuer, clientId: 'mover-new' }, ctx);
    const now = Math.floor(Date.now() / 1000);
    const claims = { iss: fake.issuer, sub: `tester-${suffix}`, aud: 'mover-new', iat: now, exp: now + 300 };
    const connection = { issuer: fake.issuer, clientId: 'mover-new' };
    // Started by someone who is not (or no longer) an admin: refused, nothing changes.
    await expect(finishConnectionTest({ tenant: pending, connection: { ...connection, actorUserId: member.id }, claims, idToken: `refused.${suffix}.sig`, context: ctx })).rejects.toMatchObject({ code: 'invalid' });
    expect((await getTenantBySlug(mover.slug))!.issuer).toBe(other.issuer);
    await expect(finishConnectionTest({ tenant: pending, connection: { ...connection, actorUserId: admin.id }, claims, idToken: `proved.${suffix}.sig`, context: ctx })).rejects.toBeInstanceOf(ConnectionTested);
    // The test sign-in's token is used up: it can never open a session through another flow.
    const used = (token: string) => getDb().usedIdToken.count({ where: { issuer: fake.issuer, jti: idTokenUseKey(token, undefined) } });
    expect(await used(`proved.${suffix}.sig`)).toBe(1);
    expect(await used(`refused.${suffix}.sig`)).toBe(0);
    const moved = (await getTenantBySlug(mover.slug))!;
    expect(moved).toMatchObject({ issuer: fake.issuer, clientId: 'mover-new', connectionProven: true, pendingConnection: null });
    expect(await getDb().user.findFirst({ where: { tenantId: mover.id, issuer: fake.issuer, sub: claims.sub } })).toMatchObject({ role: 'admin' });
    expect((await getActiveProvenConnectionsForIssuer(fake.issuer, { clientIds: ['mover-new'] })).map((t) => t.slug)).toEqual([mover.slug]);
  });

  it('a taken slug is still told apart from a taken connection', async () => {
    await expect(createTenant(config('victim', other.issuer, { clientId: 'fresh-client' }), operator)).rejects.toMatchObject({ code: 'slug_taken' });
  });

  it('nobody can claim, or set pending, the victim’s proven (issuer, client id)', async () => {
    await expect(createTenant(config('copycat', fake.issuer, { clientId: 'victim-client', status: 'draft' }), ctx)).rejects.toMatchObject({ code: 'client_taken' });
    const admin = await createTenant(config('copycat-admin', other.issuer, { clientId: 'copycat-admin-client' }), operator);
    await expect(setPendingConnection(admin.slug, { issuer: fake.issuer, clientId: 'victim-client' }, ctx)).rejects.toMatchObject({ code: 'client_taken' });
  });

  it('a proven second instance makes the bare issuer ambiguous; tenant= still picks each one', async () => {
    const second = await createTenant(config('second', fake.issuer, { status: 'draft' }), ctx);
    await getDb().$transaction((tx) => proveConnection(tx, { tenantId: second.id, connection: { issuer: fake.issuer, clientId: second.clientId }, actorUserId: null, by: 'test_sign_in' }));
    expect(await tile(fake.issuer)).toBe('client:victim-client'); // still a draft
    await updateTenant(second.slug, { status: 'active' }, ctx);
    expect(await tile(fake.issuer)).toMatch(/^400:ambiguous_issuer/);
    expect(await tile(fake.issuer, victim.slug)).toBe('client:victim-client');
    expect(await tile(fake.issuer, second.slug)).toBe('client:second-client');
    // Tile off: the tenant stops answering the tile, with a clear code.
    await updateTenant(second.slug, { loginInitiatedBy: 'app_only' }, ctx);
    expect(await tile(fake.issuer, second.slug)).toMatch(/^403:okta_initiated_disabled/);
    expect(await tile(fake.issuer)).toBe('client:victim-client');
  });
});

describe('email domains route only once verified', () => {
  it('public email domains are refused, for admins and the operator alike', async () => {
    await expect(updateTenant(victim.slug, { emailDomains: ['gmail.com'] }, ctx)).rejects.toMatchObject({ code: 'public_domain' });
    await expect(approveEmailDomain(victim.slug, 'mail.outlook.com', operator)).rejects.toMatchObject({ code: 'public_domain' });
    expect(await getTenantByEmailDomain('someone@gmail.com')).toBeNull();
  });

  it('a claimed domain does not route; its DNS TXT record verifies it; a removed record unverifies it', async () => {
    const domain = `bigcorp-${suffix}.example`;
    const squatter = await createTenant(config('dom-squat', other.issuer, { clientId: 'dom-squat-client' }), operator);
    await updateTenant(squatter.slug, { emailDomains: [domain] }, ctx);
    await updateTenant(victim.slug, { emailDomains: [domain] }, ctx);
    expect(await getTenantByEmailDomain(`ceo@${domain}`)).toBeNull();

    // No record, then a record with the squatter's token: still nothing routes to the victim or the squatter.
    expect(await checkEmailDomain(victim.id, domain, ctx)).toMatchObject({ verified: false, code: 'record_missing' });
    const victimRow = (await getTenantBySlug(victim.slug))!;
    const squatterRow = (await getTenantBySlug(squatter.slug))!;
    const record = verificationRecord(domain, victimRow.domainVerificationToken!);
    dns.txt.set(record.name, [verificationRecord(domain, squatterRow.domainVerificationToken!).value]);
    expect(await checkEmailDomain(victim.id, domain, ctx)).toMatchObject({ verified: false, code: 'wrong_value' });
    expect(await getTenantByEmailDomain(`ceo@${domain}`)).toBeNull();

    // The owner publishes the victim's token: the domain routes to the victim, and the squatter cannot take it.
    dns.txt.set(record.name, ['v=spf1 -all', record.value]);
    expect(await checkEmailDomain(victim.id, domain, ctx)).toMatchObject({ verified: true, code: 'verified' });
    expect((await getTenantByEmailDomain(`ceo@${domain}`))?.slug).toBe(victim.slug);
    expect(await checkEmailDomain(squatter.id, domain, ctx)).toMatchObject({ verified: false });
    await expect(approveEmailDomain(squatter.slug, domain, operator)).rejects.toMatchObject({ code: 'domain_taken' });
    expect((await getTenantByEmailDomain(`ceo@${domain}`))?.slug).toBe(victim.slug);

    // The record goes away: the periodic re-check unverifies the domain.
    dns.txt.delete(record.name);
    await getDb().tenantEmailDomain.updateMany({ where: { domain }, data: { lastCheckedAt: new Date(Date.now() - 2 * 24 * 3600_000) } });
    const counts = await recheckEmailDomains({ batch: 1000 });
    expect(counts.checked).toBeGreaterThanOrEqual(2);
    expect(await getTenantByEmailDomain(`ceo@${domain}`)).toBeNull();
    const events = await getDb().auditEvent.findMany({ where: { tenantId: victim.id, type: { in: ['tenant.domain_verified', 'tenant.domain_unverified'] } }, orderBy: { id: 'asc' } });
    expect(events.map((e) => e.type)).toEqual(['tenant.domain_verified', 'tenant.domain_unverified']);
  });

  it('the operator’s approval routes a domain at once', async () => {
    const domain = `approved-${suffix}.example`;
    await approveEmailDomain(victim.slug, domain, operator);
    expect((await getTenantByEmailDomain(`x@${domain}`))?.slug).toBe(victim.slug);
  });
});

describe('audit privacy', () => {
  it('an actor of another tenant is never named on a tenant’s audit page', async () => {
    const stranger = await createTenant(config('stranger', other.issuer, { clientId: 'stranger-client' }), operator);
    const foreignUser = await getDb().user.create({ data: { tenantId: stranger.id, issuer: other.issuer, sub: `s-${suffix}`, email: `spy-${suffix}@stranger.test` } });
    await recordAuditEvent(getDb(), { ...ctx, type: 'access.denied', tenantId: victim.id, actorUserId: foreignUser.id, code: 'not_admin' });
    const { entries } = await queryAuditEvents(victim.id, auditQuerySchema.parse({ type: 'access.denied' }));
    expect(entries.length).toBeGreaterThan(0);
    expect(JSON.stringify(entries)).not.toContain(`spy-${suffix}`);
  });
});

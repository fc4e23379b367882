/**
 * The admin data views on a real PostgreSQL: users searched by email/name/subject and paged without a cap,
 * the audit log filtered by actor (resolved within the tenant only), type and day, and its CSV export of the
 * filtered view, formula-safe. Another tenant's rows never show.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { getDb } from '@/lib/db/client';
import { createTenant } from '@/lib/tenants/create-tenant';
import type { Tenant } from '@/lib/tenants/tenant';
import { exportAuditEvents } from './export-audit-events';
import { auditQuerySchema, queryAuditEvents } from './query-audit-events';
import { searchUsers, USERS_PAGE_SIZE, usersQuerySchema } from './search-users';

const suffix = randomUUID().slice(0, 8);
const ctx = { actor: 'test', actorUserId: null, requestId: 'it-views', ip: '127.0.0.1', userAgent: 'vitest' };
const base = {
  displayName: 'Views IT', scopes: ['openid', 'profile', 'email'] as ('openid' | 'profile' | 'email')[], emailDomains: [],
  loginInitiatedBy: 'app_only' as const, tileLoginFlow: 'redirect' as const, status: 'active' as const,
  clientSecret: `secret-${suffix}`, clientAuthMethod: 'client_secret_basic' as const,
};

/** RFC 4180 records as objects keyed by the header row (quoted cells may hold commas, quotes and newlines). */
function parse(csv: string): Record<string, string>[] {
  const rows: string[][] = [[]];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i]!;
    if (quoted) {
      if (c === '"' && csv[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { rows.at(-1)!.push(cell); cell = ''; }
    else if (c === '\n') { rows.at(-1)!.push(cell); cell = ''; rows.push([]); }
    else if (c !== '\r') cell += c;
  }
  if (cell || rows.at(-1)!.length) rows.at(-1)!.push(cell);
  const [header, ...body] = rows.filter((r) => r.length > 0);
  return body.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ''])));
}

let tenant: Tenant;
let other: Tenant;
let carol: string;
let otherUser: string;

beforeAll(async () => {
  tenant = await createTenant({ ...base, slug: `views-${suffix}`, issuer: `https://views-${suffix}.okta.example`, clientId: 'views' }, ctx);
  other = await createTenant({ ...base, slug: `views-o-${suffix}`, issuer: `https://views-o-${suffix}.okta.example`, clientId: 'views-o' }, ctx);
  const db = getDb();
  // 60 people: user00…user59@views.test, every third named "Searchable".
  await db.user.createMany({
    data: Array.from({ length: 60 }, (_, i) => ({
      tenantId: tenant.id, issuer: tenant.issuer, sub: `00u${String(i).padStart(2, '0')}${suffix}`,
      email: `user${String(i).padStart(2, '0')}@views.test`, name: i % 3 === 0 ? `Searchable ${i}` : `Person ${i}`,
    })),
  });
  carol = (await db.user.create({ data: { tenantId: tenant.id, issuer: tenant.issuer, sub: `carol-${suffix}`, email: 'Carol@Views.test', name: 'Carol Admin', role: 'admin' } })).id;
  otherUser = (await db.user.create({ data: { tenantId: other.id, issuer: other.issuer, sub: `stranger-${suffix}`, email: 'carol@elsewhere.test', name: 'Carol Elsewhere' } })).id;
  await db.user.create({ data: { tenantId: other.id, issuer: other.issuer, sub: `ghost-${suffix}`, email: 'user01@views.test', name: 'Searchable Ghost' } });
  await db.auditEvent.deleteMany({ where: { tenantId: { in: [tenant.id, other.id] } } });
  const event = (tenantId: string, type: 'user.deactivated' | 'signin.succeeded' | 'tenant.updated', actorUserId: string | null, details: Record<string, unknown>) =>
    recordAuditEvent(db, { ...ctx, type, tenantId, actorUserId, details });
  for (let i = 0; i < 30; i++) await event(tenant.id, 'signin.succeeded', carol, { flow: 'sp' });
  await event(tenant.id, 'user.deactivated', carol, { email: '=HYPERLINK("http://attacker.example")', before: { status: 'active' }, after: { status: 'deactivated' } });
  await event(tenant.id, 'tenant.updated', null, { actor: 'operator:cli', changed: ['displayName'] });
  await event(other.id, 'user.deactivated', otherUser, { actor: 'user:carol@elsewhere.test' });
});

afterAll(async () => {
  await getDb().tenant.deleteMany({ where: { slug: { contains: suffix } } });
});

describe('searchUsers', () => {
  it('pages everyone, 25 a page, with the total and no one twice', async () => {
    const first = await searchUsers(tenant.id, usersQuerySchema.parse({}));
    expect(first).toMatchObject({ total: 61, page: 1, pageCount: 3, pageSize: USERS_PAGE_SIZE });
    expect(first.users).toHaveLength(25);
    expect(first.users[0]!.email).toBe('Carol@Views.test'); // admins first
    const pages = [first, await searchUsers(tenant.id, usersQuerySchema.parse({ page: '2' })), await searchUsers(tenant.id, usersQuerySchema.parse({ page: '3' }))];
    const ids = pages.flatMap((p) => p.users.map((u) => u.id));
    expect(ids).toHaveLength(61);
    expect(new Set(ids).size).toBe(61);
    expect(pages[2]!.users).toHaveLength(11);
  });

  it.each([
    ['email, any case', { q: 'USER0' }, 10],
    ['name', { q: 'searchable' }, 20],
    ['subject', { q: `00u42${suffix}` }, 1],
    ['nobody', { q: 'no-such-person' }, 0],
    ['another tenant’s person', { q: 'elsewhere' }, 0],
  ])('searches by %s', async (_, query, count) => {
    const result = await searchUsers(tenant.id, usersQuerySchema.parse(query));
    expect(result.total).toBe(count);
    expect(result.users.every((u) => u.id !== otherUser)).toBe(true);
  });

  it('pages a search, and a page past the end shows the last page', async () => {
    const result = await searchUsers(tenant.id, usersQuerySchema.parse({ q: 'person', page: '99' }));
    expect(result).toMatchObject({ total: 40, page: 2, pageCount: 2 });
    expect(result.users).toHaveLength(15);
  });

  it.each([{ page: '-1' }, { page: 'abc' }, { q: 'x'.repeat(500) }, { page: ['1', '2'] }])('falls back on a malformed query %j', async (query) => {
    const result = await searchUsers(tenant.id, usersQuerySchema.parse(query));
    expect(result.page).toBe(1);
    expect(result.total).toBe(61);
  });
});

describe('queryAuditEvents', () => {
  const q = (query: Record<string, string>) => queryAuditEvents(tenant.id, auditQuerySchema.parse(query));

  it('filters by actor email, any case, within the tenant', async () => {
    const { entries } = await q({ actor: 'carol@views' });
    expect(entries).toHaveLength(25);
    expect(entries.every((e) => e.actor === 'Carol@Views.test')).toBe(true);
    const page2 = await q({ actor: 'carol@views', page: '2' });
    expect(page2.entries).toHaveLength(6);
    expect(page2.hasMore).toBe(false);
  });

  it('filters by a recorded actor label (operator, no user)', async () => {
    const { entries } = await q({ actor: 'operator' });
    expect(entries.map((e) => e.type)).toEqual(['tenant.updated']);
  });

  it('never matches another tenant’s user, nor shows its events', async () => {
    expect((await q({ actor: 'elsewhere' })).entries).toHaveLength(0);
    expect((await q({ type: 'user.deactivated' })).entries).toHaveLength(1);
  });

  it('combines actor, type and days', async () => {
    const today = new Date().toISOString().slice(0, 10);
    expect((await q({ actor: 'carol', type: 'user.deactivated', from: today, to: today })).entries).toHaveLength(1);
    expect((await q({ actor: 'carol', type: 'user.deactivated', to: '2020-01-01' })).entries).toHaveLength(0);
    expect((await q({ actor: 'operator', type: 'signin.succeeded' })).entries).toHaveLength(0);
  });
});

describe('exportAuditEvents', () => {
  it('exports the filtered view with readable names, and no cell starts a formula', async () => {
    const { csv, rows } = await exportAuditEvents(tenant.id, { actor: 'carol', type: 'user.deactivated' }, (t) => `name of ${t}`);
    expect(rows).toBe(1);
    const records = parse(csv);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ event: 'name of user.deactivated', type: 'user.deactivated', actor: 'Carol@Views.test' });
    expect(records[0]!.details).toContain('before.status: active');
    for (const record of records) for (const value of Object.values(record)) expect(value).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('quotes a formula that starts a cell', async () => {
    const { csv } = await exportAuditEvents(tenant.id, { actor: 'operator' }, (t) => t);
    expect(csv).toContain('tenant.updated');
    const formula = await exportAuditEvents(tenant.id, { type: 'user.deactivated' }, () => '=SUM(1)');
    expect(parse(formula.csv)[0]!.event).toBe("'=SUM(1)");
  });
});

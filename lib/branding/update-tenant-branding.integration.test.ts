/**
 * An organization's branding: only TENANT_ACCENTS are accepted; only an active admin of that very tenant can
 * change it (an admin of another tenant, or a member, is refused and nothing changes); each change writes one
 * `tenant.branding_updated` event with before/after; the public branding follows.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db/client';
import { createTenant } from '@/lib/tenants/create-tenant';
import { getTenantBranding } from '@/lib/tenants/get-tenant-branding';
import type { Tenant } from '@/lib/tenants/tenant';
import { BrandingRefusedError, tenantBrandingSchema, updateTenantBranding } from './update-tenant-branding';

const suffix = randomUUID().slice(0, 8);
const ctx = { actor: 'test', requestId: 'it-branding', ip: '127.0.0.1', userAgent: 'vitest' };
const base = {
  displayName: 'Brand IT', scopes: ['openid', 'profile', 'email'] as ('openid' | 'profile' | 'email')[],
  emailDomains: [], loginInitiatedBy: 'app_only' as const, tileLoginFlow: 'redirect' as const, clientSecret: 's3cret', clientAuthMethod: 'client_secret_basic' as const,
};

let a: Tenant;
let b: Tenant;
const users: Record<'adminA' | 'memberA' | 'adminB', string> = { adminA: '', memberA: '', adminB: '' };

async function addUser(tenant: Tenant, sub: string, role: 'admin' | 'member') {
  const user = await getDb().user.create({ data: { tenantId: tenant.id, issuer: tenant.issuer, sub, role } });
  return user.id;
}

const accentOf = async (t: Tenant) => (await getDb().tenant.findUniqueOrThrow({ where: { id: t.id }, select: { accent: true } })).accent;
const eventCount = (t: Tenant) => getDb().auditEvent.count({ where: { tenantId: t.id, type: 'tenant.branding_updated' } });

beforeAll(async () => {
  a = await createTenant({ ...base, slug: `brand-a-${suffix}`, status: 'active', issuer: `https://brand-a-${suffix}.okta.example`, clientId: 'ca' }, ctx);
  b = await createTenant({ ...base, slug: `brand-b-${suffix}`, status: 'active', issuer: `https://brand-b-${suffix}.okta.example`, clientId: 'cb' }, ctx);
  users.adminA = await addUser(a, 'admin-a', 'admin');
  users.memberA = await addUser(a, 'member-a', 'member');
  users.adminB = await addUser(b, 'admin-b', 'admin');
});
afterAll(async () => {
  await getDb().tenant.deleteMany({ where: { slug: { contains: suffix } } });
});

describe('tenant branding', () => {
  it('accepts only the listed accents', () => {
    for (const accent of ['brand', 'teal', 'violet', 'rose', 'amber', 'green']) expect(tenantBrandingSchema.safeParse({ accent }).success).toBe(true);
    for (const accent of ['blue', 'TEAL', '', 'teal;color:red', null, undefined, ['teal']]) {
      const parsed = tenantBrandingSchema.safeParse({ accent });
      expect(parsed.success, String(accent)).toBe(false);
      expect(parsed.error?.issues[0]?.path).toEqual(['accent']);
    }
  });

  it("an admin of the tenant sets its accent: one audit event with before/after, and the public branding follows", async () => {
    const before = await eventCount(a);
    await updateTenantBranding(a.id, { accent: 'violet' }, { ...ctx, actorUserId: users.adminA });
    expect(await accentOf(a)).toBe('violet');
    expect(await eventCount(a)).toBe(before + 1);
    const event = await getDb().auditEvent.findFirstOrThrow({ where: { tenantId: a.id, type: 'tenant.branding_updated' }, orderBy: { id: 'desc' } });
    expect(event.actorUserId).toBe(users.adminA);
    expect(event.details).toMatchObject({ before: { accent: 'brand', logo: null }, after: { accent: 'violet', logo: null } });
    expect((await getTenantBranding(a.slug))?.accent).toBe('violet');
  });

  it("an accent outside the list never reaches the database", async () => {
    await expect(updateTenantBranding(a.id, { accent: 'blue' as never }, { ...ctx, actorUserId: users.adminA })).rejects.toThrow();
    expect(await accentOf(a)).toBe('violet');
  });

  it.each([
    ["another tenant's admin", () => users.adminB],
    ['a member of the tenant', () => users.memberA],
    ['an unknown user', () => randomUUID()],
  ])('%s is refused and nothing changes', async (_who, actor) => {
    const [accent, events, eventsB] = [await accentOf(a), await eventCount(a), await eventCount(b)];
    await expect(updateTenantBranding(a.id, { accent: 'rose', logoUrl: 'https://logo.example/x.png' }, { ...ctx, actorUserId: actor() })).rejects.toBeInstanceOf(BrandingRefusedError);
    expect(await accentOf(a)).toBe(accent);
    expect(await eventCount(a)).toBe(events);
    expect(await eventCount(b)).toBe(eventsB);
    expect(await getDb().consentPolicy.findUnique({ where: { tenantId: a.id } })).toBeNull();
  });

  it('sets, keeps and removes the logo; refuses a logo URL that is not https', async () => {
    await updateTenantBranding(a.id, { accent: 'teal', logoUrl: 'https://logo.example/a.png' }, { ...ctx, actorUserId: users.adminA });
    expect((await getTenantBranding(a.slug))?.logoSrc).toBe('https://logo.example/a.png');
    await updateTenantBranding(a.id, { accent: 'green' }, { ...ctx, actorUserId: users.adminA });
    expect(await getTenantBranding(a.slug)).toMatchObject({ accent: 'green', logoSrc: 'https://logo.example/a.png' });
    await expect(updateTenantBranding(a.id, { accent: 'green', logoUrl: 'http://logo.example/a.png' }, { ...ctx, actorUserId: users.adminA })).rejects.toBeInstanceOf(Error);
    await updateTenantBranding(a.id, { accent: 'green', removeLogo: true }, { ...ctx, actorUserId: users.adminA });
    expect((await getTenantBranding(a.slug))?.logoSrc).toBeNull();
  });
});

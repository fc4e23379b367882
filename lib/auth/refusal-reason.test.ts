import { describe, expect, it } from 'vitest';
import { isTenantAdminPath, refusalReason, tenantSlugOfPath } from './refusal-reason';

describe('refusalReason', () => {
  it.each([
    [null, '/t/acme/admin/users', 'signed_out', 'acme'],
    [{ tenantSlug: 'globex', role: 'admin' as const }, '/t/acme', 'other_tenant', 'acme'],
    [{ tenantSlug: 'globex', role: 'member' as const }, '/t/acme/admin', 'other_tenant', 'acme'],
    [{ tenantSlug: 'acme', role: 'member' as const }, '/t/acme/admin/consent', 'not_admin', 'acme'],
    [{ tenantSlug: 'acme', role: 'member' as const }, null, 'other_tenant', null],
  ])('session %j at %s → %s', (session, path, reason, slug) => {
    expect(refusalReason({ session, path })).toEqual({ reason, slug });
  });

  it('reads the slug of tenant paths only', () => {
    expect(tenantSlugOfPath('/t/acme-2/admin')).toBe('acme-2');
    expect(tenantSlugOfPath('/login')).toBeNull();
    expect(tenantSlugOfPath('/tx/acme')).toBeNull();
  });

  it.each([
    ['/t/acme/admin', true],
    ['/t/acme/admin/users', true],
    ['/t/acme/admin?x=1', true],
    ['/t/acme', false],
    ['/t/acme/account', false],
    ['/t/acme/administrators', false],
    ['/admin', false],
    [null, false],
  ])('%s is a tenant admin path: %s', (path, expected) => {
    expect(isTenantAdminPath(path)).toBe(expected);
  });
});

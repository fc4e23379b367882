import { describe, expect, it } from 'vitest';
import { frontierOf } from '@/lib/onboarding/onboarding-state';
import type { Tenant } from '@/lib/tenants/tenant';
import { invitationStatus } from './invitation-status';

const now = new Date('2030-01-10T00:00:00Z');
const base = { expiresAt: new Date('2030-01-17T00:00:00Z'), revokedAt: null, usedAt: null, completedAt: null };
const past = new Date('2030-01-01T00:00:00Z');

describe('invitationStatus', () => {
  it.each([
    ['open', base, 'open'],
    ['claimed', { ...base, usedAt: past }, 'in_progress'],
    ['expired', { ...base, expiresAt: past }, 'expired'],
    ['revoked', { ...base, revokedAt: past }, 'revoked'],
    ['revoked and expired', { ...base, revokedAt: past, expiresAt: past }, 'revoked'],
    ['completed (even after expiry)', { ...base, usedAt: past, completedAt: past, expiresAt: past }, 'completed'],
    ['expiring exactly now', { ...base, expiresAt: now }, 'expired'],
  ])('%s', (_name, inv, expected) => {
    expect(invitationStatus(inv, now)).toBe(expected);
  });
});

describe('frontierOf (wizard progress)', () => {
  const tenant = (check: Date | null, code: string | null) => ({ lastDiscoveryCheckAt: check, lastDiscoveryCheckCode: code }) as Tenant;
  it.each([
    ['nothing saved', { slug: null, tenant: null, testedAt: null }, 'organization'],
    ['name saved', { slug: 'x', tenant: null, testedAt: null }, 'connection'],
    ['check failed', { slug: 'x', tenant: tenant(past, 'issuer_mismatch'), testedAt: null }, 'connection'],
    ['check passed', { slug: 'x', tenant: tenant(past, null), testedAt: null }, 'test'],
    ['tested', { slug: 'x', tenant: tenant(past, null), testedAt: past }, 'activate'],
  ] as const)('%s → %s', (_name, o, expected) => {
    expect(frontierOf(o)).toBe(expected);
  });
});

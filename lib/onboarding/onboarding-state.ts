/**
 * Where an onboarding stands, computed from the invitation and its draft tenant (so the wizard can be left
 * and resumed at any time in the browser that claimed the invitation): each step unlocks the next.
 */
import { getDb } from '@/lib/db/client';
import { invitationStatus, type InvitationRefusal } from '@/lib/invitations/invitation-status';
import { hashToken, isTokenShaped } from '@/lib/invitations/invitation-token';
import { getTenantById } from '@/lib/tenants/get-tenant';
import type { Tenant } from '@/lib/tenants/tenant';
import type { TestSignInClaims } from './record-test-sign-in';

/**
 * The six steps, in order (their titles are in the `onboarding.steps` catalogue). The connection is checked
 * when it is saved (step 3); email domains (step 5) are optional, so once the test sign-in passed both the
 * domains step and activation are open.
 */
export const WIZARD_STEPS = [
  { key: 'organization' },
  { key: 'okta' },
  { key: 'connection' },
  { key: 'test' },
  { key: 'domains' },
  { key: 'activate' },
] as const;

export type WizardStep = (typeof WIZARD_STEPS)[number]['key'];

export type Onboarding = {
  invitationId: string;
  email: string | null;
  expiresAt: Date;
  displayName: string | null;
  slug: string | null;
  tenant: Tenant | null;
  testClaims: TestSignInClaims | null;
  testedAt: Date | null;
  /** The furthest step the admin may open. */
  frontier: WizardStep;
};

/** The furthest reachable step: pure, for tests. */
export function frontierOf(o: Pick<Onboarding, 'slug' | 'tenant' | 'testedAt'>): WizardStep {
  if (!o.slug) return 'organization';
  if (!o.tenant) return 'connection';
  if (!o.tenant.lastDiscoveryCheckAt || o.tenant.lastDiscoveryCheckCode) return 'connection';
  if (!o.testedAt) return 'test';
  return 'activate';
}

export const stepIndex = (step: WizardStep) => WIZARD_STEPS.findIndex((s) => s.key === step);

/** The onboarding of the browser holding `claimToken` (its cookie), or why there is none. */
export async function getOnboarding(claimToken: string | undefined): Promise<{ ok: true; onboarding: Onboarding } | { ok: false; reason: InvitationRefusal | 'none' }> {
  if (!claimToken || !isTokenShaped(claimToken)) return { ok: false, reason: 'none' };
  const row = await getDb().tenantInvitation.findUnique({
    where: { claimHash: hashToken(claimToken) },
  });
  if (!row) return { ok: false, reason: 'none' };
  const status = invitationStatus(row);
  if (status !== 'in_progress') return { ok: false, reason: status === 'open' ? 'unknown' : status };
  const tenant = row.tenantId ? await getTenantById(row.tenantId) : null;
  const base = {
    invitationId: row.id,
    email: row.email,
    expiresAt: row.expiresAt,
    displayName: tenant?.displayName ?? row.displayName,
    slug: tenant?.slug ?? row.slug,
    tenant,
    testClaims: (row.testClaims as TestSignInClaims | null) ?? null,
    testedAt: row.testedAt,
  };
  return { ok: true, onboarding: { ...base, frontier: frontierOf(base) } };
}

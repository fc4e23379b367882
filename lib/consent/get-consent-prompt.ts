/**
 * What the consent page shows for this browser's pending sign-in: the tenant, the current statement, the
 * data items, and the CSRF token for the form — or why there is nothing to answer (no pending sign-in for
 * this browser, another tenant's, expired, or no statement any more).
 */
import 'server-only';
import { getDb } from '@/lib/db/client';
import { getEnv } from '@/lib/env';
import { getTenantBySlug } from '@/lib/tenants/get-tenant';
import type { Tenant } from '@/lib/tenants/tenant';
import { consentCsrfToken } from './consent-csrf';
import { getConsentPolicy, type ConsentPolicyView, type ConsentVersionView } from './get-consent-policy';
import { getPendingSignInByToken } from './pending-sign-in';

export type ConsentPrompt =
  | { ok: true; tenant: Tenant; policy: ConsentPolicyView; version: ConsentVersionView; pendingId: string; csrf: string; email: string | null; expiresAt: Date }
  | { ok: false; tenant: Tenant | null; reason: 'missing' | 'expired' | 'other_tenant' | 'no_statement' };

export async function getConsentPrompt(slug: string, cookieToken: string | undefined): Promise<ConsentPrompt> {
  const tenant = await getTenantBySlug(slug);
  const pending = await getPendingSignInByToken(cookieToken);
  if (!tenant || !pending) return { ok: false, tenant, reason: 'missing' };
  if (pending.tenantId !== tenant.id) return { ok: false, tenant, reason: 'other_tenant' };
  if (pending.expiresAt <= new Date()) return { ok: false, tenant, reason: 'expired' };
  const policy = await getConsentPolicy(getDb(), tenant.id);
  if (!policy.current) return { ok: false, tenant, reason: 'no_statement' };
  return {
    ok: true, tenant, policy, version: policy.current, pendingId: pending.id,
    csrf: consentCsrfToken(getEnv().AUTH_SECRET, pending.id, pending.tokenHash),
    email: policy.current.scopes.includes('email') && typeof pending.claims.email === 'string' ? pending.claims.email : null,
    expiresAt: pending.expiresAt,
  };
}

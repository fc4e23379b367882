/**
 * Checks a post of the consent page's form before anything is decided: same origin, a well-formed form,
 * the pending sign-in of *this* browser's cookie, the form's pending id and CSRF token made for it, the
 * tenant in the URL, and the 10-minute lifetime. Any failure throws `ConsentError`; nothing is written.
 */
import { getEnv } from '@/lib/env';
import { isSameOriginRequest } from '@/lib/http/same-origin';
import { getTenantBySlug } from '@/lib/tenants/get-tenant';
import type { Tenant } from '@/lib/tenants/tenant';
import { isValidConsentCsrf } from './consent-csrf';
import { ConsentError } from './consent-error';
import { consentDecisionSchema } from './consent-schema';
import { getPendingSignInByToken, type PendingSignInView } from './pending-sign-in';

export type ConsentPost = { tenant: Tenant; pending: PendingSignInView; decision: 'accept' | 'decline'; versionId: string };

export async function openConsentPost(input: {
  slug: string;
  headers: Headers;
  form: URLSearchParams;
  cookieToken: string | undefined;
  /** Filled in as soon as known, for the refusal's audit event. */
  attempt: { tenantId?: string; sub?: string };
}): Promise<ConsentPost> {
  const env = getEnv();
  if (!isSameOriginRequest(input.headers, env.APP_URL)) throw new ConsentError('consent_cross_site', 'Cross-site consent post');
  const tenant = await getTenantBySlug(input.slug);
  if (tenant) input.attempt.tenantId = tenant.id;
  const pending = await getPendingSignInByToken(input.cookieToken);
  if (!pending) throw new ConsentError('consent_request_missing', 'No pending sign-in for this browser');
  input.attempt.sub = pending.sub;
  input.attempt.tenantId ??= pending.tenantId;
  const formPending = input.form.get('pending');
  if (formPending && formPending !== pending.id) throw new ConsentError('consent_request_mismatch', 'Form names another pending sign-in');
  if (!isValidConsentCsrf(env.AUTH_SECRET, pending.id, pending.tokenHash, input.form.get('csrf'))) {
    throw new ConsentError('consent_csrf_failed', 'Missing or wrong CSRF token');
  }
  const parsed = consentDecisionSchema.safeParse(Object.fromEntries(input.form));
  if (!parsed.success) throw new ConsentError('consent_bad_request', 'Malformed consent form');
  if (!tenant || tenant.id !== pending.tenantId) throw new ConsentError('consent_other_tenant', 'Pending sign-in belongs to another tenant');
  if (pending.expiresAt <= new Date()) throw new ConsentError('consent_request_expired', 'Pending sign-in expired');
  return { tenant, pending, decision: parsed.data.decision, versionId: parsed.data.version };
}

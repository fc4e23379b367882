/**
 * The initiate login URI (OIDC Core §4), used by the Okta tile in "Redirect to app" mode: finds the
 * tenant by exact `iss` (plus `tenant` when one Okta org holds several instances), checks it allows
 * Okta-initiated sign-in, and starts a fresh code flow exactly as SP-initiated sign-in does, passing
 * `login_hint` on and keeping `target_link_uri` only when it is a path of this app.
 */
import { getEnv } from '@/lib/env';
import { getLog } from '@/lib/log';
import { parseInitiateParams } from '@/lib/oidc/initiate-params';
import { parseReturnTarget } from '@/lib/oidc/return-target';
import { gateUnknownLookups } from '@/lib/rate-limit/sign-in-gates';
import { getCachedProvenConnectionsForIssuer } from '@/lib/tenants/tenant-cache';
import type { RequestContext } from '@/lib/http/request-context';
import type { SignInAttempt } from './complete-code-sign-in';
import { SignInError } from './sign-in-error';
import { startSignIn } from './start-sign-in';

export async function initiateSignIn(params: URLSearchParams, context: RequestContext, attempt: SignInAttempt) {
  attempt.flow = 'okta_redirect';
  const parsed = parseInitiateParams(params);
  if (!parsed.ok) throw new SignInError('unknown_issuer', `Initiate login refused: ${parsed.reason}`, { reason: parsed.reason });
  const { iss, tenant: slug, loginHint, targetLinkUri } = parsed.value;
  await gateUnknownLookups(context);

  const candidates = await getCachedProvenConnectionsForIssuer(iss, { slug, tileMode: 'redirect' });
  if (candidates.length === 0) {
    // Say why when the one tenant named has this tile switched off; anything else is simply unknown.
    const [off] = await getCachedProvenConnectionsForIssuer(iss, { slug, limit: 1 });
    if (off && (slug !== null || off.loginInitiatedBy !== 'either')) {
      attempt.tenantId = off.id;
      attempt.tenantSlug = off.slug;
      throw new SignInError('okta_initiated_disabled', 'Tenant allows app-initiated sign-in only');
    }
    throw new SignInError('unknown_issuer', 'No tenant for this issuer', { iss: iss.slice(0, 200), tenant: slug });
  }
  if (candidates.length > 1) {
    throw new SignInError('ambiguous_issuer', 'Several tenants share this issuer', { iss });
  }
  const tenant = candidates[0]!;
  attempt.tenantId = tenant.id;
  attempt.tenantSlug = tenant.slug;
  if (tenant.loginInitiatedBy !== 'either') throw new SignInError('okta_initiated_disabled', 'Tenant allows app-initiated sign-in only');

  const target = parseReturnTarget(targetLinkUri, getEnv().APP_URL);
  if (!target.ok && target.reason !== 'absent') {
    getLog().warn({ tenant: tenant.slug, reason: target.reason, requestId: context.requestId }, 'target_link_uri ignored');
  }
  return startSignIn({ tenant, flow: 'okta_redirect', loginHint, returnTo: target.ok ? target.path : null, context });
}

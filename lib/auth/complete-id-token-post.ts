/**
 * Okta Simplified: the tile's browser POSTs an ID token (no `code`, no `state`) to the first redirect URI
 * or to the initiate login URI. Unsolicited, so: the tenant is found by the token's (`iss`, `aud`) among
 * active tenants' proven connections before anything else in it is trusted; the tenant must have this mode on; the form must come from Okta's site
 * (when the browser says where it came from); the token is verified in full with no
 * nonce, a fresh `iat` and a `jti` that `establishSession` accepts once (kept until `exp`).
 */
import { decodeJwt } from 'jose';
import { getEnv } from '@/lib/env';
import type { RequestContext } from '@/lib/http/request-context';
import { getIdpRuntime } from '@/lib/idp/idp-runtime';
import { OidcError } from '@/lib/oidc/errors';
import { isAllowedIdTokenPostOrigin } from '@/lib/oidc/id-token-post-origin';
import { verifyIdToken } from '@/lib/oidc/verify-id-token';
import { gateCompletionByAddress, gateCompletionForTenant, gateUnknownLookups } from '@/lib/rate-limit/sign-in-gates';
import { getActiveProvenConnectionsForIssuer } from '@/lib/tenants/get-tenant';
import type { SignInAttempt } from './complete-code-sign-in';
import { establishSession, type EstablishedSession } from './establish-session';
import { SignInError } from './sign-in-error';

export async function completeIdTokenPost(
  form: URLSearchParams,
  context: RequestContext,
  attempt: SignInAttempt,
): Promise<EstablishedSession> {
  attempt.flow = 'okta_id_token';
  await gateCompletionByAddress(context);
  const idToken = form.get('id_token');
  if (!idToken || form.getAll('id_token').length > 1 || form.has('code') || idToken.length > 16_384) {
    throw new SignInError('bad_request', 'Expected exactly one id_token and no code');
  }
  let unverified: { iss?: unknown; aud?: unknown };
  try {
    unverified = decodeJwt(idToken);
  } catch {
    throw new OidcError('malformed_token', 'ID token is not a JWT');
  }
  if (typeof unverified.iss !== 'string') throw new OidcError('malformed_token', 'ID token has no iss');
  const audiences = typeof unverified.aud === 'string' ? [unverified.aud] : Array.isArray(unverified.aud) ? unverified.aud : [];

  await gateUnknownLookups(context);
  const clientIds = audiences.filter((a): a is string => typeof a === 'string');
  const matches = await getActiveProvenConnectionsForIssuer(unverified.iss, { clientIds });
  if (matches.length === 0 && (await getActiveProvenConnectionsForIssuer(unverified.iss, { limit: 1 })).length === 0) {
    throw new SignInError('unknown_issuer', 'No tenant for this issuer', { iss: unverified.iss.slice(0, 200) });
  }
  if (matches.length !== 1) {
    throw new OidcError('aud_mismatch', 'ID token audience is not a client of this issuer', { aud: audiences.slice(0, 5) });
  }
  const tenant = matches[0]!;
  attempt.tenantId = tenant.id;
  attempt.tenantSlug = tenant.slug;
  // Okta offers "Send ID Token directly" only with "Login initiated by: Either Okta or App": both must be on.
  if (tenant.loginInitiatedBy !== 'either') throw new SignInError('okta_initiated_disabled', 'Tenant allows app-initiated sign-in only');
  if (tenant.tileLoginFlow !== 'id_token') throw new SignInError('id_token_post_disabled', 'Tenant does not accept ID token POSTs');
  if (!isAllowedIdTokenPostOrigin(context.origin ?? null, context.fetchSite ?? null, tenant.issuer, tenant.oktaOrgDomain)) {
    throw new SignInError('cross_site_post', 'ID token POST from a site other than Okta', { origin: context.origin?.slice(0, 200) });
  }
  const env = getEnv();
  const { cache } = getIdpRuntime();
  const claims = await verifyIdToken(idToken, {
    issuer: tenant.issuer,
    clientId: tenant.clientId,
    expectedNonce: null,
    requireJti: true,
    maxAgeSeconds: env.ID_TOKEN_POST_MAX_AGE_SECONDS,
    clockSkewSeconds: env.CLOCK_SKEW_SECONDS,
    now: new Date(),
    getKey: (header) => cache.getKey(tenant.issuer, header),
  });
  // Only a token whose signature verified counts against the tenant: forged ones never spend its budget.
  await gateCompletionForTenant(tenant, context);
  return establishSession({ tenant, claims, idToken, flow: 'okta_id_token', returnTo: null, context });
}

/**
 * Why a sign-in stopped, as a user is told it: one closed code list, each with an HTTP status, a calm
 * title and message, and whether trying again can help. Protocol errors (`OidcError`) map onto it here and
 * nowhere else; details go to the log and the audit trail, never to the page.
 */
import { SecretBoxError } from '@/lib/crypto/secret-box';
import { isBodyTooLargeError } from '@/lib/http/read-body';
import { isOidcError, type OidcErrorCode } from '@/lib/oidc/errors';
import { TenantError } from '@/lib/tenants/tenant-error';
import { isRateLimitedError } from '@/lib/rate-limit/rate-limited-error';

type Entry = { status: number; title: string; message: string; retry?: boolean };

const VERIFY: Entry = {
  status: 401,
  title: 'We could not verify your sign-in',
  message: 'The sign-in response from your organization could not be verified, so you were not signed in. Try again; if it keeps happening, contact your administrator.',
  retry: true,
};
const MISCONFIGURED: Entry = {
  status: 502,
  title: "Your organization's Okta connection needs attention",
  message: "The app could not use your organization's Okta settings. Please tell your administrator; nothing about your account has changed.",
};
const EXPIRED: Entry = {
  status: 400,
  title: 'Your sign-in expired',
  message: 'The sign-in took too long or was started in another window. Please start again.',
  retry: true,
};

const ENTRIES = {
  unknown_tenant: { status: 404, title: 'Organization not found', message: 'No organization matches what was entered. Check the spelling, or use the sign-in link your administrator gave you.', retry: true },
  user_deactivated: { status: 403, title: 'Your access has been turned off', message: 'An administrator of your organization has deactivated your access to this app. Please contact them.' },
  tenant_not_active: { status: 403, title: 'This organization is not active', message: 'Sign-in for this organization is not open yet or has been paused. Please contact your administrator.' },
  transaction_missing: EXPIRED,
  transaction_invalid: EXPIRED,
  state_mismatch: EXPIRED,
  malformed_callback: { ...EXPIRED, title: 'The sign-in response was incomplete' },
  idp_access_denied: { status: 403, title: 'Your organization did not let you in', message: "Okta refused the sign-in, usually because you are not assigned to this app. Ask your Okta administrator to assign you to it." },
  idp_consent_required: { status: 403, title: 'Okta asks for consent', message: "Your organization's Okta requires consent that was not given. Ask your Okta administrator to review the app's settings." },
  idp_login_required: { status: 401, title: 'Please sign in to Okta', message: 'Okta needs you to sign in again. Start the sign-in once more.', retry: true },
  idp_error: { status: 502, title: 'Okta returned an error', message: "Your organization's Okta could not complete the sign-in. Try again; if it keeps happening, contact your administrator.", retry: true },
  verification_failed: VERIFY,
  replayed_token: { ...VERIFY, message: 'This sign-in link was already used. Open the app from your Okta dashboard again.' },
  idp_timeout: { status: 504, title: "Your organization's Okta did not answer", message: 'Okta took too long to answer. Please try again in a moment.', retry: true },
  idp_unavailable: { status: 502, title: "Your organization's Okta is unavailable", message: 'The app could not reach Okta. Please try again in a moment.', retry: true },
  rate_limited: { status: 429, title: 'Too many sign-ins right now', message: 'More sign-ins arrived than the limit allows. Please wait a moment and try again.', retry: true },
  idp_rate_limited: { status: 503, title: "Your organization's Okta is busy", message: 'Okta asked the app to slow down. Please try again shortly.', retry: true },
  idp_misconfigured: MISCONFIGURED,
  client_rejected: { ...MISCONFIGURED, message: "Okta refused this app's credentials for your organization. Please tell your administrator." },
  dpop_mismatch: { ...MISCONFIGURED, message: 'Okta and this app disagree about DPoP (proof of possession) for your organization. Please tell your administrator: "Require DPoP header in token requests" must be set the same in Okta and in the connection settings here.' },
  unknown_issuer: { status: 400, title: 'Unknown Okta organization', message: 'The sign-in came from an Okta organization this app does not know. Ask your administrator to finish connecting it.' },
  ambiguous_issuer: { status: 400, title: 'Several organizations use this Okta', message: "Your Okta organization is connected to more than one account here, so the app cannot tell which one you meant. Administrator: add tenant=<your slug> to the app's initiate login URI in Okta." },
  okta_initiated_disabled: { status: 403, title: 'Sign-in from Okta is turned off', message: "This organization only allows signing in from the app. Start here instead, or ask your administrator to allow sign-in from Okta." },
  id_token_post_disabled: { status: 403, title: 'This Okta sign-in mode is turned off', message: "The Okta tile sent the sign-in directly, which this organization has not enabled. Ask your administrator to check the app's login flow setting." },
  cross_site_post: { status: 403, title: 'Sign-in refused', message: 'This sign-in was sent from a site other than your Okta. Open the app from your Okta dashboard instead.' },
  payload_too_large: { status: 413, title: 'Request too large', message: 'The sign-in form was larger than this app accepts, so it was not read.' },
  bad_request: { status: 400, title: 'Bad request', message: 'The request was malformed or incomplete.' },
  internal_error: { status: 500, title: 'Something went wrong', message: 'An unexpected error stopped the sign-in. Please try again; the request id below helps support find what happened.', retry: true },
} satisfies Record<string, Entry>;

export type SignInErrorCode = keyof typeof ENTRIES;

export class SignInError extends Error {
  override name = 'SignInError';
  constructor(
    readonly code: SignInErrorCode,
    message?: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message ?? code);
  }
}

const VERIFICATION_CODES: readonly OidcErrorCode[] = [
  'malformed_token', 'alg_not_allowed', 'unknown_kid', 'bad_signature', 'iss_mismatch', 'aud_mismatch', 'azp_missing',
  'azp_mismatch', 'token_expired', 'iat_in_future', 'iat_too_old', 'nbf_in_future', 'nonce_missing', 'nonce_mismatch',
  'jti_missing', 'sub_missing',
];

/** The user-facing code for any error; `detail` is the precise protocol code for logs and audit. */
export function classifySignInError(error: unknown): { code: SignInErrorCode; detail: string; details?: Record<string, unknown> } {
  if (error instanceof SignInError) return { code: error.code, detail: error.code, details: error.details };
  if (isBodyTooLargeError(error)) return { code: 'payload_too_large', detail: 'payload_too_large', details: { maxBytes: error.maxBytes } };
  if (isRateLimitedError(error)) {
    return { code: 'rate_limited', detail: error.policy, details: { policy: error.policy, limit: error.limit, retryAfter: error.retryAfterSeconds } };
  }
  // A tenant whose stored configuration cannot be used (no secret, key gone) is a configuration fault.
  if (error instanceof TenantError || error instanceof SecretBoxError) {
    return { code: 'idp_misconfigured', detail: error instanceof TenantError ? `tenant_${error.code}` : 'secret_undecryptable' };
  }
  if (!isOidcError(error)) return { code: 'internal_error', detail: 'internal_error' };
  const detail = error.code;
  const details = error.details;
  if (VERIFICATION_CODES.includes(detail)) return { code: 'verification_failed', detail, details };
  switch (detail) {
    case 'idp_error': {
      const idpError = String(details?.error ?? '');
      if (idpError === 'access_denied') return { code: 'idp_access_denied', detail: `idp_${idpError}`, details };
      if (idpError === 'consent_required') return { code: 'idp_consent_required', detail: `idp_${idpError}`, details };
      if (idpError === 'login_required' || idpError === 'interaction_required') return { code: 'idp_login_required', detail: `idp_${idpError}`, details };
      return { code: 'idp_error', detail, details };
    }
    case 'state_mismatch':
    case 'malformed_callback':
      return { code: detail, detail, details };
    case 'fetch_timeout':
      return { code: 'idp_timeout', detail, details };
    case 'idp_unreachable':
    case 'idp_http_error':
      return { code: 'idp_unavailable', detail, details };
    case 'idp_rate_limited':
      return { code: 'idp_rate_limited', detail, details };
    case 'token_request_failed':
      if (/dpop/.test(String(details?.error))) return { code: 'dpop_mismatch', detail, details };
      return { code: /invalid_client|unauthorized_client/.test(String(details?.error)) ? 'client_rejected' : 'idp_error', detail, details };
    default:
      return { code: 'idp_misconfigured', detail, details };
  }
}

export function describeSignInError(code: SignInErrorCode): Entry {
  return ENTRIES[code];
}

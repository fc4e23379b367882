/**
 * Why a sign-in stopped, as a user is told it: one closed code list, each with an HTTP status, a calm
 * title and message (translated, messages/<lang>/signInErrors.json), and whether trying again can help. Protocol errors (`OidcError`) map onto it here and
 * nowhere else; details go to the log and the audit trail, never to the page.
 */
import { SecretBoxError } from '@/lib/crypto/secret-box';
import { isBodyTooLargeError } from '@/lib/http/read-body';
import { DEFAULT_LOCALE, type Locale } from '@/lib/i18n/locales';
import { translatorFor } from '@/lib/i18n/translator';
import { isOidcError, type OidcErrorCode } from '@/lib/oidc/errors';
import { TenantError } from '@/lib/tenants/tenant-error';
import { isRateLimitedError } from '@/lib/rate-limit/rate-limited-error';

type Entry = { status: number; retry?: boolean };

const VERIFY: Entry = { status: 401, retry: true };
const MISCONFIGURED: Entry = { status: 502 };
const EXPIRED: Entry = { status: 400, retry: true };

/** Status and whether trying again can help, per code; the words are in messages/<lang>/signInErrors.json. */
const ENTRIES = {
  unknown_tenant: { status: 404, retry: true },
  user_deactivated: { status: 403 },
  tenant_not_active: { status: 403 },
  transaction_missing: EXPIRED,
  transaction_invalid: EXPIRED,
  state_mismatch: EXPIRED,
  malformed_callback: EXPIRED,
  idp_access_denied: { status: 403 },
  idp_consent_required: { status: 403 },
  idp_login_required: { status: 401, retry: true },
  idp_error: { status: 502, retry: true },
  verification_failed: VERIFY,
  replayed_token: VERIFY,
  idp_timeout: { status: 504, retry: true },
  idp_unavailable: { status: 502, retry: true },
  rate_limited: { status: 429, retry: true },
  idp_rate_limited: { status: 503, retry: true },
  idp_misconfigured: MISCONFIGURED,
  client_rejected: MISCONFIGURED,
  dpop_mismatch: MISCONFIGURED,
  unknown_issuer: { status: 400 },
  ambiguous_issuer: { status: 400 },
  okta_initiated_disabled: { status: 403 },
  id_token_post_disabled: { status: 403 },
  cross_site_post: { status: 403 },
  payload_too_large: { status: 413 },
  bad_request: { status: 400 },
  internal_error: { status: 500, retry: true },
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

/** What a person is told for `code`, in `locale`: status, title, message, and whether retrying can help. */
export function describeSignInError(
  code: SignInErrorCode,
  locale: Locale = DEFAULT_LOCALE,
): { status: number; title: string; message: string; retry?: boolean } {
  const t = translatorFor(locale, 'signInErrors');
  const entry: Entry = ENTRIES[code];
  const message = code === 'ambiguous_issuer' ? t('codes.ambiguous_issuer.message', { slug: t.raw('yourSlug') as string }) : t(`codes.${code}.message`);
  return { ...entry, title: t(`codes.${code}.title`), message };
}

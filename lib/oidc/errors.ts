/**
 * Typed errors of the OIDC protocol core.
 *
 * Every failure in `lib/oidc/` is an {@link OidcError} with a `code` from a closed union, so the one
 * mapper at the HTTP boundary can switch on it exhaustively. `details` carries what an operator needs
 * (claim name, expected and received values, URLs, statuses) and never secrets, nonces or whole tokens.
 */

/** Every code an {@link OidcError} can carry. Closed: adding one is a deliberate change to the mapper. */
export const OIDC_ERROR_CODES = [
  // ID token shape and signature
  'malformed_token',
  'alg_not_allowed',
  'unknown_kid',
  'bad_signature',
  // ID token claims
  'iss_mismatch',
  'aud_mismatch',
  'azp_missing',
  'azp_mismatch',
  'token_expired',
  'iat_in_future',
  'iat_too_old',
  'nbf_in_future',
  'nonce_missing',
  'nonce_mismatch',
  'jti_missing',
  'sub_missing',
  // Authorization response and token request (code flow)
  'state_mismatch',
  'malformed_callback',
  'idp_error',
  'token_request_failed',
  'token_response_invalid',
  // Discovery and JWKS
  'issuer_input_invalid',
  'discovery_invalid',
  'issuer_mismatch',
  'jwks_invalid',
  'no_rs256',
  // Outbound HTTP to an IdP
  'insecure_url',
  'address_refused',
  'fetch_timeout',
  'response_too_large',
  'redirect_refused',
  'idp_unreachable',
  'idp_http_error',
  'idp_rate_limited',
] as const;

/** A code from {@link OIDC_ERROR_CODES}. */
export type OidcErrorCode = (typeof OIDC_ERROR_CODES)[number];

/**
 * Structured context for logs and the audit trail. Values must be safe to log: claim names,
 * expected/received claim values, hosts, statuses. Never secrets, nonces or whole tokens.
 */
export type OidcErrorDetails = Record<string, unknown>;

/**
 * The one error type thrown by `lib/oidc/`. `message` is for developers and logs; users see a calm
 * message chosen from `code` by the boundary mapper. `cause` keeps the underlying error when there is one.
 */
export class OidcError extends Error {
  override readonly name = 'OidcError';
  readonly code: OidcErrorCode;
  readonly details?: OidcErrorDetails;

  constructor(code: OidcErrorCode, message: string, details?: OidcErrorDetails, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    if (details !== undefined) this.details = details;
  }
}

/**
 * True when `e` is an {@link OidcError}; with `code`, only when it also carries that code.
 * Falls back to a structural check so errors crossing module copies (e.g. test bundles) still match.
 */
export function isOidcError(e: unknown, code?: OidcErrorCode): e is OidcError {
  if (!(e instanceof Error)) return false;
  const candidate = (e as { code?: unknown }).code;
  const ok =
    e instanceof OidcError ||
    (e.name === 'OidcError' && typeof candidate === 'string' && (OIDC_ERROR_CODES as readonly string[]).includes(candidate));
  return ok && (code === undefined || candidate === code);
}

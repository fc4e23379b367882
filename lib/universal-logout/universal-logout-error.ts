/**
 * Why a Universal Logout request was refused. Each code has the HTTP status Okta's guide and the Global Token
 * Revocation draft give it; Okta reads only the status, so the JSON body is for people reading logs.
 */
export const UNIVERSAL_LOGOUT_ERRORS = {
  /** No `Authorization: Bearer` token, or not a compact JWS. */
  missing_token: 401,
  /** The token does not verify: signature, algorithm, `typ`, `aud`, times, lifetime, `jti`. */
  invalid_token: 401,
  /** Its issuer is no active tenant's Okta org. */
  unknown_issuer: 401,
  /** The `jti` was seen before. */
  replayed_token: 401,
  /** A valid token of a known org, but for no app instance (`sub` = client id) of ours, or about another org's user. */
  foreign_token: 403,
  /** The body is not the JSON this endpoint takes, or names an unknown subject format. */
  malformed_request: 400,
  /** No user of the tenant matches the subject. */
  unknown_user: 404,
} as const;

export type UniversalLogoutErrorCode = keyof typeof UNIVERSAL_LOGOUT_ERRORS;

export class UniversalLogoutError extends Error {
  override readonly name = 'UniversalLogoutError';
  readonly status: number;

  constructor(
    readonly code: UniversalLogoutErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.status = UNIVERSAL_LOGOUT_ERRORS[code];
  }
}

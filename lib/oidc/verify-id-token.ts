/**
 * ID token validation (OIDC Core §3.1.3.7), as this app's policy: RS256 only, key by `kid` from the
 * issuer's JWKS (never from `jku`, `x5u` or an embedded `jwk`), exact `iss`, `aud`/`azp` bound to the
 * client, time claims with a stated clock skew, `nonce` when the flow sent one. jose does the signature.
 */
import { compactVerify, decodeJwt, decodeProtectedHeader } from 'jose';
import { OidcError } from './errors';

/** Claims of a verified ID token. Registered claims are checked; unknown ones are passed through. */
export interface IdTokenClaims {
  iss: string;
  sub: string;
  aud: string | string[];
  exp: number;
  iat: number;
  nbf?: number;
  nonce?: string;
  jti?: string;
  azp?: string;
  email?: string;
  name?: string;
  preferred_username?: string;
  auth_time?: number;
  amr?: string[];
  idp?: string;
  [claim: string]: unknown;
}

/** The parts of the JWS header used to find the key. */
export interface IdTokenHeader {
  kid?: string;
  alg: string;
}

/** Inputs of {@link verifyIdToken}. All are the caller's, already resolved for one tenant. */
export interface VerifyIdTokenOptions {
  /** The tenant's issuer; `iss` must equal it exactly. */
  issuer: string;
  /** The tenant's client id; `aud` must contain it, `azp` must equal it when present. */
  clientId: string;
  /** The transaction's nonce; `null` for a flow without one (Okta Simplified): a `nonce` claim is then ignored. */
  expectedNonce: string | null;
  /** Require a non-empty `jti` (for one-time use by the caller). */
  requireJti?: boolean;
  /** Refuse tokens whose `iat` is older than this many seconds (plus skew). */
  maxAgeSeconds?: number;
  /** Tolerance applied to `exp`, `iat`, `nbf` and `maxAgeSeconds`. */
  clockSkewSeconds: number;
  now: Date;
  /** Resolves the verification key (e.g. `IssuerCache.getKey` bound to the issuer). */
  getKey: (header: IdTokenHeader) => Promise<CryptoKey>;
}

const MAX_TOKEN_LENGTH = 64 * 1024;
const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

const fail = (code: ConstructorParameters<typeof OidcError>[0], message: string, details?: Record<string, unknown>) =>
  new OidcError(code, message, details);

/**
 * Verifies `token` and returns its claims, or throws `OidcError` with the first failing check, in this
 * order: `malformed_token`, `alg_not_allowed`, errors of `getKey` (`unknown_kid`, fetch errors),
 * `bad_signature`, `iss_mismatch`, `aud_mismatch`, `azp_missing`, `azp_mismatch`, `token_expired`,
 * `iat_in_future`, `nbf_in_future`, `iat_too_old`, `sub_missing`, `nonce_missing`, `nonce_mismatch`,
 * `jti_missing`. Optional profile claims of the wrong type are dropped from the result, not trusted.
 * It proves who the IdP says the user is; the caller decides whether that tenant lets them in.
 */
export async function verifyIdToken(token: string, opts: VerifyIdTokenOptions): Promise<IdTokenClaims> {
  if (!(opts.clockSkewSeconds >= 0)) throw new RangeError('clockSkewSeconds must be a non-negative number');
  if (typeof token !== 'string' || token.length > MAX_TOKEN_LENGTH || !COMPACT_JWS.test(token)) {
    throw fail('malformed_token', 'Not a compact JWS');
  }
  let header: ReturnType<typeof decodeProtectedHeader>;
  try {
    header = decodeProtectedHeader(token);
    decodeJwt(token); // payload must be a JSON object
  } catch {
    throw fail('malformed_token', 'Header or payload is not base64url JSON');
  }
  if (header.kid !== undefined && typeof header.kid !== 'string') throw fail('malformed_token', 'kid is not a string');
  if (header.alg !== 'RS256') {
    throw fail('alg_not_allowed', 'ID token algorithm is not allowed', { expected: 'RS256', received: String(header.alg).slice(0, 20) });
  }

  const key = await opts.getKey({ alg: header.alg, ...(header.kid !== undefined && { kid: header.kid }) });
  let payloadBytes: Uint8Array;
  try {
    ({ payload: payloadBytes } = await compactVerify(token, key, { algorithms: ['RS256'] }));
  } catch {
    throw fail('bad_signature', 'ID token signature does not verify', { kid: header.kid ?? null });
  }
  const claims = JSON.parse(new TextDecoder().decode(payloadBytes)) as Record<string, unknown>;
  checkAudience(claims, opts);
  checkTimes(claims, opts);

  if (typeof claims.sub !== 'string' || claims.sub.length === 0) throw fail('sub_missing', 'ID token has no sub');
  if (opts.expectedNonce !== null) {
    if (claims.nonce === undefined) throw fail('nonce_missing', 'ID token has no nonce');
    if (typeof claims.nonce !== 'string' || !constantTimeEqual(claims.nonce, opts.expectedNonce)) {
      throw fail('nonce_mismatch', 'ID token nonce does not match the transaction');
    }
  }
  if (opts.requireJti && (typeof claims.jti !== 'string' || claims.jti.length === 0)) {
    throw fail('jti_missing', 'ID token has no jti');
  }
  return dropMistypedClaims(claims) as IdTokenClaims;
}

function checkAudience(claims: Record<string, unknown>, opts: VerifyIdTokenOptions): void {
  if (claims.iss !== opts.issuer) {
    throw fail('iss_mismatch', 'ID token issuer mismatch', { claim: 'iss', expected: opts.issuer, received: clip(claims.iss) });
  }
  const aud = claims.aud;
  const audiences = typeof aud === 'string' ? [aud] : Array.isArray(aud) && aud.every((a) => typeof a === 'string') ? aud : null;
  if (!audiences || !audiences.includes(opts.clientId)) {
    throw fail('aud_mismatch', 'ID token audience does not include the client', { claim: 'aud', expected: opts.clientId, received: clip(aud) });
  }
  if (audiences.length > 1 && claims.azp === undefined) {
    throw fail('azp_missing', 'ID token with several audiences has no azp', { claim: 'azp', expected: opts.clientId });
  }
  if (claims.azp !== undefined && claims.azp !== opts.clientId) {
    throw fail('azp_mismatch', 'ID token azp is not the client', { claim: 'azp', expected: opts.clientId, received: clip(claims.azp) });
  }
}

function checkTimes(claims: Record<string, unknown>, opts: VerifyIdTokenOptions): void {
  const now = opts.now.getTime() / 1000;
  const skew = opts.clockSkewSeconds;
  const { exp, iat, nbf } = claims;
  const at = { now: Math.floor(now), skew };
  if (!isNumericDate(exp)) throw fail('malformed_token', 'exp is missing or not a number', { claim: 'exp' });
  if (!(exp > now - skew)) throw fail('token_expired', 'ID token has expired', { claim: 'exp', exp, ...at });
  if (!isNumericDate(iat)) throw fail('malformed_token', 'iat is missing or not a number', { claim: 'iat' });
  if (iat > now + skew) throw fail('iat_in_future', 'ID token was issued in the future', { claim: 'iat', iat, ...at });
  if (nbf !== undefined) {
    if (!isNumericDate(nbf)) throw fail('malformed_token', 'nbf is not a number', { claim: 'nbf' });
    if (nbf > now + skew) throw fail('nbf_in_future', 'ID token is not valid yet', { claim: 'nbf', nbf, ...at });
  }
  if (opts.maxAgeSeconds !== undefined && iat < now - opts.maxAgeSeconds - skew) {
    throw fail('iat_too_old', 'ID token was issued too long ago', { claim: 'iat', iat, maxAgeSeconds: opts.maxAgeSeconds, ...at });
  }
}

/** A NumericDate between 1970 and the year 9999: larger values (`exp: 1e20`) are malformed, not "valid forever". */
const MAX_NUMERIC_DATE = 253_402_300_799;
const isNumericDate = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= MAX_NUMERIC_DATE;
const isString = (v: unknown) => typeof v === 'string';
const OPTIONAL_CLAIM_TYPES: Record<string, (v: unknown) => boolean> = {
  nonce: isString,
  jti: isString,
  email: isString,
  name: isString,
  preferred_username: isString,
  idp: isString,
  auth_time: isNumericDate,
  amr: (v) => Array.isArray(v) && v.every(isString),
};

function dropMistypedClaims(claims: Record<string, unknown>): Record<string, unknown> {
  const out = { ...claims };
  for (const [name, valid] of Object.entries(OPTIONAL_CLAIM_TYPES)) {
    if (out[name] !== undefined && !valid(out[name])) delete out[name];
  }
  return out;
}

/** A short, log-safe rendering of a claim value. */
function clip(value: unknown): unknown {
  if (typeof value === 'string') return value.slice(0, 200);
  if (Array.isArray(value)) return value.slice(0, 5).map((v) => (typeof v === 'string' ? v.slice(0, 200) : typeof v));
  return value === undefined ? null : typeof value;
}

/** Compares without an early exit, so the time taken does not reveal how much of the nonce matched. */
function constantTimeEqual(a: string, b: string): boolean {
  const x = new TextEncoder().encode(a);
  const y = new TextEncoder().encode(b);
  let diff = x.length ^ y.length;
  for (let i = 0; i < Math.max(x.length, y.length); i++) diff |= (x[i] ?? 0) ^ (y[i] ?? 0);
  return diff === 0;
}

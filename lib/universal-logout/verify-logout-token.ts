/**
 * Verifies the bearer token of a Universal Logout request (Okta's `SIGNED_JWT`, "Build Universal Logout for
 * your app"): RS256 with the Okta org's ID-token keys, `typ` `global-token-revocation+jwt` when present, `iss`
 * exactly the org, `aud` exactly this endpoint's URL, `exp`/`iat` present with a short lifetime, a `jti` for
 * one-time use. Pure: no database, no Next; the caller passes the expected issuer and a key resolver.
 */
import { compactVerify, decodeJwt, decodeProtectedHeader } from 'jose';
import { UniversalLogoutError } from './universal-logout-error';

export const LOGOUT_TOKEN_TYPE = 'global-token-revocation+jwt';
/** Okta's tokens live 5 minutes (`exp` = `iat` + 300 s); anything longer than this is refused. */
export const MAX_LOGOUT_TOKEN_LIFETIME_SECONDS = 600;
const MAX_TOKEN_LENGTH = 16 * 1024;
const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

export type LogoutTokenClaims = {
  iss: string;
  /** The client id of the app instance the request is for (Okta always sends it; optional in the draft). */
  sub?: string;
  jti: string;
  exp: number;
  iat: number;
};

export type VerifyLogoutTokenOptions = {
  issuer: string;
  /** The endpoint's own URL, without query or fragment. */
  audience: string;
  clockSkewSeconds: number;
  now: Date;
  getKey: (header: { alg: string; kid?: string }) => Promise<CryptoKey>;
};

const invalid = (message: string, details: Record<string, unknown> = {}) => new UniversalLogoutError('invalid_token', message, details);

/** The `iss` the unverified token names, so the caller can find the tenants and keys to check it with. */
export function peekLogoutTokenIssuer(token: string): string {
  if (token.length > MAX_TOKEN_LENGTH || !COMPACT_JWS.test(token)) throw new UniversalLogoutError('missing_token', 'Not a compact JWS');
  let iss: unknown;
  try {
    iss = decodeJwt(token).iss;
  } catch {
    throw invalid('Payload is not base64url JSON');
  }
  if (typeof iss !== 'string' || iss.length === 0 || iss.length > 1024) throw invalid('Token has no iss');
  return iss;
}

/** Returns the verified claims, or throws `UniversalLogoutError` `invalid_token` naming the first failed check. */
export async function verifyLogoutToken(token: string, opts: VerifyLogoutTokenOptions): Promise<LogoutTokenClaims> {
  let header: ReturnType<typeof decodeProtectedHeader>;
  try {
    header = decodeProtectedHeader(token);
  } catch {
    throw invalid('Header is not base64url JSON');
  }
  if (header.alg !== 'RS256') throw invalid('Algorithm is not allowed', { expected: 'RS256', received: String(header.alg).slice(0, 20) });
  if (header.typ !== undefined && header.typ !== LOGOUT_TOKEN_TYPE) {
    // An ID token or any other JWT of the org must not double as a logout request.
    throw invalid('Wrong token type', { expected: LOGOUT_TOKEN_TYPE, received: String(header.typ).slice(0, 60) });
  }
  if (header.kid !== undefined && typeof header.kid !== 'string') throw invalid('kid is not a string');

  let key: CryptoKey;
  try {
    key = await opts.getKey({ alg: header.alg, ...(header.kid !== undefined && { kid: header.kid }) });
  } catch (error) {
    throw invalid('No key of the issuer matches the token', { reason: (error as { code?: string }).code ?? 'key_lookup_failed' });
  }
  let payload: Record<string, unknown>;
  try {
    const { payload: bytes } = await compactVerify(token, key, { algorithms: ['RS256'] });
    payload = JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
  } catch {
    throw invalid('Signature does not verify');
  }

  if (payload.iss !== opts.issuer) throw invalid('Issuer mismatch', { expected: opts.issuer });
  const aud = payload.aud;
  const audiences = typeof aud === 'string' ? [aud] : Array.isArray(aud) ? aud : [];
  if (!audiences.includes(opts.audience)) throw invalid('Audience is not this endpoint', { expected: opts.audience, received: clip(aud) });

  const now = opts.now.getTime() / 1000;
  const skew = opts.clockSkewSeconds;
  const { exp, iat, nbf, jti, sub } = payload;
  if (!isNumber(exp) || !isNumber(iat)) throw invalid('exp and iat are required');
  if (exp <= now - skew) throw invalid('Token has expired', { exp, now: Math.floor(now) });
  if (iat > now + skew) throw invalid('Token was issued in the future', { iat, now: Math.floor(now) });
  if (nbf !== undefined && (!isNumber(nbf) || nbf > now + skew)) throw invalid('Token is not valid yet');
  if (exp - iat > MAX_LOGOUT_TOKEN_LIFETIME_SECONDS) {
    throw invalid('Token lifetime is too long', { lifetime: exp - iat, max: MAX_LOGOUT_TOKEN_LIFETIME_SECONDS });
  }
  if (typeof jti !== 'string' || jti.length === 0 || jti.length > 255) throw invalid('Token has no usable jti');
  if (sub !== undefined && (typeof sub !== 'string' || sub.length === 0 || sub.length > 255)) throw invalid('sub is not a client id');
  return { iss: opts.issuer, jti, exp, iat, ...(sub !== undefined && { sub: sub as string }) };
}

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function clip(value: unknown): unknown {
  if (typeof value === 'string') return value.slice(0, 200);
  if (Array.isArray(value)) return value.slice(0, 5).map((v) => (typeof v === 'string' ? v.slice(0, 200) : typeof v));
  return value === undefined ? null : typeof value;
}

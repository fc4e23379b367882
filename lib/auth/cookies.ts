/**
 * Names and attributes of the app's cookies. On https they are `__Host-` cookies (Secure, Path=/, no
 * Domain). All are HttpOnly and SameSite=Lax: the IdP's redirect back is a top-level GET navigation, which
 * carries Lax cookies; the Okta Simplified POST needs no cookie at all (it only sets the session cookie).
 */
import { getEnv } from '@/lib/env';

export type CookieSpec = { name: string; options: { httpOnly: true; secure: boolean; sameSite: 'lax'; path: '/'; maxAge?: number } };

function spec(base: string, maxAge?: number): CookieSpec {
  const secure = getEnv().APP_URL.startsWith('https://');
  return { name: secure ? `__Host-${base}` : base, options: { httpOnly: true, secure, sameSite: 'lax', path: '/', maxAge } };
}

/** The session cookie: a random token whose SHA-256 is the session row's `tokenHash`. */
export const sessionCookie = (maxAgeSeconds?: number) => spec('session', maxAgeSeconds);

/** The sealed sign-in transaction (state, nonce, PKCE verifier, tenant) for the code flow; 10 minutes. */
export const TRANSACTION_TTL_SECONDS = 600;
export const transactionCookie = (maxAgeSeconds: number = TRANSACTION_TTL_SECONDS) => spec('signin-tx', maxAgeSeconds);

/** A sign-in waiting on the consent page: a random token whose SHA-256 is the pending row's `tokenHash`; 10 minutes. */
export const consentCookie = (maxAgeSeconds?: number) => spec('signin-consent', maxAgeSeconds);

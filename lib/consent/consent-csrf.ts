/**
 * The consent form's CSRF token: an HMAC (key derived from AUTH_SECRET) over the pending sign-in's id and
 * the hash of the browser's pending token. Only the page served to the browser holding the pending cookie
 * can know it; a forged form (other user, other browser, other site) cannot.
 */
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

function key(secret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'okta-oin-saas', 'consent-csrf', 32));
}

export function consentCsrfToken(secret: string, pendingId: string, pendingTokenHash: string): string {
  return createHmac('sha256', key(secret)).update(`${pendingId}.${pendingTokenHash}`).digest('base64url');
}

export function isValidConsentCsrf(secret: string, pendingId: string, pendingTokenHash: string, given: string | null | undefined): boolean {
  if (!given) return false;
  const expected = Buffer.from(consentCsrfToken(secret, pendingId, pendingTokenHash));
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

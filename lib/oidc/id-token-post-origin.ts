/**
 * Login-CSRF defence for Okta Simplified: the ID token arrives in a form POST from Okta's own page, so the
 * browser-sent `Origin` must be the issuer's origin. For an issuer on a custom domain the End-User
 * Dashboard may live on the org's Okta-hosted domain, so an https Okta-hosted origin is accepted there.
 * `Origin: null` (sandboxed frames, no-referrer pages) is refused; a missing `Origin` is accepted only
 * from clients that send no `Sec-Fetch-Site` either (not a modern browser, so not a login-CSRF vector).
 */
import { OKTA_HOST } from './discovery';

export function isAllowedIdTokenPostOrigin(origin: string | null, fetchSite: string | null, issuer: string): boolean {
  if (origin === null || origin === '') return fetchSite === null || fetchSite === 'none' || fetchSite === 'same-origin';
  if (origin === 'null') return false;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  const issuerUrl = new URL(issuer);
  if (url.origin === issuerUrl.origin) return true;
  const issuerIsOktaHosted = OKTA_HOST.test(issuerUrl.hostname);
  return !issuerIsOktaHosted && url.protocol === 'https:' && OKTA_HOST.test(url.hostname);
}

/**
 * Login-CSRF defence for Okta Simplified: the ID token arrives in a form POST from Okta's own page, so the
 * browser-sent `Origin` must be the issuer's origin — or, for an issuer on a custom domain, the tenant's own
 * Okta-hosted org domain as its admin recorded it (`acme.okta.com`: the End-User Dashboard may live there).
 * Never "any Okta-hosted origin": another org's dashboard is not this tenant's.
 * `Origin: null` (sandboxed frames, no-referrer pages) is refused; a missing `Origin` is accepted only
 * from clients that send no `Sec-Fetch-Site` either (not a modern browser, so not a login-CSRF vector).
 */
import { OKTA_HOST } from './discovery';

export function isAllowedIdTokenPostOrigin(
  origin: string | null,
  fetchSite: string | null,
  issuer: string,
  /** The tenant's recorded Okta org domain (hostname), for a custom-domain issuer; null when none. */
  oktaOrgDomain: string | null = null,
): boolean {
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
  if (!oktaOrgDomain || OKTA_HOST.test(issuerUrl.hostname) || !isOktaOrgDomain(oktaOrgDomain)) return false;
  return url.protocol === 'https:' && url.port === '' && url.hostname === oktaOrgDomain.toLowerCase();
}

/** A bare Okta-hosted hostname such as `acme.okta.com` (no scheme, port or path). */
export function isOktaOrgDomain(value: string): boolean {
  return /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/i.test(value) && OKTA_HOST.test(value.toLowerCase());
}

import { describe, expect, it } from 'vitest';
import { isAllowedIdTokenPostOrigin, isOktaOrgDomain } from './id-token-post-origin';

describe('isAllowedIdTokenPostOrigin', () => {
  it.each<[string | null, string | null, string, string | null]>([
    ['https://login.acme.com', null, 'https://login.acme.com', null],
    ['https://acme.okta.com', 'cross-site', 'https://login.acme.com', 'acme.okta.com'],
    ['https://acme.okta.com', 'cross-site', 'https://login.acme.com', 'ACME.okta.com'],
    ['https://acme.okta.com', 'cross-site', 'https://acme.okta.com', null],
    ['http://127.0.0.1:9101', 'cross-site', 'http://127.0.0.1:9101', null],
    [null, null, 'https://acme.okta.com', null],
  ])('allows Origin %s (Sec-Fetch-Site %s) for issuer %s, org domain %s', (origin, site, issuer, orgDomain) => {
    expect(isAllowedIdTokenPostOrigin(origin, site, issuer, orgDomain)).toBe(true);
  });

  it.each<[string | null, string | null, string, string | null]>([
    ['null', 'cross-site', 'https://acme.okta.com', null],
    [null, 'cross-site', 'https://acme.okta.com', null],
    ['https://evil.example', 'cross-site', 'https://acme.okta.com', null],
    ['https://attacker.okta.com', 'cross-site', 'https://acme.okta.com', null],
    // Custom-domain issuer: another Okta org's origin is refused, with or without a recorded org domain.
    ['https://attacker.okta.com', 'cross-site', 'https://login.acme.com', null],
    ['https://attacker.okta.com', 'cross-site', 'https://login.acme.com', 'acme.okta.com'],
    ['https://acme.okta.com:8443', 'cross-site', 'https://login.acme.com', 'acme.okta.com'],
    ['http://acme.okta.com', 'cross-site', 'https://login.acme.com', 'acme.okta.com'],
    // A recorded "org domain" that is not Okta-hosted is not trusted.
    ['https://evil.example', 'cross-site', 'https://login.acme.com', 'evil.example'],
    ['https://okta.com.evil.example', 'cross-site', 'https://login.acme.com', 'okta.com.evil.example'],
    ['https://evil-okta.com', 'cross-site', 'https://login.acme.com', 'evil-okta.com'],
    // An Okta-hosted issuer accepts only itself, whatever is recorded.
    ['https://other.okta.com', 'cross-site', 'https://acme.okta.com', 'other.okta.com'],
    ['http://127.0.0.1:9102', 'cross-site', 'http://127.0.0.1:9101', null],
    ['not a url', 'cross-site', 'https://acme.okta.com', null],
  ])('refuses Origin %s (Sec-Fetch-Site %s) for issuer %s, org domain %s', (origin, site, issuer, orgDomain) => {
    expect(isAllowedIdTokenPostOrigin(origin, site, issuer, orgDomain)).toBe(false);
  });

  it.each([
    ['acme.okta.com', true], ['acme.oktapreview.com', true], ['acme.okta-emea.com', true],
    ['https://acme.okta.com', false], ['acme.okta.com/', false], ['acme.okta.com:443', false], ['okta.com.evil.example', false],
    ['login.acme.com', false], ['', false],
  ])('isOktaOrgDomain(%s) is %s', (value, expected) => {
    expect(isOktaOrgDomain(value)).toBe(expected);
  });
});

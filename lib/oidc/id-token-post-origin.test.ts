import { describe, expect, it } from 'vitest';
import { isAllowedIdTokenPostOrigin } from './id-token-post-origin';

describe('isAllowedIdTokenPostOrigin', () => {
  it.each([
    ['https://login.acme.com', null, 'https://login.acme.com'],
    ['https://acme.okta.com', 'cross-site', 'https://login.acme.com'],
    ['https://acme.okta.com', 'cross-site', 'https://acme.okta.com'],
    ['http://127.0.0.1:9101', 'cross-site', 'http://127.0.0.1:9101'],
    [null, null, 'https://acme.okta.com'],
  ])('allows Origin %s (Sec-Fetch-Site %s) for issuer %s', (origin, site, issuer) => {
    expect(isAllowedIdTokenPostOrigin(origin, site, issuer)).toBe(true);
  });

  it.each([
    ['null', 'cross-site', 'https://acme.okta.com'],
    [null, 'cross-site', 'https://acme.okta.com'],
    ['https://evil.example', 'cross-site', 'https://acme.okta.com'],
    ['https://attacker.okta.com', 'cross-site', 'https://acme.okta.com'],
    ['https://okta.com.evil.example', 'cross-site', 'https://login.acme.com'],
    ['http://acme.okta.com', 'cross-site', 'https://login.acme.com'],
    ['https://evil-okta.com', 'cross-site', 'https://login.acme.com'],
    ['http://127.0.0.1:9102', 'cross-site', 'http://127.0.0.1:9101'],
    ['not a url', 'cross-site', 'https://acme.okta.com'],
  ])('refuses Origin %s (Sec-Fetch-Site %s) for issuer %s', (origin, site, issuer) => {
    expect(isAllowedIdTokenPostOrigin(origin, site, issuer)).toBe(false);
  });
});

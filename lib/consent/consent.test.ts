import { describe, expect, it } from 'vitest';
import type { IdTokenClaims } from '@/lib/oidc/verify-id-token';
import { consentCsrfToken, isValidConsentCsrf } from './consent-csrf';
import { consentSettingsSchema, consentVersionSchema } from './consent-schema';
import { normaliseScopes, profileForScopes, scopesCover } from './consent-scopes';
import { grantCovers } from './get-consent-policy';
import { renderConsentMarkdown } from './render-consent-markdown';

const claims = { iss: 'https://x', sub: 's', aud: 'a', exp: 2, iat: 1, email: 'pat@x.test', name: 'Pat', preferred_username: 'pat@x.test' } as IdTokenClaims;

describe('profileForScopes (data minimisation)', () => {
  it.each([
    [['openid'], { email: null, name: null }],
    [['openid', 'email'], { email: 'pat@x.test', name: null }],
    [['openid', 'profile'], { email: null, name: 'Pat' }],
    [['openid', 'profile', 'email'], { email: 'pat@x.test', name: 'Pat' }],
  ])('keeps only the claims of %j', (scopes, expected) => {
    expect(profileForScopes(claims, scopes)).toEqual(expected);
  });
});

describe('scopes', () => {
  it('normalises to openid first and drops unknown scopes', () => {
    expect(normaliseScopes(['email', 'groups', 'profile'])).toEqual(['openid', 'profile', 'email']);
  });
  it('covers when every required scope is granted', () => {
    expect(scopesCover(['openid', 'profile', 'email'], ['openid', 'email'])).toBe(true);
    expect(scopesCover(['openid'], ['openid', 'email'])).toBe(false);
  });
});

describe('grantCovers', () => {
  const policy = { current: { scopes: ['openid', 'email'] } as never, baselineVersion: 2 };
  it.each([
    ['a grant of the baseline with the scopes', { version: 2, scopes: ['openid', 'email'], revokedAt: null }, true],
    ['a later grant with more scopes', { version: 3, scopes: ['openid', 'profile', 'email'], revokedAt: null }, true],
    ['a grant before a re-consent version', { version: 1, scopes: ['openid', 'email'], revokedAt: null }, false],
    ['a grant missing a scope', { version: 2, scopes: ['openid'], revokedAt: null }, false],
    ['a revoked grant', { version: 2, scopes: ['openid', 'email'], revokedAt: new Date() }, false],
  ])('%s → %s', (_name, grant, expected) => {
    expect(grantCovers(grant, policy)).toBe(expected);
  });
  it('never covers without a current version', () => {
    expect(grantCovers({ version: 1, scopes: ['openid'], revokedAt: null }, { current: null, baselineVersion: 1 })).toBe(false);
  });
});

describe('consent CSRF token', () => {
  const secret = 'x'.repeat(40);
  it('accepts its own token only', () => {
    const token = consentCsrfToken(secret, 'p1', 'h1');
    expect(isValidConsentCsrf(secret, 'p1', 'h1', token)).toBe(true);
    expect(isValidConsentCsrf(secret, 'p2', 'h1', token)).toBe(false);
    expect(isValidConsentCsrf(secret, 'p1', 'h2', token)).toBe(false);
    expect(isValidConsentCsrf('y'.repeat(40), 'p1', 'h1', token)).toBe(false);
    expect(isValidConsentCsrf(secret, 'p1', 'h1', null)).toBe(false);
    expect(isValidConsentCsrf(secret, 'p1', 'h1', `${token}x`)).toBe(false);
  });
});

describe('renderConsentMarkdown', () => {
  it('never passes raw HTML through', () => {
    const html = renderConsentMarkdown('Hi <script>alert(1)</script> <img src=x onerror=alert(1)>');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;');
  });
  it('links open safely and dangerous schemes are dropped', () => {
    const html = renderConsentMarkdown('[terms](https://example.com/terms) https://example.com/privacy [x](javascript:alert(1))');
    expect(html).toContain('href="https://example.com/terms"');
    expect(html).toContain('href="https://example.com/privacy"');
    expect(html.match(/rel="noopener noreferrer"/g)).toHaveLength(2);
    expect(html).not.toMatch(/href="javascript/i);
  });
});

describe('consent schemas', () => {
  it('always includes openid and refuses other scopes', () => {
    expect(consentVersionSchema.parse({ title: 'Terms', bodyMarkdown: 'We receive your email.', scopes: ['email'], requireReconsent: 'on' }))
      .toMatchObject({ scopes: ['openid', 'email'], requireReconsent: true });
    expect(consentVersionSchema.safeParse({ title: 'Terms', bodyMarkdown: 'We receive your email.', scopes: ['groups'], requireReconsent: false }).success).toBe(false);
  });
  it.each(['javascript:alert(1)', 'https://evil.example/logo.png', '//evil.example/x', 'data:image/svg+xml;base64,PHN2Zz4='])('refuses logo %s', (logoUrl) => {
    expect(consentSettingsSchema.safeParse({ required: true, supportContact: null, logoUrl }).success).toBe(false);
  });
  it('takes an email or https support contact', () => {
    expect(consentSettingsSchema.parse({ required: 'on', supportContact: 'help@acme.test', logoUrl: '' })).toEqual({ required: true, supportContact: 'help@acme.test', logoUrl: null });
    expect(consentSettingsSchema.safeParse({ required: false, supportContact: 'http://x.test', logoUrl: null }).success).toBe(false);
  });
});

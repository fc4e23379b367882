import { describe, expect, it } from 'vitest';
import type { IdTokenClaims } from '@/lib/oidc/verify-id-token';
import { consentCsrfToken, isValidConsentCsrf } from './consent-csrf';
import { LogoError, MAX_LOGO_BYTES, logoSrc, parseLogoImage, parseLogoUrl } from './consent-logo';
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
  it.each(['javascript:alert(1)', 'http://cdn.example/logo.png', '//evil.example/x', '/api/auth/signin?tenant=acme', 'data:image/svg+xml;base64,PHN2Zz4=', 'data:image/png;base64,iVBORw0KGgo='])(
    'refuses logo URL %s', (logoUrl) => {
      expect(consentSettingsSchema.safeParse({ required: true, supportContact: null, logoUrl }).success).toBe(false);
    });
  it('takes an https logo URL of another site, never one of this app', () => {
    expect(consentSettingsSchema.parse({ required: true, supportContact: null, logoUrl: 'https://cdn.acme.test/logo.png' }).logoUrl).toBe('https://cdn.acme.test/logo.png');
    expect(parseLogoUrl('https://cdn.acme.test/logo.png', 'https://app.example.com')).toBe('https://cdn.acme.test/logo.png');
    expect(() => parseLogoUrl('https://app.example.com/t/acme/admin', 'https://app.example.com')).toThrow(LogoError);
    expect(() => parseLogoUrl('https://user:pw@cdn.acme.test/logo.png', 'https://app.example.com')).toThrow(LogoError);
  });
  it('takes an email or https support contact', () => {
    expect(consentSettingsSchema.parse({ required: 'on', supportContact: 'help@acme.test', logoUrl: '' })).toEqual({ required: true, supportContact: 'help@acme.test', logoUrl: null });
    expect(consentSettingsSchema.safeParse({ required: false, supportContact: 'http://x.test', logoUrl: null }).success).toBe(false);
  });
});

describe('uploaded consent logos', () => {
  const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
  const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]);
  it('recognises PNG and JPEG by their first bytes', () => {
    expect(parseLogoImage(png)).toMatchObject({ contentType: 'image/png', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(parseLogoImage(jpeg).contentType).toBe('image/jpeg');
  });
  it.each([
    ['SVG', new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')],
    ['HTML', new TextEncoder().encode('<!doctype html><script>alert(1)</script>')],
    ['GIF', new TextEncoder().encode('GIF89a....')],
    ['an empty file', new Uint8Array(0)],
    ['a PNG over 100 KB', (() => { const b = new Uint8Array(MAX_LOGO_BYTES + 1); b.set(png); return b; })()],
  ])('refuses %s', (_name, bytes) => {
    expect(() => parseLogoImage(bytes)).toThrow(LogoError);
  });
  it('the consent pages load an uploaded logo from its own route, versioned by its hash', () => {
    expect(logoSrc('acme', { sha256: 'ab'.repeat(32), url: 'https://cdn.acme.test/x.png' })).toBe(`/t/acme/consent/logo?v=${'ab'.repeat(8)}`);
    expect(logoSrc('acme', { sha256: null, url: 'https://cdn.acme.test/x.png' })).toBe('https://cdn.acme.test/x.png');
    expect(logoSrc('acme', { sha256: null, url: null })).toBeNull();
  });
});

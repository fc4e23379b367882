import { describe, expect, it } from 'vitest';
import { brand } from '@/lib/branding/brand';
import { checkOinLogo } from './check-logo';
import { oinSubmission, type OinSubmission } from './oin-submission';

const goodLogo = { file: 'public/oin-logo.png', check: { ok: true, bytes: 2000, image: { format: 'png' as const, width: 840, height: 240 }, problems: [] } };

function field(s: OinSubmission, section: string, label: string): string {
  const value = s.sections.find((x) => x.title === section)?.fields.find((f) => f.label === label)?.value;
  if (value === undefined) throw new Error(`no field ${section} / ${label}`);
  return value;
}

describe('oinSubmission', () => {
  const s = oinSubmission('https://app.example.com/', goodLogo);

  it.each([
    ['General settings', 'Display name', brand.productName],
    ['General settings', 'Description', brand.description],
    ['General settings', 'Logo', 'public/oin-logo.png'],
    ['Capabilities and protocol', 'Protocol', 'OIDC (OpenID Connect)'],
    ['Capabilities and protocol', 'Grant type', 'Authorization Code'],
    ['OIDC properties', 'Sign-in redirect URI', 'https://app.example.com/api/auth/callback/okta'],
    ['OIDC properties', 'Initiate login URI', 'https://app.example.com/api/auth/initiate?tenant={app.tenant}'],
    ['OIDC properties', 'Sign-out redirect URI', 'https://app.example.com/signed-out'],
    ['OIDC properties', 'Configuration guide URL', 'https://app.example.com/guide'],
    ['OIDC properties', 'Scopes', 'openid profile email'],
    ['Universal Logout', 'Global token revocation endpoint', 'https://app.example.com/api/auth/universal-logout'],
    ['Universal Logout', 'Authentication method', 'SIGNED_JWT'],
    ['Universal Logout', 'Subject format', 'Issuer and Subject identifier'],
  ])('%s / %s = %s', (section, label, value) => {
    expect(field(s, section, label)).toBe(value);
  });

  it('names the tenant variable in Okta Expression Language and tells reviewers how to sign in', () => {
    expect(field(s, 'Integration variables', 'Variable "tenant"')).toContain('Name: tenant');
    expect(field(s, 'Test account for Okta reviewers', 'Instructions')).toContain('https://app.example.com/login');
    expect(s.problems).toEqual([]);
  });

  it('every URI is within the wizard limit of 1024 characters and has no trailing-slash doubling', () => {
    for (const f of s.sections.flatMap((x) => x.fields).filter((f) => f.value.startsWith('https://'))) {
      expect(f.value.length).toBeLessThanOrEqual(1024);
      expect(f.value).not.toContain('//api');
    }
  });

  it('reports what would fail the submission: a bad logo and a non-https origin', () => {
    const bad = oinSubmission('http://localhost:3000', { file: 'logo.png', check: checkOinLogo(Buffer.from('<svg/>')) });
    expect(bad.problems).toEqual([
      'Logo logo.png: not a PNG, JPG or GIF file',
      expect.stringMatching(/not https/),
    ]);
    expect(field(bad, 'General settings', 'Logo')).toBe('logo.png');
  });
});

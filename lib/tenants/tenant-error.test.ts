import { describe, expect, it } from 'vitest';
import { translatorFor } from '@/lib/i18n/translator';
import { catalogues } from '@/messages';
import { TenantError, rethrowUniqueViolation, type TenantErrorReason } from './tenant-error';

const reasons = Object.keys(catalogues.en.tenantErrors) as TenantErrorReason[];

describe('TenantError', () => {
  it('carries its kind, its stable reason and the English text for the CLI and logs', () => {
    const error = new TenantError('public_domain', 'public_domain', { domain: 'gmail.com' });
    expect(error).toMatchObject({ code: 'public_domain', reason: 'public_domain', params: { domain: 'gmail.com' } });
    expect(error.message).toBe('gmail.com is a public email domain: it cannot route to one organization');
  });

  it('is shown in German from its reason and params (what forms and pages do)', () => {
    const error = new TenantError('slug_taken', 'slug_taken', { slug: 'acme' });
    expect(translatorFor('de', 'tenantErrors')(error.reason, error.params)).toBe('Der Kurzname „acme“ ist bereits vergeben');
  });

  it.each(reasons)('%s has a German text that differs from the English one', (reason) => {
    const params = { slug: 'acme', domain: 'acme.com', domains: 'acme.com', method: 'client_secret_basic', sub: '00u1', status: 'draft', path: 'tenants.0', issue: 'x', variable: 'X', message: 'x' };
    const en = translatorFor('en', 'tenantErrors')(reason, params);
    const de = translatorFor('de', 'tenantErrors')(reason, params);
    expect(en).not.toMatch(/[{}]/);
    expect(de).not.toMatch(/[{}]/);
    if (reason !== 'import_entry_failed') expect(de).not.toBe(en);
  });

  it('maps unique violations to a reason with the values that clashed', () => {
    const violation = (target: string[]) => Object.assign(new Error('Unique constraint failed'), { code: 'P2002', meta: { target } });
    expect(() => rethrowUniqueViolation(violation(['slug']), { slug: 'acme' })).toThrow(expect.objectContaining({ reason: 'slug_taken', params: { slug: 'acme' } }));
    expect(() => rethrowUniqueViolation(violation(['verifiedDomain']), { domains: ['a.com', 'b.com'] })).toThrow(
      expect.objectContaining({ reason: 'domain_taken', message: 'An email domain in a.com, b.com is already verified by another tenant' }),
    );
    expect(() => rethrowUniqueViolation(violation(['provenIssuer', 'provenClientId']), {})).toThrow(expect.objectContaining({ reason: 'client_taken' }));
  });
});

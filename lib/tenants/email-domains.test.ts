import { describe, expect, it } from 'vitest';
import { assertClaimableDomains, verificationRecord } from './email-domains';
import { isPublicEmailDomain } from './public-email-domains';

describe('public email domains', () => {
  it.each(['gmail.com', 'GMAIL.com', 'outlook.com', 'yahoo.com', 'mail.ru', 'eu.gmail.com'])('%s is public', (domain) => {
    expect(isPublicEmailDomain(domain)).toBe(true);
    expect(() => assertClaimableDomains(['acme.com', domain])).toThrow(/public email domain/);
  });

  it.each(['acme.com', 'bigcorp.example', 'gmail.com.acme.example', 'notgmail.com'])('%s is not', (domain) => {
    expect(isPublicEmailDomain(domain)).toBe(false);
  });
});

describe('verificationRecord', () => {
  it('names a TXT record under the domain holding the tenant token', () => {
    expect(verificationRecord('acme.com', 'tok123')).toEqual({
      name: '_oin-saas-verification.acme.com', type: 'TXT', value: 'oin-saas-verification=tok123',
    });
  });
});

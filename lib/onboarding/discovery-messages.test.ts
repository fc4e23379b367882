import { describe, expect, it } from 'vitest';
import { OIDC_ERROR_CODES } from '@/lib/oidc/errors';
import { describeConnectionFailure } from './discovery-messages';

describe('describeConnectionFailure', () => {
  const generic = describeConnectionFailure('unexpected');
  it.each(['issuer_input_invalid', 'insecure_url', 'address_refused', 'redirect_refused', 'fetch_timeout', 'response_too_large',
    'idp_unreachable', 'idp_http_error', 'discovery_invalid', 'issuer_mismatch', 'no_rs256', 'jwks_invalid', 'not_okta_org_server'] as const)(
    'has a specific message for %s',
    (code) => {
      const message = describeConnectionFailure(code, { host: 'x.okta.com', status: 404, expected: 'a', received: 'b', location: 'https://y' });
      expect(message).not.toBe(generic);
      expect(message.length).toBeGreaterThan(30);
    },
  );

  it('names both issuers on a mismatch', () => {
    expect(describeConnectionFailure('issuer_mismatch', { expected: 'https://a.okta.com', received: 'https://login.acme.com' }))
      .toMatch(/login\.acme\.com.*a\.okta\.com/);
  });

  it('answers every OidcError code without throwing', () => {
    for (const code of OIDC_ERROR_CODES) expect(typeof describeConnectionFailure(code)).toBe('string');
  });
});

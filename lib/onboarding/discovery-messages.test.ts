import { describe, expect, it } from 'vitest';
import { OIDC_ERROR_CODES } from '@/lib/oidc/errors';
import { describeConnectionFailure, hasConnectionFailureText } from './discovery-messages';

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

  it('speaks German from the shared catalogue (wizard and admin health page)', () => {
    expect(describeConnectionFailure('idp_unreachable', { host: 'x.okta.com' }, 'de')).toMatch(/^x\.okta\.com war nicht erreichbar/);
    expect(describeConnectionFailure('unexpected', {}, 'de')).toMatch(/Verbindungsprüfung/);
  });

  it('says which codes have their own text', () => {
    expect(hasConnectionFailureText('jwks_invalid')).toBe(true);
    expect(hasConnectionFailureText('token_request_failed')).toBe(false);
  });
});

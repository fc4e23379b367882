import { describe, expect, it } from 'vitest';
import { parseInitiateParams } from './initiate-params';

const iss = 'https://acme.okta.com';
const p = (query: string) => parseInitiateParams(new URLSearchParams(query));

describe('parseInitiateParams (OIDC Core §4)', () => {
  it.each([
    [`iss=${iss}`, { iss, tenant: null, loginHint: null, targetLinkUri: null }],
    [`iss=${iss}&tenant=`, { iss, tenant: null, loginHint: null, targetLinkUri: null }],
    [`iss=${iss}&tenant=Acme-2`, { iss, tenant: 'acme-2', loginHint: null, targetLinkUri: null }],
    [`iss=${iss}&login_hint=alice%40acme.test`, { iss, tenant: null, loginHint: 'alice@acme.test', targetLinkUri: null }],
    [`iss=${iss}&target_link_uri=%2Ft%2Facme`, { iss, tenant: null, loginHint: null, targetLinkUri: '/t/acme' }],
    [`iss=${iss}&foo=bar&utm_source=okta`, { iss, tenant: null, loginHint: null, targetLinkUri: null }],
    [`iss=${iss}&iss=${iss}`, { iss, tenant: null, loginHint: null, targetLinkUri: null }],
    [`iss=${iss}&login_hint=${'a'.repeat(300)}`, { iss, tenant: null, loginHint: null, targetLinkUri: null }],
    [`iss=${iss}&login_hint=a%0Ab`, { iss, tenant: null, loginHint: null, targetLinkUri: null }],
    [`iss=http://127.0.0.1:9101`, { iss: 'http://127.0.0.1:9101', tenant: null, loginHint: null, targetLinkUri: null }],
  ])('accepts %s', (query, value) => {
    expect(p(query)).toEqual({ ok: true, value });
  });

  it.each([
    ['', 'iss missing'],
    ['iss=', 'iss missing'],
    ['login_hint=alice', 'iss missing'],
    ['iss=acme.okta.com', 'iss is not a URL'],
    ['iss=javascript:alert(1)', 'iss is not an issuer URL'],
    [`iss=${iss}%3Fx%3D1`, 'iss is not an issuer URL'],
    ['iss=https://user:pw@acme.okta.com', 'iss is not an issuer URL'],
    [`iss=${iss}&iss=https://evil.example`, 'iss given more than once'],
    [`iss=${iss}&tenant=a&tenant=b`, 'tenant given more than once'],
    [`iss=${iss}&tenant=../admin`, 'tenant malformed'],
    [`iss=https://${'a'.repeat(1100)}.example`, 'iss malformed'],
  ])('refuses %j (%s)', (query, reason) => {
    expect(p(query)).toEqual({ ok: false, reason });
  });
});

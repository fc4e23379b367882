/* eslint-disable local/no-remote-test-urls -- this file's cases are the URLs the rule must refuse; nothing here fetches */
import { RuleTester } from 'eslint';
import { describe, expect, it } from 'vitest';
import { noRemoteTestUrls, refuseTestUrlHost, urlHostsIn } from './no-remote-test-urls.mjs';

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

describe('refuseTestUrlHost', () => {
  it.each([
    '127.0.0.1',
    '127.1',
    '2130706433',
    '0x7f.1',
    '[::1]',
    '[::ffff:127.0.0.1]',
    'localhost',
    'app',
    'idp.test',
    'evil.example',
    'no-such-host.invalid',
    'tenant.localhost',
    'example.com',
    'app.example.com',
    'dev-123.okta.com',
    'DEV-123.Okta.com',
    'acme.oktapreview.com',
    'login.acme.com',
    '\u0001',
    'a-\u0001.okta.example',
    '',
  ])('allows %j', (host) => {
    expect(refuseTestUrlHost(host)).toBeNull();
  });

  it.each([
    ['10.1.2.3', '10.1.2.3 is an IP literal outside loopback'],
    ['169.254.169.254', '169.254.169.254 is an IP literal outside loopback'],
    ['0.0.0.0', '0.0.0.0 is an IP literal outside loopback'],
    ['167772161', '10.0.0.1 is an IP literal outside loopback'],
    ['0xa9.0xfe.0xa9.0xfe', '169.254.169.254 is an IP literal outside loopback'],
    ['8.8.8.8', '8.8.8.8 is an IP literal outside loopback'],
    ['[fd00::1]', '[fd00::1] is an IP literal outside loopback'],
    ['[::ffff:10.0.0.1]', '[::ffff:a00:1] is an IP literal outside loopback'],
    ['[::]', '[::] is an IP literal outside loopback'],
    ['metadata.google.internal', 'metadata.google.internal is a public hostname outside the allow-list'],
    ['evil.com', 'evil.com is a public hostname outside the allow-list'],
    ['okta.com.evil.com', 'okta.com.evil.com is a public hostname outside the allow-list'],
    ['example.com.evil.net', 'example.com.evil.net is a public hostname outside the allow-list'],
    ['\u0001.com', 'x.com is a public hostname outside the allow-list'],
  ])('refuses %j', (host, reason) => {
    expect(refuseTestUrlHost(host)).toBe(reason);
  });
});

describe('urlHostsIn', () => {
  it('finds every http(s) URL host, without userinfo or port', () => {
    const text = 'see https://user:pw@192.0.2.3:8443/x?y, http://[2001:db8::1]:80/ and HTTP://Example.test#z; ftp://10.0.0.1/';
    expect(urlHostsIn(text).map((h) => h.host)).toEqual(['192.0.2.3', '[2001:db8::1]', 'Example.test']);
  });
});

new RuleTester({ languageOptions: { ecmaVersion: 2022, sourceType: 'module' } }).run('no-remote-test-urls', noRemoteTestUrls, {
  valid: [
    "fetch('http://127.0.0.1:9101/.well-known/openid-configuration')",
    'fetch(`http://127.0.0.1:${port}/json`)',
    "const hosts = ['10.1.2.3', '169.254.169.254']; const url = (h) => `http://${h}/`;",
    "expect(parseIssuerInput('https://dev-123.okta.com/')).toBe('https://dev-123.okta.com')",
    'const issuer = `https://admin-${suffix}.okta.example`;',
    "page.goto('/login?next=https://evil.example/')",
  ],
  // Lint inputs only, never fetched; still written with documentation addresses (RFC 5737/3849), which route nowhere.
  invalid: [
    { code: "fetch('http://192.0.2.1/latest/meta-data/')", errors: [{ messageId: 'remote' }] },
    { code: "wizard.connection({ issuer: 'https://198.51.100.7' })", errors: [{ messageId: 'remote' }] },
    { code: "res.writeHead(302, { location: 'http://203.0.113.9/x' })", errors: [{ messageId: 'remote' }] },
    { code: 'const u = `http://[2001:db8::1]:${port}/`;', errors: [{ messageId: 'remote' }] },
    { code: "checkConnection('https://3221225985')", errors: [{ messageId: 'remote' }] },
    { code: "checkConnection('https://idp.some-company.com')", errors: [{ messageId: 'remote' }] },
    { code: "const two = 'http://192.0.2.2/ then https://example.org.attacker.net/';", errors: [{ messageId: 'remote' }, { messageId: 'remote' }] },
  ],
});

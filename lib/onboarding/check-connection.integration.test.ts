/**
 * The wizard's connection check against hostile or broken "issuers" on local servers: each is refused
 * through the hardened fetch with a specific message for the admin. (Loopback is allowed here only because
 * integration tests run with ALLOW_INSECURE_LOCAL_ISSUERS=true, as the stand-in needs.)
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

process.env.IDP_TIMEOUT_MS = '400';
const { checkConnection } = await import('./check-connection');

let server: http.Server;
let base = '';

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const path = req.url ?? '';
    if (path.startsWith('/redirect-private/')) {
      res.writeHead(302, { location: 'http://192.168.10.10/.well-known/openid-configuration' }).end();
    } else if (path.startsWith('/huge/')) {
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(1024 * 1024, 32);
      let sent = 0;
      const pump = () => {
        while (sent < 10 && res.write(chunk)) sent++;
        if (sent >= 10) res.end();
        else res.once('drain', pump);
      };
      pump();
    } else if (path.startsWith('/slow/')) {
      setTimeout(() => res.writeHead(200).end('{}'), 5000).unref();
    } else if (path.startsWith('/mismatch/')) {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({
        issuer: 'https://someone-else.okta.com', authorization_endpoint: `${base}/a`, token_endpoint: `${base}/t`, jwks_uri: `${base}/k`,
      }));
    } else if (path.startsWith('/custom/oauth2/default/')) {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({
        issuer: `${base}/custom/oauth2/default`, authorization_endpoint: `${base}/custom/oauth2/default/v1/authorize`,
        token_endpoint: `${base}/t`, jwks_uri: `${base}/custom/keys`,
      }));
    } else if (path === '/custom/keys') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [{ kty: 'RSA', n: 'x', e: 'AQAB' }] }));
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('checkConnection refuses with a clear message', () => {
  it.each([
    ['a private address', () => 'https://10.20.30.40', 'address_refused', /private, loopback or link-local/],
    ['a link-local metadata address', () => 'http://169.254.169.254', 'address_refused', /private, loopback or link-local/],
    ['a redirect to a private address', () => `${base}/redirect-private`, 'redirect_refused', /redirect to http:\/\/192\.168\.10\.10/],
    ['a 10 MB response', () => `${base}/huge`, 'response_too_large', /far more data/],
    ['a slow response', () => `${base}/slow`, 'fetch_timeout', /did not answer in time/],
    ['an issuer mismatch', () => `${base}/mismatch`, 'issuer_mismatch', /states its issuer as https:\/\/someone-else\.okta\.com/],
    ['no OpenID configuration', () => `${base}/nothing`, 'idp_http_error', /HTTP 404/],
    ['a custom authorization server', () => `${base}/custom/oauth2/default`, 'not_okta_org_server', /org authorization server/],
    ['an unreachable host', () => 'https://no-such-host.invalid', 'idp_unreachable', /could not be reached/],
    ['not a URL', () => 'not a url at all', 'issuer_input_invalid', /not an Okta domain/],
  ])('%s', async (_name, issuer, code, message) => {
    const started = Date.now();
    const result = await checkConnection(issuer());
    expect(result).toMatchObject({ ok: false, code });
    expect(result.ok ? '' : result.message).toMatch(message);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('refuses plain http when insecure local issuers are not allowed', async () => {
    const { describeConnectionFailure } = await import('./discovery-messages');
    expect(describeConnectionFailure('insecure_url')).toMatch(/must use https/);
  });
});

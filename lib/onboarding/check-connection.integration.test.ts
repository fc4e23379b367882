/**
 * The wizard's connection check against hostile or broken "issuers", all on loopback: each is refused through
 * the hardened fetch with a specific message for the admin. The IdP runtime here is the app's own (hardened
 * fetch + issuer cache) with one difference: its sockets open through a loopback-only connector
 * (test/loopback-only-connector.ts), so even with a broken guard nothing leaves the machine, and a target the
 * guard should have refused fails the test with "connection attempted to …".
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { getIdpRuntime } from '@/lib/idp/idp-runtime';
import { IssuerCache } from '@/lib/oidc/issuer-cache';
import { createSafeFetch } from '@/lib/oidc/safe-fetch';
import { loopbackOnlyConnector, type LoopbackOnlyConnector } from '@/test/loopback-only-connector';
import { checkConnection } from './check-connection';

let sockets: LoopbackOnlyConnector | undefined;

/**
 * Installs the process's IdP runtime (lib/idp/idp-runtime.ts keeps it on `globalThis`): the same parts the app
 * builds from its environment, with `allowInsecureLocal` as given and the loopback-only connector. A strict
 * runtime must never connect at all, so its connector refuses loopback too.
 */
function installRuntime(allowInsecureLocal: boolean) {
  sockets = loopbackOnlyConnector(allowInsecureLocal ? 'loopback' : 'none');
  // 1 s: the slow answer (5 s) still times out well inside the 3 s bound, and a loaded machine still reads 512 KB in time.
  const fetch = createSafeFetch({ allowInsecureLocal, timeoutMs: 1000, maxBytes: 512 * 1024 }, sockets.make);
  const runtime = { fetch, cache: new IssuerCache({ fetch, allowInsecureLocal }), allowInsecureLocal };
  (globalThis as unknown as { __idpRuntime?: typeof runtime }).__idpRuntime = runtime;
  // checkConnection must use this runtime, never one with the default connector.
  expect(getIdpRuntime()).toBe(runtime);
}

afterEach(() => {
  const used = sockets;
  sockets = undefined;
  used?.assertNothingRefused();
});

let server: http.Server;
let base = '';
/** A loopback port with nothing listening: connections to it are refused. */
let closedPort = 0;

beforeAll(async () => {
  const spare = http.createServer();
  await new Promise<void>((resolve) => spare.listen(0, '127.0.0.1', resolve));
  closedPort = (spare.address() as AddressInfo).port;
  await new Promise<void>((resolve) => spare.close(() => resolve()));

  server = http.createServer((req, res) => {
    const path = req.url ?? '';
    if (path.startsWith('/redirect/')) {
      res.writeHead(302, { location: `http://127.0.0.3:${closedPort}/.well-known/openid-configuration` }).end();
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

async function expectRefused(issuer: string, code: string, message: RegExp) {
  const started = Date.now();
  const result = await checkConnection(issuer);
  sockets?.assertNothingRefused();
  expect(result).toMatchObject({ ok: false, code });
  expect(result.ok ? '' : result.message).toMatch(message);
  expect(Date.now() - started).toBeLessThan(3000);
}

describe('checkConnection refuses with a clear message (insecure local issuers off)', () => {
  it.each([
    ['a loopback address', () => 'https://127.0.0.2', 'address_refused', /private, loopback or link-local/],
    ['a loopback address in decimal', () => 'https://2130706433', 'address_refused', /private, loopback or link-local/],
    ['an IPv6 loopback address', () => 'https://[::1]', 'address_refused', /private, loopback or link-local/],
    ['a name that resolves to loopback', () => `https://localhost:${closedPort}`, 'address_refused', /private, loopback or link-local/],
    ['plain http', () => base.replace('127.0.0.1', '127.0.0.4'), 'insecure_url', /must use https/],
  ])('%s', async (_name, issuer, code, message) => {
    installRuntime(false);
    await expectRefused(issuer(), code, message);
  });
});

describe('checkConnection refuses with a clear message (insecure local issuers on, as for the local stand-in)', () => {
  it.each([
    ['a redirect, even to loopback', () => `${base}/redirect`, 'redirect_refused', /redirect to http:\/\/127\.0\.0\.3:\d+\/\.well-known/],
    ['a 10 MB response', () => `${base}/huge`, 'response_too_large', /far more data/],
    ['a slow response', () => `${base}/slow`, 'fetch_timeout', /did not answer in time/],
    ['an issuer mismatch', () => `${base}/mismatch`, 'issuer_mismatch', /states its issuer as https:\/\/someone-else\.okta\.com/],
    ['no OpenID configuration', () => `${base}/nothing`, 'idp_http_error', /HTTP 404/],
    ['a custom authorization server', () => `${base}/custom/oauth2/default`, 'not_okta_org_server', /org authorization server/],
    ['an unreachable host (a closed loopback port)', () => `http://127.0.0.1:${closedPort}`, 'idp_unreachable', /could not be reached/],
    ['not a URL', () => 'not a url at all', 'issuer_input_invalid', /not an Okta domain/],
  ])('%s', async (_name, issuer, code, message) => {
    installRuntime(true);
    await expectRefused(issuer(), code, message);
  });
});

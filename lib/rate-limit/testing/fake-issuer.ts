/** Test helper: a loopback "Okta org" that serves only discovery, so sign-in starts run without the stand-in. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export async function startFakeIssuer(): Promise<{ issuer: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    if (req.url === '/.well-known/openid-configuration') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({
        issuer,
        authorization_endpoint: `${issuer}/oauth2/v1/authorize`,
        token_endpoint: `${issuer}/oauth2/v1/token`,
        jwks_uri: `${issuer}/oauth2/v1/keys`,
        id_token_signing_alg_values_supported: ['RS256'],
      }));
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { issuer, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

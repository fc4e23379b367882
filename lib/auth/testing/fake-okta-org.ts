/**
 * Test helper: a loopback "Okta org" serving discovery (with a logout endpoint) and a JWKS with one RS256
 * key, plus `sign()` to mint ID tokens with that key — for sign-in tests that run without the stand-in.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWTPayload } from 'jose';

export type FakeOktaOrg = {
  issuer: string;
  sign: (claims: JWTPayload, options?: { kid?: string; key?: CryptoKey }) => Promise<string>;
  close: () => Promise<void>;
};

export async function startFakeOktaOrg(): Promise<FakeOktaOrg> {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  let issuer = '';
  const server: Server = createServer((req, res) => {
    if (req.url === '/.well-known/openid-configuration') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({
        issuer,
        authorization_endpoint: `${issuer}/oauth2/v1/authorize`,
        token_endpoint: `${issuer}/oauth2/v1/token`,
        jwks_uri: `${issuer}/oauth2/v1/keys`,
        end_session_endpoint: `${issuer}/oauth2/v1/logout`,
        id_token_signing_alg_values_supported: ['RS256'],
      }));
      return;
    }
    if (req.url === '/oauth2/v1/keys') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ keys: [jwk] }));
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    issuer,
    sign: (claims, options = {}) =>
      new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: options.kid ?? 'k1' }).sign(options.key ?? privateKey),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

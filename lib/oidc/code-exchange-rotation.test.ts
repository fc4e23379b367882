import { describe, expect, it } from 'vitest';
import { exchangeCodeWithEach, validateCallback, type ClientCredentials, type ServerEndpoints } from './code-exchange';

const server: ServerEndpoints = {
  issuer: 'https://acme.okta.example',
  authorization_endpoint: 'https://acme.okta.example/oauth2/v1/authorize',
  token_endpoint: 'https://acme.okta.example/oauth2/v1/token',
};
const state = 'state-0123456789abcdef';
const params = validateCallback(server, 'client', new URLSearchParams(`code=the-code&state=${state}`), state);
const secret = (s: string): ClientCredentials => ({ method: 'client_secret_basic', clientId: 'client', clientSecret: s });
const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** A token endpoint that accepts only `accepted` secrets (Okta during a rotation keeps two). */
function tokenEndpoint(accepted: string[], other?: Response) {
  const seen: string[] = [];
  const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const auth = new Request(input, init).headers.get('authorization') ?? '';
    const used = decodeURIComponent(Buffer.from(auth.slice(6), 'base64').toString().split(':')[1] ?? '');
    seen.push(used);
    if (other) return other;
    return accepted.includes(used) ? json(200, { id_token: 'h.p.s', token_type: 'Bearer' }) : json(401, { error: 'invalid_client', error_description: 'Client authentication failed.' });
  }) as typeof fetch;
  return { fetchImpl, seen };
}

const run = (credentials: ClientCredentials[], fetchImpl: typeof fetch) =>
  exchangeCodeWithEach({ server, credentials, callbackParams: params, redirectUri: 'https://app/cb', codeVerifier: 'v'.repeat(43), fetchImpl, allowInsecure: false });

describe('exchangeCodeWithEach (client secret rotation)', () => {
  it('uses the current secret while Okta still accepts it', async () => {
    const { fetchImpl, seen } = tokenEndpoint(['old', 'new']);
    await expect(run([secret('old'), secret('new')], fetchImpl)).resolves.toMatchObject({ idToken: 'h.p.s', credentialIndex: 0 });
    expect(seen).toEqual(['old']);
  });

  it('falls back to the new secret on invalid_client once Okta deactivated the old one', async () => {
    const { fetchImpl, seen } = tokenEndpoint(['new']);
    await expect(run([secret('old'), secret('new')], fetchImpl)).resolves.toMatchObject({ credentialIndex: 1 });
    expect(seen).toEqual(['old', 'new']);
  });

  it('gives up with client_rejected material when no secret is accepted', async () => {
    const { fetchImpl, seen } = tokenEndpoint([]);
    await expect(run([secret('a'), secret('b')], fetchImpl)).rejects.toMatchObject({ code: 'token_request_failed', details: { error: 'invalid_client' } });
    expect(seen).toEqual(['a', 'b']);
  });

  it.each([
    ['invalid_grant (the code is spent: never retried)', json(400, { error: 'invalid_grant' }), 'token_request_failed'],
    ['a rate limit', json(429, { errorCode: 'E0000047' }), 'idp_rate_limited'],
    ['a server error', json(500, {}), 'idp_http_error'],
  ])('does not retry on %s', async (_name, answer, code) => {
    const { fetchImpl, seen } = tokenEndpoint([], answer);
    await expect(run([secret('a'), secret('b')], fetchImpl)).rejects.toMatchObject({ code });
    expect(seen).toHaveLength(1);
  });
});

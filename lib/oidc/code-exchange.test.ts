import { describe, expect, it } from 'vitest';
import { exchangeCode, validateCallback, type ServerEndpoints } from './code-exchange';

const server: ServerEndpoints = {
  issuer: 'https://acme.okta.example',
  authorization_endpoint: 'https://acme.okta.example/oauth2/v1/authorize',
  token_endpoint: 'https://acme.okta.example/oauth2/v1/token',
};
const state = 'state-0123456789abcdef';
const q = (s: string) => new URLSearchParams(s);

describe('validateCallback', () => {
  it('accepts the code with the expected state', () => {
    expect(validateCallback(server, 'client', q(`code=abc&state=${state}`), state).get('code')).toBe('abc');
  });

  it('accepts a matching RFC 9207 iss', () => {
    expect(validateCallback(server, 'client', q(`code=abc&state=${state}&iss=${server.issuer}`), state).get('code')).toBe('abc');
  });

  it.each([
    ['another state', `code=abc&state=other`, 'state_mismatch'],
    ['no state', `code=abc`, 'state_mismatch'],
    ['an iss of another issuer (mix-up)', `code=abc&state=${state}&iss=https://evil.example`, 'iss_mismatch'],
    ['no code', `state=${state}`, 'malformed_callback'],
    ['an error with another state', `error=access_denied&state=other`, 'state_mismatch'],
  ])('refuses %s', (_name, query, code) => {
    expect(() => validateCallback(server, 'client', q(query), state)).toThrow(expect.objectContaining({ code }));
  });

  it('requires iss when the server promises it', () => {
    const strict = { ...server, authorization_response_iss_parameter_supported: true };
    expect(() => validateCallback(strict, 'client', q(`code=abc&state=${state}`), state)).toThrow(
      expect.objectContaining({ code: 'iss_mismatch' }),
    );
  });

  it("turns the IdP's error response into idp_error with its error and description", () => {
    const params = q(`error=access_denied&error_description=User+is+not+assigned+to+the+client+application.&state=${state}`);
    expect(() => validateCallback(server, 'client', params, state)).toThrow(
      expect.objectContaining({
        code: 'idp_error',
        details: { error: 'access_denied', error_description: 'User is not assigned to the client application.' },
      }),
    );
  });
});

describe('exchangeCode', () => {
  const params = validateCallback(server, 'client', q(`code=the-code&state=${state}`), state);
  const run = async (
    credentials: Parameters<typeof exchangeCode>[0]['credentials'],
    answer: () => Response,
  ): Promise<{ result?: unknown; error?: unknown; request: Request }> => {
    let request!: Request;
    const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
      request = new Request(input, init);
      return answer();
    }) as typeof fetch;
    try {
      const result = await exchangeCode({ server, credentials, callbackParams: params, redirectUri: 'https://app.example/cb', codeVerifier: 'v'.repeat(43), fetchImpl, allowInsecure: false });
      return { result, request };
    } catch (error) {
      return { error, request };
    }
  };
  const basic = { method: 'client_secret_basic' as const, clientId: 'client', clientSecret: 's3cret' };
  const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
    () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

  it('returns the id_token and sends client_secret_basic with PKCE', async () => {
    const { result, request } = await run(basic, json(200, { id_token: 'a.b.c', token_type: 'Bearer', access_token: 'x' }, { 'x-rate-limit-limit': '600', 'x-rate-limit-remaining': '599', 'x-rate-limit-reset': '1900000000' }));
    expect(result).toEqual({ idToken: 'a.b.c', rateLimit: { limit: 600, remaining: 599, reset: 1900000000 } });
    expect(request.headers.get('authorization')).toBe(`Basic ${Buffer.from('client:s3cret').toString('base64')}`);
    const body = new URLSearchParams(await request.text());
    expect(body.get('code')).toBe('the-code');
    expect(body.get('code_verifier')).toBe('v'.repeat(43));
    expect(body.get('client_secret')).toBeNull();
  });

  it('sends client_secret_post in the body', async () => {
    const { request } = await run({ ...basic, method: 'client_secret_post' }, json(200, { id_token: 'a.b.c' }));
    expect(request.headers.get('authorization')).toBeNull();
    expect(new URLSearchParams(await request.text()).get('client_secret')).toBe('s3cret');
  });

  it.each([
    ['a 400 OAuth error', json(400, { error: 'invalid_grant', error_description: 'bad code' }), 'token_request_failed'],
    ['a 401 invalid_client', json(401, { error: 'invalid_client' }), 'token_request_failed'],
    ['a 429 with Okta headers', json(429, { errorCode: 'E0000047' }, { 'x-rate-limit-limit': '600', 'x-rate-limit-remaining': '0', 'x-rate-limit-reset': '1900000000' }), 'idp_rate_limited'],
    ['a 503', json(503, {}), 'idp_http_error'],
    ['a 200 without id_token', json(200, { access_token: 'x' }), 'token_response_invalid'],
    ['a 200 that is not JSON', () => new Response('<html>', { status: 200 }), 'token_response_invalid'],
  ])('refuses %s', async (_name, answer, code) => {
    const { error } = await run(basic, answer);
    expect(error).toMatchObject({ code });
  });

  it('reports when Okta says the next token call may go', async () => {
    const { error } = await run(basic, json(429, {}, { 'x-rate-limit-limit': '600', 'x-rate-limit-remaining': '0', 'x-rate-limit-reset': '1900000000' }));
    expect(error).toMatchObject({ details: { reset: 1900000000 } });
  });
});

import { calculateJwkThumbprint, decodeProtectedHeader, EmbeddedJWK, generateKeyPair, jwtVerify, type JWK } from 'jose';
import { describe, expect, it } from 'vitest';
import { createDpopSigner, exchangeCode, exchangeCodeWithEach, validateCallback, type ServerEndpoints } from './code-exchange';

const server: ServerEndpoints = {
  issuer: 'https://acme.okta.example',
  authorization_endpoint: 'https://acme.okta.example/oauth2/v1/authorize',
  token_endpoint: 'https://acme.okta.example/oauth2/v1/token',
};
const state = 'state-0123456789abcdef';
const params = validateCallback(server, 'client', new URLSearchParams(`code=the-code&state=${state}`), state);
const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
const useNonce = (nonce: string) =>
  json(400, { error: 'use_dpop_nonce', error_description: 'Authorization server requires nonce in DPoP proof.' }, { 'dpop-nonce': nonce });

/** A token endpoint answering from `answers` in turn; records each request's DPoP header. */
function tokenEndpoint(...answers: Response[]) {
  const proofs: (string | null)[] = [];
  const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    proofs.push(new Request(input, init).headers.get('dpop'));
    return answers.shift() ?? json(500, {});
  }) as typeof fetch;
  return { fetchImpl, proofs };
}

const basic = { method: 'client_secret_basic' as const, clientId: 'client', clientSecret: 's3cret' };
const run = (fetchImpl: typeof fetch, dpop?: ReturnType<typeof createDpopSigner>) =>
  exchangeCode({ server, credentials: basic, callbackParams: params, redirectUri: 'https://app/cb', codeVerifier: 'v'.repeat(43), fetchImpl, allowInsecure: false, dpop });
const signer = async () => {
  const keyPair = await generateKeyPair('ES256', { extractable: true });
  return { keyPair, dpop: createDpopSigner(keyPair) };
};

describe('exchangeCode with DPoP (RFC 9449)', () => {
  it('sends no DPoP header when the tenant does not use DPoP', async () => {
    const { fetchImpl, proofs } = tokenEndpoint(json(200, { id_token: 'h.p.s' }));
    await run(fetchImpl);
    expect(proofs).toEqual([null]);
  });

  it("retries once with Okta's nonce after use_dpop_nonce, with a proof signed by the tenant's key", async () => {
    const { keyPair, dpop } = await signer();
    const { fetchImpl, proofs } = tokenEndpoint(useNonce('nonce-1'), json(200, { id_token: 'h.p.s', token_type: 'DPoP' }));
    await expect(run(fetchImpl, dpop)).resolves.toMatchObject({ idToken: 'h.p.s' });
    expect(proofs).toHaveLength(2);
    const [first, second] = await Promise.all(proofs.map((p) => jwtVerify(p!, EmbeddedJWK, { typ: 'dpop+jwt', algorithms: ['ES256'] })));
    expect(first!.payload).toMatchObject({ htm: 'POST', htu: server.token_endpoint });
    expect(first!.payload.nonce).toBeUndefined();
    expect(second!.payload).toMatchObject({ htm: 'POST', htu: server.token_endpoint, nonce: 'nonce-1' });
    expect(second!.payload.jti).not.toBe(first!.payload.jti);
    const jwk = decodeProtectedHeader(proofs[1]!).jwk as JWK;
    expect(jwk.d).toBeUndefined();
    expect(await calculateJwkThumbprint(jwk)).toBe(await calculateJwkThumbprint(await crypto.subtle.exportKey('jwk', keyPair.publicKey) as JWK));
  });

  it('keeps the nonce for the next token request (no second round trip)', async () => {
    const { dpop } = await signer();
    await run(tokenEndpoint(useNonce('nonce-2'), json(200, { id_token: 'h.p.s' }, { 'dpop-nonce': 'nonce-3' })).fetchImpl, dpop);
    const next = tokenEndpoint(json(200, { id_token: 'h.p.s' }));
    await run(next.fetchImpl, dpop);
    expect(next.proofs).toHaveLength(1);
    expect((await jwtVerify(next.proofs[0]!, EmbeddedJWK)).payload.nonce).toBe('nonce-3');
  });

  it.each([
    ['a second use_dpop_nonce', useNonce('again'), 'use_dpop_nonce'],
    ['invalid_dpop_proof', json(400, { error: 'invalid_dpop_proof' }), 'invalid_dpop_proof'],
  ])('retries at most once: %s is refused', async (_name, second, error) => {
    const { dpop } = await signer();
    const { fetchImpl, proofs } = tokenEndpoint(useNonce('n'), second, json(200, { id_token: 'h.p.s' }));
    await expect(run(fetchImpl, dpop)).rejects.toMatchObject({ code: 'token_request_failed', details: { error } });
    expect(proofs).toHaveLength(2);
  });

  it('does not retry use_dpop_nonce without a signer (nothing to put the nonce in)', async () => {
    const { fetchImpl, proofs } = tokenEndpoint(useNonce('n'), json(200, { id_token: 'h.p.s' }));
    await expect(run(fetchImpl)).rejects.toMatchObject({ details: { error: 'use_dpop_nonce' } });
    expect(proofs).toHaveLength(1);
  });

  it('works with a client secret rotation: invalid_client moves to the next secret, still with a proof', async () => {
    const { dpop } = await signer();
    const { fetchImpl, proofs } = tokenEndpoint(json(401, { error: 'invalid_client' }), useNonce('n'), json(200, { id_token: 'h.p.s' }));
    const result = await exchangeCodeWithEach({
      server, credentials: [basic, { ...basic, clientSecret: 'new' }], callbackParams: params, redirectUri: 'https://app/cb',
      codeVerifier: 'v'.repeat(43), fetchImpl, allowInsecure: false, dpop,
    });
    expect(result.credentialIndex).toBe(1);
    expect(proofs.every(Boolean)).toBe(true);
  });
});

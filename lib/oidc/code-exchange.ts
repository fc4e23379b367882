/**
 * The back half of the code flow: check the authorization response against the transaction that started
 * it (state, RFC 9207 `iss`, error responses), then redeem the code at the token endpoint with the
 * tenant's client authentication — with a DPoP proof (RFC 9449) when the tenant's Okta app requires one.
 * Returns the raw ID token: its validation is `verifyIdToken`'s job alone.
 */
import * as oauth from 'oauth4webapi';
import { z } from 'zod';
import { OidcError } from './errors';
import { parseRateLimitHeaders, type RateLimitSnapshot } from './rate-limit-headers';

export type ServerEndpoints = {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  authorization_response_iss_parameter_supported?: boolean;
};

export type ClientCredentials =
  | { method: 'client_secret_basic' | 'client_secret_post'; clientId: string; clientSecret: string }
  | { method: 'private_key_jwt'; clientId: string; privateKey: CryptoKey; kid: string };

/**
 * Validates callback parameters. Throws `OidcError`: `idp_error` (the IdP's `error` and
 * `error_description` in details), `state_mismatch`, `iss_mismatch` (RFC 9207 `iss` differs or is missing
 * where the server promised it), `malformed_callback` (no code).
 */
export function validateCallback(
  server: ServerEndpoints,
  clientId: string,
  params: URLSearchParams,
  expectedState: string,
): URLSearchParams {
  const error = params.get('error');
  if (error) {
    if (params.get('state') !== expectedState) throw new OidcError('state_mismatch', 'State does not match the transaction');
    throw new OidcError('idp_error', `The IdP answered ${error}`, {
      error: error.slice(0, 100),
      error_description: (params.get('error_description') ?? '').slice(0, 300),
    });
  }
  try {
    const validated = oauth.validateAuthResponse(asOf(server), { client_id: clientId }, params, expectedState);
    if (!validated.get('code')) throw new OidcError('malformed_callback', 'No authorization code in the callback');
    return validated;
  } catch (e) {
    if (e instanceof OidcError) throw e;
    const message = e instanceof Error ? e.message : String(e);
    if (/"iss"/.test(message)) {
      throw new OidcError('iss_mismatch', 'Authorization response issuer mismatch (RFC 9207)', {
        expected: server.issuer,
        received: params.get('iss'),
      });
    }
    if (/state/i.test(message)) throw new OidcError('state_mismatch', 'State does not match the transaction');
    throw new OidcError('malformed_callback', message);
  }
}

const tokenResponse = z.object({ id_token: z.string().min(1), token_type: z.string().optional() });
const tokenError = z.object({ error: z.string(), error_description: z.string().optional() });

export type CodeExchangeResult = { idToken: string; rateLimit?: RateLimitSnapshot };

/** Signs DPoP proofs with one key pair and remembers the server's latest `DPoP-Nonce` per origin. */
export type DpopSigner = oauth.DPoPHandle;

/**
 * A DPoP signer for `keyPair` (its public half must be extractable: it goes into each proof's `jwk` header).
 * Keep one per key and reuse it across token requests: it keeps the nonce the server last gave, so later
 * requests need no `use_dpop_nonce` round trip.
 */
export function createDpopSigner(keyPair: CryptoKeyPair): DpopSigner {
  return oauth.DPoP({}, keyPair);
}

/**
 * Redeems `code` at the token endpoint. With `dpop`, the request carries a DPoP proof; when the server
 * answers `use_dpop_nonce` (Okta always does for a proof without its current nonce), the request is sent
 * once more with the nonce from its `DPoP-Nonce` header — the server refuses the proof before it looks at
 * the code, so the code is still good. Throws `OidcError`: `idp_rate_limited` (429; `reset` in details),
 * `token_request_failed` (OAuth error JSON; `error` in details), `idp_http_error` (other statuses),
 * `token_response_invalid`, and whatever `fetchImpl` throws (timeouts, refused addresses).
 */
export async function exchangeCode(input: {
  server: ServerEndpoints;
  credentials: ClientCredentials;
  callbackParams: URLSearchParams;
  redirectUri: string;
  codeVerifier: string;
  fetchImpl: typeof fetch;
  allowInsecure: boolean;
  dpop?: DpopSigner;
}): Promise<CodeExchangeResult> {
  const { server, credentials } = input;
  const send = () =>
    oauth.authorizationCodeGrantRequest(
      asOf(server),
      { client_id: credentials.clientId },
      clientAuth(credentials),
      input.callbackParams,
      input.redirectUri,
      input.codeVerifier,
      { [oauth.customFetch]: input.fetchImpl, [oauth.allowInsecureRequests]: input.allowInsecure, DPoP: input.dpop },
    );
  let response = await send();
  let body: unknown = await readJson(response);
  if (input.dpop && response.status === 400 && tokenError.safeParse(body).data?.error === 'use_dpop_nonce') {
    // oauth4webapi's signer has taken the nonce from the answer's DPoP-Nonce header: the retry's proof carries it.
    response = await send();
    body = await readJson(response);
  }
  const rateLimit = parseRateLimitHeaders(response.headers);
  if (response.status === 429) {
    throw new OidcError('idp_rate_limited', 'The IdP rate-limited the token request', {
      endpoint: 'token',
      reset: rateLimit?.reset,
      limit: rateLimit?.limit,
    });
  }
  if (response.status !== 200) {
    const parsed = tokenError.safeParse(body);
    if (parsed.success && response.status < 500) {
      throw new OidcError('token_request_failed', `Token request refused: ${parsed.data.error}`, {
        status: response.status,
        error: parsed.data.error.slice(0, 100),
        error_description: parsed.data.error_description?.slice(0, 300),
      });
    }
    throw new OidcError('idp_http_error', `Token endpoint answered HTTP ${response.status}`, { status: response.status });
  }
  const parsed = tokenResponse.safeParse(body);
  if (!parsed.success) throw new OidcError('token_response_invalid', 'Token response has no id_token');
  return { idToken: parsed.data.id_token, rateLimit };
}

function readJson(response: Response): Promise<unknown> {
  return response.json().catch(() => undefined);
}

/**
 * {@link exchangeCode} with each of `credentials` in turn (a client-credential rotation: Okta accepts two
 * secrets, or several keys, while the admin switches). Moves to the next credential only when the token
 * endpoint answers `invalid_client`, which Okta and oidc-provider give before the code is looked at, so the
 * code is still unused; any other failure is thrown at once. Returns which credential worked (its index).
 */
export async function exchangeCodeWithEach(
  input: Omit<Parameters<typeof exchangeCode>[0], 'credentials'> & { credentials: ClientCredentials[] },
): Promise<CodeExchangeResult & { credentialIndex: number }> {
  const { credentials, ...rest } = input;
  for (let i = 0; ; i++) {
    try {
      return { ...(await exchangeCode({ ...rest, credentials: credentials[i]! })), credentialIndex: i };
    } catch (e) {
      const invalidClient = e instanceof OidcError && e.code === 'token_request_failed' && e.details?.error === 'invalid_client';
      if (!invalidClient || i + 1 >= credentials.length) throw e;
    }
  }
}

function clientAuth(credentials: ClientCredentials): oauth.ClientAuth {
  switch (credentials.method) {
    case 'client_secret_basic':
      return oauth.ClientSecretBasic(credentials.clientSecret);
    case 'client_secret_post':
      return oauth.ClientSecretPost(credentials.clientSecret);
    case 'private_key_jwt':
      return oauth.PrivateKeyJwt({ key: credentials.privateKey, kid: credentials.kid });
  }
}

function asOf(server: ServerEndpoints): oauth.AuthorizationServer {
  return {
    issuer: server.issuer,
    authorization_endpoint: server.authorization_endpoint,
    token_endpoint: server.token_endpoint,
    authorization_response_iss_parameter_supported: server.authorization_response_iss_parameter_supported,
  };
}

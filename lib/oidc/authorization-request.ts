/**
 * The authorization request of the code flow: fresh `state`, `nonce` and PKCE (S256) every time. Okta
 * requires `state`; PKCE is sent even when the app instance does not demand it.
 */
import * as oauth from 'oauth4webapi';

export type AuthorizationRequestInput = {
  authorizationEndpoint: string;
  clientId: string;
  redirectUri: string;
  scopes: readonly string[];
  loginHint?: string;
};

export type AuthorizationRequest = {
  url: URL;
  state: string;
  nonce: string;
  codeVerifier: string;
};

export async function buildAuthorizationRequest(input: AuthorizationRequestInput): Promise<AuthorizationRequest> {
  const state = oauth.generateRandomState();
  const nonce = oauth.generateRandomNonce();
  const codeVerifier = oauth.generateRandomCodeVerifier();
  const url = new URL(input.authorizationEndpoint);
  const scopes = new Set(['openid', ...input.scopes]);
  url.searchParams.set('client_id', input.clientId);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('response_mode', 'query');
  url.searchParams.set('redirect_uri', input.redirectUri);
  url.searchParams.set('scope', [...scopes].join(' '));
  url.searchParams.set('state', state);
  url.searchParams.set('nonce', nonce);
  url.searchParams.set('code_challenge', await oauth.calculatePKCECodeChallenge(codeVerifier));
  url.searchParams.set('code_challenge_method', 'S256');
  if (input.loginHint) url.searchParams.set('login_hint', input.loginHint);
  return { url, state, nonce, codeVerifier };
}

/**
 * Checks an issuer before a tenant is saved with it: fetches discovery through the hardened fetch and
 * returns the issuer exactly as the document states it (after `fetchDiscovery` checked equality,
 * endpoints, `jwks_uri` and RS256), then loads the JWKS to prove it is usable. It never touches the shared
 * issuer cache: anyone (an invitee, another tenant's admin) may check any issuer, and that must not reset
 * the keys and discovery other tenants of that issuer sign in with (the cache refreshes on its own TTL and
 * on an unknown `kid`).
 */
import { getIdpRuntime } from '@/lib/idp/idp-runtime';
import { fetchDiscovery, parseIssuerInput } from '@/lib/oidc/discovery';
import { OidcError } from '@/lib/oidc/errors';

export type VerifiedIssuer = { issuer: string; authorizationEndpoint: string; tokenEndpoint: string; jwksUri: string };

export async function verifyIssuer(input: string): Promise<VerifiedIssuer> {
  const { fetch, allowInsecureLocal } = getIdpRuntime();
  const candidate = parseIssuerInput(input);
  const metadata = await fetchDiscovery(candidate, fetch, { allowInsecureLocal });
  const response = await fetch(metadata.jwks_uri, { headers: { accept: 'application/json' } });
  const jwks = (await response.json().catch(() => null)) as { keys?: Array<Record<string, unknown>> } | null;
  // Sign-in accepts RS256 keys only (lib/oidc/issuer-cache.ts): at least one must be there now.
  const usable = (jwks?.keys ?? []).filter(
    (k) => k && k.kty === 'RSA' && (k.alg === undefined || k.alg === 'RS256') && (k.use === undefined || k.use === 'sig'),
  );
  if (!response.ok || usable.length === 0) {
    throw new OidcError('jwks_invalid', `The JWKS at ${metadata.jwks_uri} has no RS256 signing key`);
  }
  return {
    issuer: metadata.issuer,
    authorizationEndpoint: metadata.authorization_endpoint,
    tokenEndpoint: metadata.token_endpoint,
    jwksUri: metadata.jwks_uri,
  };
}

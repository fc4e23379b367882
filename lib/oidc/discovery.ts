/**
 * OpenID Provider discovery: turn what an admin typed into a candidate issuer, fetch and validate the
 * issuer's metadata document. Policy stated here: the document's `issuer` equals the configured issuer
 * exactly, every endpoint is https (http only under `allowInsecureLocal`), RS256 must be offered.
 */
import { z } from 'zod';
import { OidcError } from './errors';
import type { FetchLike } from './safe-fetch';

const endpoint = z.string().min(1);
const names = z.array(z.string());

const issuerMetadataSchema = z.object({
  issuer: z.string().min(1),
  authorization_endpoint: endpoint,
  token_endpoint: endpoint,
  jwks_uri: endpoint,
  userinfo_endpoint: endpoint.optional(),
  end_session_endpoint: endpoint.optional(),
  revocation_endpoint: endpoint.optional(),
  introspection_endpoint: endpoint.optional(),
  id_token_signing_alg_values_supported: names.optional(),
  token_endpoint_auth_methods_supported: names.optional(),
  response_types_supported: names.optional(),
  response_modes_supported: names.optional(),
  scopes_supported: names.optional(),
  code_challenge_methods_supported: names.optional(),
  dpop_signing_alg_values_supported: names.optional(),
  authorization_response_iss_parameter_supported: z.boolean().optional(),
});

/** The validated subset of an issuer's discovery document this app relies on (unknown fields dropped). */
export type IssuerMetadata = z.infer<typeof issuerMetadataSchema>;

const URL_FIELDS = [
  'authorization_endpoint',
  'token_endpoint',
  'jwks_uri',
  'userinfo_endpoint',
  'end_session_endpoint',
  'revocation_endpoint',
  'introspection_endpoint',
] as const satisfies readonly (keyof IssuerMetadata)[];

/** Options of {@link fetchDiscovery}. */
export interface DiscoveryOptions {
  /** Accept http:// endpoints (development and tests only). Default false. */
  allowInsecureLocal?: boolean;
}

function assertSecureUrl(field: string, value: string, allowInsecureLocal: boolean): void {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new OidcError('discovery_invalid', `Discovery field ${field} is not a URL`, { field });
  }
  if (url.protocol === 'https:' || (url.protocol === 'http:' && allowInsecureLocal)) return;
  throw new OidcError('insecure_url', `Discovery field ${field} must be an https URL`, { field, url: value.slice(0, 300) });
}

/**
 * Fetches `{issuer}/.well-known/openid-configuration` with `fetchImpl` (the safe fetch) and validates it.
 * Throws `OidcError`: `issuer_input_invalid` / `insecure_url` (the configured issuer itself),
 * `idp_http_error` (status not 200), `discovery_invalid` (not JSON, schema, unparsable URL),
 * `issuer_mismatch` (details: expected, received), `insecure_url` (an endpoint), `no_rs256`, plus whatever
 * `fetchImpl` throws. Callers authorize; this function only states protocol policy.
 */
export async function fetchDiscovery(
  issuer: string,
  fetchImpl: FetchLike,
  options: DiscoveryOptions = {},
): Promise<IssuerMetadata> {
  const allowInsecureLocal = options.allowInsecureLocal ?? false;
  let issuerUrl: URL;
  try {
    issuerUrl = new URL(issuer);
  } catch {
    throw new OidcError('issuer_input_invalid', 'The issuer is not a URL', { issuer: issuer.slice(0, 300) });
  }
  if (issuerUrl.search || issuerUrl.hash) {
    throw new OidcError('issuer_input_invalid', 'An issuer has no query or fragment', { issuer });
  }
  assertSecureUrl('issuer', issuer, allowInsecureLocal);

  // OIDC Discovery §4: strip a trailing slash before appending the well-known path.
  const url = `${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
  const res = await fetchImpl(url, { headers: { accept: 'application/json' } });
  if (res.status !== 200) {
    await res.body?.cancel().catch(() => undefined);
    throw new OidcError('idp_http_error', `Discovery answered HTTP ${res.status}`, { url, status: res.status });
  }
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    throw new OidcError('discovery_invalid', 'Discovery document is not JSON', { url });
  }
  const parsed = issuerMetadataSchema.safeParse(body);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new OidcError('discovery_invalid', 'Discovery document is missing or mistypes required fields', { url, issues });
  }
  const meta = parsed.data;
  if (meta.issuer !== issuer) {
    throw new OidcError('issuer_mismatch', 'Discovery issuer differs from the configured issuer', {
      expected: issuer,
      received: meta.issuer.slice(0, 300),
    });
  }
  for (const field of URL_FIELDS) {
    const value = meta[field];
    if (value !== undefined) assertSecureUrl(field, value, allowInsecureLocal);
  }
  const algs = meta.id_token_signing_alg_values_supported;
  if (algs && !algs.includes('RS256')) {
    throw new OidcError('no_rs256', 'The issuer does not offer RS256 ID tokens', { offered: algs.slice(0, 10) });
  }
  return meta;
}

/** Hosts Okta serves orgs on (org domains and their `-admin` variants). */
export const OKTA_HOST = /\.(?:okta|oktapreview|okta-emea|okta-gov)\.com$|\.okta\.mil$/;

/**
 * Turns what an admin typed into a candidate issuer, to be confirmed by {@link fetchDiscovery}:
 * adds `https://` when no scheme is given; drops query, fragment, trailing slashes and a trailing
 * `/.well-known/openid-configuration`; keeps `/oauth2/<id>` of a custom authorization server; maps an
 * Okta admin host (`dev-1-admin.okta.com`) to the org host; reduces any other path on an Okta host
 * (e.g. `/oauth2/v1/authorize`, `/app/UserHome`) to the origin. Other hosts keep their path (issuers may
 * have one). Throws `OidcError` `issuer_input_invalid` for empty input, spaces, credentials, or a
 * scheme other than http(s). It never fetches anything.
 */
export function parseIssuerInput(input: string): string {
  const invalid = (reason: string) =>
    new OidcError('issuer_input_invalid', `Not an issuer URL: ${reason}`, { input: input.slice(0, 200), reason });
  const trimmed = input.trim();
  if (!trimmed) throw invalid('empty');
  if (/\s/.test(trimmed) || trimmed.length > 1024) throw invalid('spaces or too long');
  const hasScheme = /^[a-z][a-z0-9+.-]*:/i.test(trimmed) && !/^[^:/]+:\d+(?:\/|$)/.test(trimmed);
  let url: URL;
  try {
    url = new URL(hasScheme ? trimmed : `https://${trimmed}`);
  } catch {
    throw invalid('unparsable');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw invalid('scheme must be https');
  if (url.username || url.password) throw invalid('credentials in URL');
  if (!url.hostname || !/[a-z0-9\]]$/i.test(url.hostname)) throw invalid('no host');

  const okta = OKTA_HOST.test(url.hostname);
  const hostname = okta ? url.hostname.replace(/^([^.]+)-admin\./, '$1.') : url.hostname;
  const host = url.port ? `${hostname}:${url.port}` : hostname;
  const path = url.pathname.replace(/\/+$/, '').replace(/\/\.well-known\/openid-configuration$/, '');
  const custom = /^\/oauth2\/([^/]+)/.exec(path);
  let keptPath = '';
  if (custom?.[1] && custom[1] !== 'v1') keptPath = `/oauth2/${custom[1]}`;
  else if (!okta && !custom) keptPath = path;
  return `${url.protocol}//${host}${keptPath}`;
}

/**
 * True when `meta` describes an Okta *org* authorization server (the only kind OIN apps may use):
 * the issuer is an origin and the authorization endpoint is `{origin}/oauth2/v1/authorize`.
 */
export function isOktaOrgServer(meta: Pick<IssuerMetadata, 'issuer' | 'authorization_endpoint'>): boolean {
  try {
    const origin = new URL(meta.issuer).origin;
    return meta.issuer.replace(/\/$/, '') === origin && meta.authorization_endpoint === `${origin}/oauth2/v1/authorize`;
  } catch {
    return false;
  }
}

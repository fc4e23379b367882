import { describe, expect, it } from 'vitest';
import { fetchDiscovery, isOktaOrgServer, parseIssuerInput } from './discovery';
import { OidcError } from './errors';

const ISSUER = 'https://dev-123.okta.com';

function oktaDocument(issuer = ISSUER): Record<string, unknown> {
  return {
    issuer,
    authorization_endpoint: `${issuer}/oauth2/v1/authorize`,
    token_endpoint: `${issuer}/oauth2/v1/token`,
    jwks_uri: `${issuer}/oauth2/v1/keys`,
    userinfo_endpoint: `${issuer}/oauth2/v1/userinfo`,
    end_session_endpoint: `${issuer}/oauth2/v1/logout`,
    id_token_signing_alg_values_supported: ['RS256'],
    token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post', 'private_key_jwt'],
    response_modes_supported: ['query', 'fragment', 'form_post'],
    unknown_field: 'dropped',
  };
}

/** A stub fetch answering one document; records the URLs asked for. */
function stubFetch(body: unknown, status = 200) {
  const calls: string[] = [];
  const fetchImpl = async (input: string | URL | Request) => {
    calls.push(input.toString());
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    return new Response(text, { status, headers: { 'content-type': 'application/json' } });
  };
  return { fetchImpl, calls };
}

async function codeOf(p: Promise<unknown>) {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(OidcError);
  return e as OidcError;
}

describe('fetchDiscovery', () => {
  it('fetches {issuer}/.well-known/openid-configuration and returns the validated document', async () => {
    const { fetchImpl, calls } = stubFetch(oktaDocument());
    const meta = await fetchDiscovery(ISSUER, fetchImpl);
    expect(calls).toEqual(['https://dev-123.okta.com/.well-known/openid-configuration']);
    expect(meta.jwks_uri).toBe('https://dev-123.okta.com/oauth2/v1/keys');
    expect(meta).not.toHaveProperty('unknown_field');
  });

  it('builds the URL under a custom server path', async () => {
    const issuer = `${ISSUER}/oauth2/default`;
    const { fetchImpl, calls } = stubFetch(oktaDocument(issuer));
    await fetchDiscovery(issuer, fetchImpl);
    expect(calls).toEqual([`${issuer}/.well-known/openid-configuration`]);
  });

  it('accepts http endpoints only under allowInsecureLocal', async () => {
    const issuer = 'http://127.0.0.1:4000';
    const { fetchImpl } = stubFetch(oktaDocument(issuer));
    await expect(fetchDiscovery(issuer, fetchImpl, { allowInsecureLocal: true })).resolves.toMatchObject({ issuer });
    expect((await codeOf(fetchDiscovery(issuer, fetchImpl))).code).toBe('insecure_url');
  });

  const doc = oktaDocument();
  it.each<[string, unknown, string, number?]>([
    ['issuer differs (trailing slash)', { ...doc, issuer: `${ISSUER}/` }, 'issuer_mismatch'],
    ['issuer differs (other org)', { ...doc, issuer: 'https://evil.okta.com' }, 'issuer_mismatch'],
    ['jwks_uri missing', { ...doc, jwks_uri: undefined }, 'discovery_invalid'],
    ['token_endpoint not a string', { ...doc, token_endpoint: 42 }, 'discovery_invalid'],
    ['not JSON', '<html>', 'discovery_invalid'],
    ['a JSON array', '[]', 'discovery_invalid'],
    ['jwks_uri over http', { ...doc, jwks_uri: 'http://dev-123.okta.com/oauth2/v1/keys' }, 'insecure_url'],
    ['token endpoint over http', { ...doc, token_endpoint: 'http://dev-123.okta.com/t' }, 'insecure_url'],
    ['userinfo endpoint with another scheme', { ...doc, userinfo_endpoint: 'javascript:alert(1)' }, 'insecure_url'],
    ['endpoint not a URL', { ...doc, authorization_endpoint: 'not a url' }, 'discovery_invalid'],
    ['no RS256 offered', { ...doc, id_token_signing_alg_values_supported: ['HS256', 'none'] }, 'no_rs256'],
    ['HTTP 404', oktaDocument(), 'idp_http_error', 404],
  ])('refuses a document when %s', async (_name, body, code, status) => {
    const { fetchImpl } = stubFetch(body, status);
    expect((await codeOf(fetchDiscovery(ISSUER, fetchImpl))).code).toBe(code);
  });

  it('states both issuers in issuer_mismatch details', async () => {
    const { fetchImpl } = stubFetch({ ...doc, issuer: 'https://evil.okta.com' });
    const e = await codeOf(fetchDiscovery(ISSUER, fetchImpl));
    expect(e.details).toEqual({ expected: ISSUER, received: 'https://evil.okta.com' });
  });

  it('accepts a document without the optional alg list', async () => {
    const { fetchImpl } = stubFetch({ ...doc, id_token_signing_alg_values_supported: undefined });
    await expect(fetchDiscovery(ISSUER, fetchImpl)).resolves.toMatchObject({ issuer: ISSUER });
  });

  it.each(['not a url', 'https://dev-123.okta.com?x=1', 'http://dev-123.okta.com'])(
    'refuses the configured issuer %s before fetching',
    async (issuer) => {
      const { fetchImpl, calls } = stubFetch(doc);
      expect(['issuer_input_invalid', 'insecure_url']).toContain((await codeOf(fetchDiscovery(issuer, fetchImpl))).code);
      expect(calls).toHaveLength(0);
    },
  );
});

describe('parseIssuerInput', () => {
  it.each([
    ['dev-123.okta.com', 'https://dev-123.okta.com'],
    ['  dev-123.okta.com  ', 'https://dev-123.okta.com'],
    ['https://dev-123.okta.com/', 'https://dev-123.okta.com'],
    ['https://DEV-123.Okta.com', 'https://dev-123.okta.com'],
    ['https://dev-123.okta.com/oauth2/v1/authorize', 'https://dev-123.okta.com'],
    ['https://dev-123.okta.com/oauth2/v1/authorize?client_id=x#y', 'https://dev-123.okta.com'],
    ['https://dev-123.okta.com/app/UserHome', 'https://dev-123.okta.com'],
    ['https://dev-123-admin.okta.com/admin/dashboard', 'https://dev-123.okta.com'],
    ['acme.oktapreview.com', 'https://acme.oktapreview.com'],
    ['https://acme.okta-emea.com/.well-known/openid-configuration', 'https://acme.okta-emea.com'],
    ['https://dev-123.okta.com/oauth2/default', 'https://dev-123.okta.com/oauth2/default'],
    ['https://dev-123.okta.com/oauth2/aus1a2b3c/v1/authorize', 'https://dev-123.okta.com/oauth2/aus1a2b3c'],
    ['https://dev-123.okta.com/oauth2/default/.well-known/openid-configuration', 'https://dev-123.okta.com/oauth2/default'],
    ['https://login.acme.com', 'https://login.acme.com'],
    ['https://login.acme.com/oauth2/v1/authorize', 'https://login.acme.com'],
    ['http://localhost:4000', 'http://localhost:4000'],
    ['localhost:4000', 'https://localhost:4000'],
    ['http://127.0.0.1:4000/oidc/', 'http://127.0.0.1:4000/oidc'],
  ])('%j → %s', (input, expected) => {
    expect(parseIssuerInput(input)).toBe(expected);
  });

  it.each(['', '   ', 'dev 123.okta.com', 'ftp://dev-123.okta.com', 'https://user:pw@dev-123.okta.com', 'javascript:alert(1)', 'https://'])(
    'refuses %j with issuer_input_invalid',
    (input) => {
      expect(() => parseIssuerInput(input)).toThrow(expect.objectContaining({ code: 'issuer_input_invalid' }));
    },
  );
});

describe('isOktaOrgServer', () => {
  it.each([
    [oktaDocument(), true],
    [oktaDocument(`${ISSUER}/oauth2/default`), false],
    [{ issuer: ISSUER, authorization_endpoint: `${ISSUER}/authorize` }, false],
    [{ issuer: ISSUER, authorization_endpoint: 'https://other.okta.com/oauth2/v1/authorize' }, false],
    [{ issuer: 'nonsense', authorization_endpoint: '/oauth2/v1/authorize' }, false],
  ])('%j → %s', (meta, expected) => {
    expect(isOktaOrgServer(meta as { issuer: string; authorization_endpoint: string })).toBe(expected);
  });
});

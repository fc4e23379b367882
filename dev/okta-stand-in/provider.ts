/**
 * oidc-provider configuration shaped like an Okta org authorization server: Okta's endpoint paths, RS256 ID tokens
 * of 60 minutes with `jti`, codes of 300 s, the OIN scopes, no consent screen, `access_denied` for unassigned users,
 * and RP-initiated logout without a confirmation page.
 */
import { randomBytes } from 'node:crypto';
import { dpopClientMetadata, dpopFeature } from './dpop';
import { autoSubmitPage, errorPage, escapeHtml, page } from './html';
import { createMemoryAdapterFactory } from './memory-adapter';
import {
  DASHBOARD_CLIENT_ID,
  NOT_ASSIGNED_DESCRIPTION,
  SCOPE_CLAIMS,
  userClaims,
  type OrgRuntime,
} from './org-model';
import {
  interactionPolicy,
  Provider,
  type KoaContext,
  type OidcContextLike,
  type OidcGrant,
  type OidcProvider,
} from './oidc';
import type { StandInApp } from './types';

/** Okta's org authorization server paths. */
export const OKTA_ROUTES = {
  authorization: '/oauth2/v1/authorize',
  token: '/oauth2/v1/token',
  jwks: '/oauth2/v1/keys',
  userinfo: '/oauth2/v1/userinfo',
  end_session: '/oauth2/v1/logout',
  introspection: '/oauth2/v1/introspect',
  revocation: '/oauth2/v1/revoke',
} as const;

export const DASHBOARD_CALLBACK_PATH = '/app/UserHome/callback';
export const DASHBOARD_PATH = '/app/UserHome';
export const LOGIN_PATH_PREFIX = '/login/';

/** Lifetimes, in seconds. */
const TTL = {
  AccessToken: 3600,
  AuthorizationCode: 300,
  IdToken: 3600,
  Interaction: 3600,
  Session: 2 * 3600,
  Grant: 14 * 24 * 3600,
};

function clientMetadata(app: StandInApp): Record<string, unknown> {
  const method = app.tokenEndpointAuthMethod ?? 'client_secret_basic';
  const metadata: Record<string, unknown> = {
    client_id: app.clientId,
    client_name: app.label,
    application_type: 'web',
    redirect_uris: app.redirectUris,
    post_logout_redirect_uris: app.postLogoutRedirectUris,
    response_types: ['code'],
    grant_types: ['authorization_code'],
    token_endpoint_auth_method: method,
    id_token_signed_response_alg: 'RS256',
    ...dpopClientMetadata(app),
  };
  if (method === 'private_key_jwt') {
    if (!app.jwks && !app.jwksUri) throw new Error(`app ${app.key}: private_key_jwt needs jwks or jwksUri`);
    if (app.jwks) metadata.jwks = app.jwks;
    if (app.jwksUri) metadata.jwks_uri = app.jwksUri;
  } else if (!app.clientSecret) {
    throw new Error(`app ${app.key}: ${method} needs a clientSecret`);
  }
  if (app.clientSecret) metadata.client_secret = app.clientSecret;
  return metadata;
}

function dashboardClientMetadata(issuer: string): Record<string, unknown> {
  return {
    client_id: DASHBOARD_CLIENT_ID,
    client_name: 'Okta End-User Dashboard',
    client_secret: randomBytes(24).toString('base64url'),
    application_type: 'web',
    redirect_uris: [`${issuer}${DASHBOARD_CALLBACK_PATH}`],
    post_logout_redirect_uris: [`${issuer}${DASHBOARD_PATH}`],
    // The dashboard only needs the provider's session: `none` returns nothing but `state`.
    response_types: ['none'],
    grant_types: [],
    token_endpoint_auth_method: 'client_secret_basic',
  };
}

/**
 * A prompt after `login`: a signed-in user who is not assigned to the client gets `access_denied` with Okta's
 * description (as an interaction that ends at once with that error, or straight away with `prompt=none`).
 */
function assignmentPolicy(org: OrgRuntime) {
  const { base, Prompt, Check } = interactionPolicy;
  const policy = base();
  policy.add(
    new Prompt(
      { name: 'assignment', requestable: false },
      new Check('not_assigned', NOT_ASSIGNED_DESCRIPTION, 'access_denied', (ctx: OidcContextLike) => {
        const { accountId } = ctx.oidc.session;
        const clientId = ctx.oidc.client?.clientId;
        if (!accountId || !clientId) return Check.NO_NEED_TO_PROMPT;
        return org.isAssigned(clientId, accountId) ? Check.NO_NEED_TO_PROMPT : Check.REQUEST_PROMPT;
      }),
    ),
    1,
  );
  return policy;
}

export function createProvider(org: OrgRuntime, appUrl: string): OidcProvider {
  const appOrigin = new URL(appUrl).origin;
  const orgName = org.config.name;

  const configuration: Record<string, unknown> = {
    adapter: createMemoryAdapterFactory(),
    clients: [...org.config.apps.map(clientMetadata), dashboardClientMetadata(org.issuer)],
    jwks: { keys: [org.signingKey.privateJwk] },
    routes: OKTA_ROUTES,
    cookies: {
      // Cookies are not port-specific: each org on 127.0.0.1 needs its own names.
      names: {
        session: `${org.cookiePrefix}_session`,
        interaction: `${org.cookiePrefix}_interaction`,
        resume: `${org.cookiePrefix}_resume`,
      },
      long: { httpOnly: true, sameSite: 'lax' },
      short: { httpOnly: true, sameSite: 'lax' },
    },
    scopes: Object.keys(SCOPE_CLAIMS),
    claims: { ...SCOPE_CLAIMS, acr: null, sid: null },
    // Okta puts the profile/email claims of the granted scopes in ID tokens from the token endpoint too.
    conformIdTokenClaims: false,
    responseTypes: ['code', 'id_token', 'none'],
    clientDefaults: {
      grant_types: ['authorization_code'],
      response_types: ['code'],
      id_token_signed_response_alg: 'RS256',
      token_endpoint_auth_method: 'client_secret_basic',
    },
    clientAuthMethods: ['client_secret_basic', 'client_secret_post', 'client_secret_jwt', 'private_key_jwt', 'none'],
    enabledJWA: {
      idTokenSigningAlgValues: ['RS256'],
      userinfoSigningAlgValues: ['RS256'],
      introspectionSigningAlgValues: ['RS256'],
      authorizationSigningAlgValues: ['RS256'],
      requestObjectSigningAlgValues: ['RS256'],
      clientAuthSigningAlgValues: ['HS256', 'RS256', 'RS384', 'RS512', 'PS256', 'ES256'],
    },
    pkce: { required: () => false },
    features: {
      devInteractions: { enabled: false },
      pushedAuthorizationRequests: { enabled: false },
      resourceIndicators: { enabled: false },
      userinfo: { enabled: true },
      dPoP: dpopFeature(),
      introspection: {
        enabled: true,
        // A client may introspect its own tokens only.
        allowedPolicy: async (_ctx: unknown, client: { clientId: string }, token: { clientId?: string }) =>
          token.clientId === undefined || token.clientId === client.clientId,
      },
      revocation: {
        enabled: true,
        allowedPolicy: async (_ctx: unknown, client: { clientId: string }, token: { clientId?: string }) =>
          token.clientId === client.clientId,
      },
      rpInitiatedLogout: {
        enabled: true,
        // Okta signs the user out without asking: the confirmation form submits itself.
        logoutSource: async (ctx: KoaContext & { oidc: { session: { state: { secret: string } }; urlFor(name: string): string } }) => {
          ctx.type = 'text/html; charset=utf-8';
          ctx.body = autoSubmitPage({
            title: 'Signing out',
            orgName,
            formId: 'op.logoutForm',
            action: ctx.oidc.urlFor('end_session_confirm'),
            fields: { xsrf: ctx.oidc.session.state.secret, logout: 'yes' },
            buttonLabel: 'Sign out',
          });
        },
        postLogoutSuccessSource: async (ctx: KoaContext) => {
          ctx.type = 'text/html; charset=utf-8';
          ctx.body = page({
            title: 'Signed out',
            orgName,
            body: `<h1>You have been signed out</h1><p><a href="${escapeHtml(DASHBOARD_PATH)}">Sign in again</a></p>`,
          });
        },
      },
    },
    ttl: TTL,
    issueRefreshToken: async () => false,
    interactions: {
      policy: assignmentPolicy(org),
      url: async (_ctx: unknown, interaction: { uid: string }) => `${LOGIN_PATH_PREFIX}${interaction.uid}`,
    },
    findAccount: async (_ctx: unknown, sub: string) => {
      const user = org.findUser(sub);
      if (!user) return undefined;
      return {
        accountId: user.id,
        claims: async (use: string) => userClaims(org, user, use === 'id_token' ? 'id_token' : 'userinfo'),
      };
    },
    // No consent screen (Okta's org server has none for OIN apps): a signed-in, assigned user is granted the
    // requested scopes. Unassigned users get no grant; the `assignment` prompt answers access_denied.
    loadExistingGrant: async (ctx: OidcContextLike): Promise<OidcGrant | undefined> => {
      const { oidc } = ctx;
      const clientId = oidc.client?.clientId;
      const accountId = oidc.session.accountId;
      if (!clientId || !accountId) return undefined;
      const grantId = oidc.result?.consent?.grantId ?? oidc.session.grantIdFor(clientId);
      const { Grant } = oidc.provider;
      let grant = grantId ? await Grant.find(grantId) : undefined;
      if (grant && (grant.accountId !== accountId || grant.clientId !== clientId)) grant = undefined;
      if (!org.isAssigned(clientId, accountId)) return grant;
      grant ??= new Grant({ accountId, clientId });
      const scopes = [...oidc.requestParamOIDCScopes].join(' ');
      if (scopes) grant.addOIDCScope(scopes);
      await grant.save();
      return grant;
    },
    // oidc-provider refuses to fetch from special-use addresses (its SSRF guard); a private_key_jwt client's
    // jwks_uri here is the app under test on loopback, so the stand-in (loopback-only itself) drops that guard.
    fetch: (url: string | URL, options: RequestInit & { dispatcher?: unknown }) => {
      const { dispatcher: _ssrfGuard, ...rest } = options;
      void _ssrfGuard;
      return globalThis.fetch(url, rest);
    },
    clientBasedCORS: (_ctx: unknown, origin: string) => origin === appOrigin,
    renderError: async (ctx: KoaContext, out: Record<string, string>) => {
      ctx.type = 'text/html; charset=utf-8';
      ctx.body = errorPage(orgName, 'Sign-in error', { error: out.error, error_description: out.error_description, state: out.state });
    },
  };

  return new Provider(org.issuer, configuration);
}

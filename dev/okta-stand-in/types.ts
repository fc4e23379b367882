/**
 * Configuration types of the local Okta stand-in (development and tests only; production code never imports this).
 *
 * One entry of `orgs` is one Okta org with its org authorization server, served at its own loopback
 * issuer `http://127.0.0.1:<port>` (no trailing slash, like `https://{org}.okta.com`).
 */

export type TokenEndpointAuthMethod = 'client_secret_basic' | 'client_secret_post' | 'private_key_jwt';

/** How the org's End-User Dashboard launches an app tile (the two OIDC tile modes of Okta). */
export type TileMode =
  /** "Redirect to app to initiate login (OIDC Compliant)": GET the app's initiate login URI with `iss`. */
  | 'redirect'
  /** "Send ID Token directly to app (Okta Simplified)": POST a fresh `id_token` to the app's first redirect URI. */
  | 'id_token';

export type StandInUser = {
  /** Okta-like user id (`00u…`, 20 characters); becomes the `sub` claim. */
  id: string;
  /** Sign-in name, `email` and `preferred_username` claim. */
  email: string;
  password: string;
  /** Full name (`name` claim). */
  name: string;
  givenName?: string;
  familyName?: string;
};

export type StandInApp = {
  /** Key of the app tile: the dashboard links to `{issuer}/home/<key>`. */
  key: string;
  /** Tile label on the dashboard (and the client name). */
  label: string;
  clientId: string;
  /** Required for `client_secret_basic` / `client_secret_post`. */
  clientSecret?: string;
  /** Default `client_secret_basic` (Okta's default). */
  tokenEndpointAuthMethod?: TokenEndpointAuthMethod;
  /** Public keys for `private_key_jwt` (inline). */
  jwks?: { keys: object[] };
  /** Public keys for `private_key_jwt` (by URL). */
  jwksUri?: string;
  /** Sign-in redirect URIs, exact match; the first one receives Okta Simplified tile POSTs. */
  redirectUris: string[];
  /** Sign-out redirect URIs. */
  postLogoutRedirectUris: string[];
  /** Initiate login URI (needed for `tileMode: 'redirect'`). */
  initiateLoginUri?: string;
  /** Universal Logout (Global Token Revocation) endpoint, where `POST /__stand-in/universal-logout` sends requests. */
  universalLogoutUri?: string;
  tileMode: TileMode;
  /** Redirect tiles: also send `login_hint=<the user's email>`. */
  tileLoginHint?: boolean;
  /** Redirect tiles: also send `target_link_uri=<value>`. */
  tileTargetLinkUri?: string;
  /** Redirect tiles: also send `tenant=<value>` (an OIN tenant variable). */
  tenantParam?: string;
  /**
   * Scopes the admin granted to the app; they decide the claims of ID tokens the dashboard mints for
   * `id_token` tiles. Default `['openid', 'profile', 'email']`.
   */
  scopes?: string[];
  /** Okta's "Require DPoP header in token requests": token requests without a DPoP proof are refused. */
  requireDpop?: boolean;
  /** Ids of the users assigned to the app; others get `access_denied`. */
  assignedUsers: string[];
};

export type StandInOrg = {
  /** Short key, used in cookie names and to find the org in the result of `startOktaStandIn`. */
  key: string;
  /** Display name, e.g. "Acme Corp (Okta)". */
  name: string;
  /** Loopback port; 0 picks a free one. */
  port: number;
  /** Okta org id (`00o…`), the `idp` claim; derived from `key` when omitted. */
  orgId?: string;
  /** Private RSA signing key as a JWK (with `kid`); generated at start when omitted. */
  signingKey?: JsonWebKeyWithKid;
  users: StandInUser[];
  apps: StandInApp[];
};

export type StandInConfig = {
  /** Origin of the app under test (CORS for userinfo; informational). */
  appUrl: string;
  /** Register `{issuer}/__stand-in/*` (behaviour, stats, mint-id-token, reset). Loopback callers only. */
  controlApi?: boolean;
  /** Log each request to stderr. */
  verbose?: boolean;
  orgs: StandInOrg[];
};

export type JsonWebKeyWithKid = {
  kty: string;
  kid: string;
  [member: string]: unknown;
};

export type StandInOrgHandle = {
  key: string;
  name: string;
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  issuer: string;
  /** `{issuer}/app/UserHome`. */
  dashboardUrl: string;
  port: number;
};

export type StandIn = {
  orgs: StandInOrgHandle[];
  close(): Promise<void>;
};

/** Body of `POST {issuer}/__stand-in/behaviour`. Fields present replace the current value; `null` clears one. */
export type TokenBehaviour = {
  /** Wait this long before answering the token endpoint. */
  tokenDelayMs?: number;
  /** Answer the token endpoint with this status instead of processing it (429 gives Okta's rate-limit answer). */
  tokenStatus?: number;
  /** Seconds until `X-Rate-Limit-Reset` on a 429 (default 60). */
  rateLimitResetSeconds?: number;
  /** Only the next N token requests get `tokenStatus`; then answers are normal again. Default: all of them. */
  tokenStatusCount?: number;
};

export type StandInStats = {
  authorize: number;
  token: number;
  keys: number;
  discovery: number;
  userinfo: number;
  logout: number;
  introspect: number;
  revoke: number;
};

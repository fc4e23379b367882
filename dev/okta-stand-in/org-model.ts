/** One org's data at run time: users, apps, keys, claims, and the counters/behaviour of the control API. */
import { createHash } from 'node:crypto';
import { newIdTokenJti, type ForeignKeys, type OrgSigningKey } from './keys';
import type { StandInApp, StandInOrg, StandInStats, StandInUser, TokenBehaviour } from './types';

/** Client id of the dashboard's internal OIDC client (see dashboard.ts). */
export const DASHBOARD_CLIENT_ID = 'okta-end-user-dashboard';

export const NOT_ASSIGNED_DESCRIPTION = 'User is not assigned to the client application.';

/**
 * Claims per scope, as Okta's org authorization server releases them. `openid` also carries the Okta ID token
 * claims `ver`, `jti`, `idp`, `amr` and `auth_time` (only the ID token has values for them).
 */
export const SCOPE_CLAIMS: Record<string, string[]> = {
  openid: ['sub', 'ver', 'jti', 'idp', 'amr', 'auth_time'],
  profile: [
    'name', 'family_name', 'given_name', 'middle_name', 'nickname', 'preferred_username', 'profile',
    'picture', 'website', 'gender', 'birthdate', 'zoneinfo', 'locale', 'updated_at',
  ],
  email: ['email', 'email_verified'],
  address: ['address'],
  phone: ['phone_number', 'phone_number_verified'],
};

export const DEFAULT_TILE_SCOPES = ['openid', 'profile', 'email'];

export type OrgRuntime = {
  config: StandInOrg;
  issuer: string;
  /** Okta org id, the `idp` claim. */
  orgId: string;
  cookiePrefix: string;
  signingKey: OrgSigningKey;
  foreignKeys: ForeignKeys;
  /** Start time, used as the users' `updated_at`. */
  startedAt: number;
  findUser(id: string): StandInUser | undefined;
  findUserByLogin(login: string): StandInUser | undefined;
  findApp(key: string): StandInApp | undefined;
  findAppByClientId(clientId: string): StandInApp | undefined;
  /** The dashboard's internal client is open to every user of the org. */
  isAssigned(clientId: string, userId: string): boolean;
  stats: StandInStats;
  behaviour: TokenBehaviour;
};

export function emptyStats(): StandInStats {
  return { authorize: 0, token: 0, keys: 0, discovery: 0, userinfo: 0, logout: 0, introspect: 0, revoke: 0 };
}

/** A stable Okta-like org id (`00o` + 17 characters) derived from the org key. */
export function deriveOrgId(key: string): string {
  const digest = createHash('sha256').update(`okta-stand-in:${key}`).digest('base64url').replace(/[-_]/g, 'x');
  return `00o${digest.slice(0, 17)}`;
}

export function createOrgRuntime(
  config: StandInOrg,
  issuer: string,
  signingKey: OrgSigningKey,
  foreignKeys: ForeignKeys,
): OrgRuntime {
  const users = new Map(config.users.map((user) => [user.id, user]));
  const usersByLogin = new Map(config.users.map((user) => [user.email.toLowerCase(), user]));
  const apps = new Map(config.apps.map((app) => [app.key, app]));
  const appsByClientId = new Map(config.apps.map((app) => [app.clientId, app]));
  return {
    config,
    issuer,
    orgId: config.orgId ?? deriveOrgId(config.key),
    cookiePrefix: `okta_${config.key.replace(/[^A-Za-z0-9]/g, '_')}`,
    signingKey,
    foreignKeys,
    startedAt: Math.floor(Date.now() / 1000),
    findUser: (id) => users.get(id),
    findUserByLogin: (login) => usersByLogin.get(login.trim().toLowerCase()),
    findApp: (key) => apps.get(key),
    findAppByClientId: (clientId) => appsByClientId.get(clientId),
    isAssigned(clientId, userId) {
      if (clientId === DASHBOARD_CLIENT_ID) return users.has(userId);
      return appsByClientId.get(clientId)?.assignedUsers.includes(userId) ?? false;
    },
    stats: emptyStats(),
    behaviour: {},
  };
}

function splitName(user: StandInUser): { given: string; family: string } {
  const [first = '', ...rest] = user.name.trim().split(/\s+/);
  return { given: user.givenName ?? first, family: user.familyName ?? rest.join(' ') };
}

/**
 * Everything the org knows about a user for one use. The provider then keeps only the claims of the granted
 * scopes (SCOPE_CLAIMS). Like Okta, an ID token is "thin": of the profile and email claims it carries only
 * `name`, `preferred_username` and `email`; the rest comes from userinfo.
 */
export function userClaims(org: OrgRuntime, user: StandInUser, use: 'id_token' | 'userinfo'): Record<string, unknown> {
  if (use === 'id_token') {
    return {
      sub: user.id,
      ver: 1,
      jti: newIdTokenJti(),
      idp: org.orgId,
      name: user.name,
      preferred_username: user.email,
      email: user.email,
    };
  }
  const { given, family } = splitName(user);
  return {
    sub: user.id,
    name: user.name,
    given_name: given,
    family_name: family,
    preferred_username: user.email,
    email: user.email,
    email_verified: true,
    locale: 'en_US',
    zoneinfo: 'America/Los_Angeles',
    updated_at: org.startedAt,
  };
}

/** Keeps only the claims that the given scopes release. */
export function filterClaimsByScopes(claims: Record<string, unknown>, scopes: Iterable<string>): Record<string, unknown> {
  const allowed = new Set<string>();
  for (const scope of scopes) for (const claim of SCOPE_CLAIMS[scope] ?? []) allowed.add(claim);
  return Object.fromEntries(Object.entries(claims).filter(([claim]) => allowed.has(claim)));
}

/**
 * The ID token Okta sends an "Okta Simplified" (id_token) tile: iss, sub, aud, iat, exp (+60 min), jti, auth_time,
 * amr, idp, ver and the claims of the app's scopes; no nonce.
 */
export function tileIdTokenClaims(
  org: OrgRuntime,
  app: StandInApp,
  user: StandInUser,
  authTime: number | undefined,
  now = Math.floor(Date.now() / 1000),
): Record<string, unknown> {
  const scopes = app.scopes ?? DEFAULT_TILE_SCOPES;
  return {
    ...filterClaimsByScopes(userClaims(org, user, 'id_token'), scopes),
    sub: user.id,
    iss: org.issuer,
    aud: app.clientId,
    iat: now,
    exp: now + 3600,
    auth_time: authTime ?? now,
    amr: ['pwd'],
  };
}

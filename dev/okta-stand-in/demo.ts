/**
 * The demo orgs used by `npm run dev` and the end-to-end tests.
 *
 * - `acme` ("Acme Corp (Okta)", port 9101): alice, bob and pat; app `acme` (client_secret_basic, OIDC Compliant
 *   tile that also sends `tenant=acme`, since this org holds two app instances) and app `acme-direct`
 *   (Okta Simplified tile: the dashboard POSTs an ID token), and app `acme-labs` (OIDC Compliant tile with
 *   `tenant=acme-labs`; its tenant asks the app's own user consent), and app `acme-dpop` (requires DPoP
 *   proofs in token requests; OIDC Compliant tile with `tenant=acme-dpop`).
 * - `globex` ("Globex (Okta)", port 9102): carol, dave and pat; app `globex` (client_secret_post, OIDC Compliant tile
 *   with `login_hint` and `target_link_uri=/t/globex?from=tile`). dave is NOT assigned (the access_denied demo).
 * - pat@shared.test exists in both orgs with the same user id: two IdPs asserting the same `sub` and email.
 *
 * Every password is `Passw0rd!`.
 */
import type { StandInApp, StandInConfig, StandInUser } from './types';

export const DEMO_PASSWORD = 'Passw0rd!';

/** Okta-like user ids (`00u` + 17 characters). */
export const DEMO_USER_IDS = {
  alice: '00u1acmealice0000001',
  bob: '00u1acmebob000000002',
  carol: '00u1globexcarol00003',
  dave: '00u1globexdave000004',
  /** The same id in both orgs. */
  pat: '00u1sharedpat0000099',
} as const;

export type DemoPorts = { acme?: number; globex?: number };

function user(id: string, email: string, name: string): StandInUser {
  const [givenName = name, ...rest] = name.split(' ');
  return { id, email, password: DEMO_PASSWORD, name, givenName, familyName: rest.join(' ') };
}

export function demoStandInConfig(appUrl: string, ports: DemoPorts = {}): StandInConfig {
  const base = appUrl.replace(/\/+$/, '');
  const uris = {
    redirectUris: [`${base}/api/auth/callback/okta`],
    postLogoutRedirectUris: [`${base}/signed-out`],
    initiateLoginUri: `${base}/api/auth/initiate`,
    universalLogoutUri: `${base}/api/auth/universal-logout`,
  } satisfies Partial<StandInApp>;
  const pat = user(DEMO_USER_IDS.pat, 'pat@shared.test', 'Pat Shared');

  return {
    appUrl: base,
    controlApi: true,
    orgs: [
      {
        key: 'acme',
        name: 'Acme Corp (Okta)',
        port: ports.acme ?? 9101,
        users: [
          user(DEMO_USER_IDS.alice, 'alice@acme.test', 'Alice Anders'),
          user(DEMO_USER_IDS.bob, 'bob@acme.test', 'Bob Brown'),
          pat,
        ],
        apps: [
          {
            key: 'acme',
            label: 'OIN Reference SaaS (Acme)',
            clientId: 'acme-app',
            clientSecret: 'acme-secret-please-change',
            tokenEndpointAuthMethod: 'client_secret_basic',
            ...uris,
            tileMode: 'redirect',
            tenantParam: 'acme',
            scopes: ['openid', 'profile', 'email'],
            assignedUsers: [DEMO_USER_IDS.alice, DEMO_USER_IDS.bob, DEMO_USER_IDS.pat],
          },
          // Onboarding demo (e2e/admin): app instances a customer admin connects through the wizard as new tenants.
          {
            key: 'initech',
            label: 'OIN Reference SaaS (Initech)',
            clientId: 'initech-app',
            clientSecret: 'initech-secret-first',
            tokenEndpointAuthMethod: 'client_secret_basic',
            ...uris,
            tileMode: 'redirect',
            tenantParam: 'initech',
            scopes: ['openid', 'profile', 'email'],
            assignedUsers: [DEMO_USER_IDS.alice, DEMO_USER_IDS.bob],
          },
          {
            key: 'initech-keys',
            label: 'OIN Reference SaaS (Initech, key pair)',
            clientId: 'initech-keys-app',
            tokenEndpointAuthMethod: 'private_key_jwt',
            // The app publishes the tenant's public keys here once the wizard created the `initech-keys` tenant.
            jwksUri: `${base}/api/tenants/initech-keys/jwks`,
            ...uris,
            tileMode: 'redirect',
            tenantParam: 'initech-keys',
            scopes: ['openid', 'profile', 'email'],
            assignedUsers: [DEMO_USER_IDS.alice, DEMO_USER_IDS.bob],
          },
          {
            key: 'acme-direct',
            label: 'OIN Reference SaaS (Acme, direct)',
            clientId: 'acme-direct-app',
            clientSecret: 'acme-direct-secret-please-change',
            tokenEndpointAuthMethod: 'client_secret_basic',
            ...uris,
            tileMode: 'id_token',
            scopes: ['openid', 'profile', 'email'],
            assignedUsers: [DEMO_USER_IDS.alice, DEMO_USER_IDS.bob, DEMO_USER_IDS.pat],
          },
          {
            key: 'acme-labs',
            label: 'OIN Reference SaaS (Acme Labs)',
            clientId: 'acme-labs-app',
            clientSecret: 'acme-labs-secret-please-change',
            tokenEndpointAuthMethod: 'client_secret_basic',
            ...uris,
            tileMode: 'redirect',
            tenantParam: 'acme-labs',
            scopes: ['openid', 'profile', 'email'],
            assignedUsers: [DEMO_USER_IDS.alice, DEMO_USER_IDS.bob, DEMO_USER_IDS.pat],
          },
          // Okta's "Require DPoP header in token requests" (e2e/sign-in/dpop.spec.ts).
          {
            key: 'acme-dpop',
            label: 'OIN Reference SaaS (Acme, DPoP)',
            clientId: 'acme-dpop-app',
            clientSecret: 'acme-dpop-secret-please-change',
            tokenEndpointAuthMethod: 'client_secret_basic',
            ...uris,
            tileMode: 'redirect',
            tenantParam: 'acme-dpop',
            requireDpop: true,
            scopes: ['openid', 'profile', 'email'],
            assignedUsers: [DEMO_USER_IDS.alice, DEMO_USER_IDS.bob],
          },
        ],
      },
      {
        key: 'globex',
        name: 'Globex (Okta)',
        port: ports.globex ?? 9102,
        users: [
          user(DEMO_USER_IDS.carol, 'carol@globex.test', 'Carol Chen'),
          user(DEMO_USER_IDS.dave, 'dave@globex.test', 'Dave Dunn'),
          pat,
        ],
        apps: [
          {
            key: 'globex',
            label: 'OIN Reference SaaS (Globex)',
            clientId: 'globex-app',
            clientSecret: 'globex-secret-please-change',
            tokenEndpointAuthMethod: 'client_secret_post',
            ...uris,
            tileMode: 'redirect',
            tileLoginHint: true,
            tileTargetLinkUri: '/t/globex?from=tile',
            scopes: ['openid', 'profile', 'email'],
            // dave is deliberately not assigned.
            assignedUsers: [DEMO_USER_IDS.carol, DEMO_USER_IDS.pat],
          },
        ],
      },
    ],
  };
}

/**
 * The values a customer admin enters in Okta, built from `APP_URL` in one place: the onboarding wizard,
 * the public configuration guide and the README all read them from here, so they cannot drift apart.
 * The paths are published in OIN registrations and never change (shared/DESIGN.md "Public URIs").
 */
import { CALLBACK_PATH } from '@/lib/auth/start-sign-in';
import { SIGNED_OUT_PATH } from '@/lib/auth/sign-out';

export const INITIATE_LOGIN_PATH = '/api/auth/initiate';
export const GUIDE_PATH = '/guide';
/** Universal Logout (Okta's Global Token Revocation endpoint): Okta POSTs signed logout requests here. */
export const UNIVERSAL_LOGOUT_PATH = '/api/auth/universal-logout';
/** The OIN integration variable that names the tenant in the initiate login URI (Okta Expression Language). */
export const TENANT_VARIABLE = 'tenant';

/** The tenant's public JWKS (private_key_jwt): Okta fetches the app's public keys here. */
export const jwksPath = (slug: string) => `/api/tenants/${encodeURIComponent(slug)}/jwks`;

export type OktaAppValues = {
  signInRedirectUri: string;
  signOutRedirectUri: string;
  /**
   * The initiate login URI for one organization: always with `tenant=<slug>`, so the tile names its tenant
   * even when the Okta org holds several instances of the app (or someone else names the same issuer).
   */
  initiateLoginUri: (slug: string) => string;
  /** The same for the OIN registration: the slug is the tenant variable `{app.tenant}` (Okta Expression Language). */
  initiateLoginUriOin: string;
  jwksUri: (slug: string) => string;
  guideUrl: string;
  universalLogoutUri: string;
};

/** Every URI an admin pastes into Okta, for this deployment's origin (`APP_URL`, no trailing slash). */
export function oktaAppValues(appUrl: string): OktaAppValues {
  const base = appUrl.replace(/\/+$/, '');
  return {
    signInRedirectUri: `${base}${CALLBACK_PATH}`,
    signOutRedirectUri: `${base}${SIGNED_OUT_PATH}`,
    initiateLoginUri: (slug) => `${base}${INITIATE_LOGIN_PATH}?tenant=${encodeURIComponent(slug)}`,
    initiateLoginUriOin: `${base}${INITIATE_LOGIN_PATH}?${TENANT_VARIABLE}={app.${TENANT_VARIABLE}}`,
    jwksUri: (slug) => `${base}${jwksPath(slug)}`,
    guideUrl: `${base}${GUIDE_PATH}`,
    universalLogoutUri: `${base}${UNIVERSAL_LOGOUT_PATH}`,
  };
}

/** What Okta's app integration must look like; the same words the Okta Admin Console uses. */
export const OKTA_APP_SETTINGS = {
  signInMethod: 'OIDC - OpenID Connect',
  applicationType: 'Web Application',
  grantType: 'Authorization Code',
  scopes: ['openid', 'profile', 'email', 'address', 'phone'] as const,
} as const;

/** The tile modes (Okta's "Login initiated by" + "Login flow") and what each means for people. */
export const TILE_MODES = [
  {
    loginInitiatedBy: 'app_only',
    tileLoginFlow: 'redirect',
    okta: 'Login initiated by: App Only',
    title: 'No tile (app only)',
    meaning: 'People start at this app and are sent to Okta to sign in. Okta shows no tile for the app.',
  },
  {
    loginInitiatedBy: 'either',
    tileLoginFlow: 'redirect',
    okta: 'Login initiated by: Either Okta or App · Login flow: Redirect to app to initiate login (OIDC Compliant)',
    title: 'Tile that redirects to the app (recommended)',
    meaning:
      'Clicking the tile opens the initiate login URI; the app then runs the normal sign-in with Okta. Needs the initiate login URI.',
  },
  {
    loginInitiatedBy: 'either',
    tileLoginFlow: 'id_token',
    okta: 'Login initiated by: Either Okta or App · Login flow: Send ID Token directly to app (Okta Simplified)',
    title: 'Tile that sends the ID token directly',
    meaning:
      'Clicking the tile makes Okta post an ID token to the sign-in redirect URI. Also tick Implicit (hybrid) → Allow ID Token with implicit grant type.',
  },
] as const;

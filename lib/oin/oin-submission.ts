/**
 * Every field an ISV fills in Okta's OIN Integration Wizard for this app, for one deployment (`APP_URL`): one
 * source for `npm run oin` and the public `/guide`. Pure: the caller reads the logo file and passes its check.
 * Field names follow the wizard's own labels (Okta developer docs, "Submit an SSO integration with the OIN Wizard").
 */
import { brand } from '@/lib/branding/brand';
import { LOGO_RULES, type LogoCheck } from './check-logo';
import { OKTA_APP_SETTINGS, TENANT_VARIABLE, oktaAppValues } from './oin-values';

export type OinField = { label: string; value: string; note?: string };
export type OinSection = { title: string; fields: OinField[] };
export type OinSubmission = { appUrl: string; sections: OinSection[]; problems: string[] };

/** Okta's catalog limits (OIN Wizard, General settings). */
export const CATALOG_LIMITS = { displayName: 64, description: 1023 } as const;

/** The initiate login URI with the tenant as an OIN integration variable, in Okta Expression Language. */
export const initiateLoginUriTemplate = (appUrl: string) => oktaAppValues(appUrl).initiateLoginUriOin;

export function oinSubmission(appUrl: string, logo: { file: string; check: LogoCheck }): OinSubmission {
  const v = oktaAppValues(appUrl);
  const problems: string[] = [];
  if (brand.productName.length > CATALOG_LIMITS.displayName) problems.push(`Display name is longer than ${CATALOG_LIMITS.displayName} characters`);
  if (brand.description.length > CATALOG_LIMITS.description) problems.push('Description must be under 1024 characters');
  for (const p of logo.check.problems) problems.push(`Logo ${logo.file}: ${p}`);
  if (!/^https:\/\//.test(v.signInRedirectUri)) problems.push(`APP_URL ${appUrl} is not https: Okta's wizard takes https URIs only (set APP_URL to the public origin)`);

  const image = logo.check.image;
  return {
    appUrl,
    problems,
    sections: [
      {
        title: 'General settings',
        fields: [
          { label: 'Display name', value: brand.productName, note: `≤ ${CATALOG_LIMITS.displayName} characters (lib/branding/brand.ts)` },
          { label: 'Description', value: brand.description, note: `${brand.description.length} characters, < 1024` },
          {
            label: 'Logo',
            value: logo.file,
            note: `${logo.check.ok ? 'meets' : 'does NOT meet'} Okta's rules (PNG/JPG/GIF, < 1 MB, ≥ ${LOGO_RULES.minWidth}×${LOGO_RULES.minHeight}): ` +
              `${image ? `${image.format.toUpperCase()} ${image.width}×${image.height}` : 'unreadable'}, ${logo.check.bytes} bytes`,
          },
          { label: 'Support contact', value: brand.supportEmail },
        ],
      },
      {
        title: 'Capabilities and protocol',
        fields: [
          { label: 'Protocol', value: 'OIDC (OpenID Connect)', note: `application type ${OKTA_APP_SETTINGS.applicationType}` },
          { label: 'Grant type', value: OKTA_APP_SETTINGS.grantType, note: 'no refresh token; Implicit (hybrid) → Allow ID Token only for tenants that choose the Okta Simplified tile' },
          { label: 'Sign-in flows', value: 'SP-initiated and IdP-initiated', note: 'OIDC mode: Web' },
          { label: 'Just-in-time provisioning', value: 'Yes', note: 'a user is created in the tenant at their first sign-in' },
          { label: 'Universal Logout', value: 'Yes', note: 'Global Token Revocation (below)' },
          { label: 'Multi-tenancy', value: 'Yes', note: 'each customer org creates its own app instance; one Okta org may hold several' },
          { label: 'Self-service configuration', value: "Yes, in the app's UI", note: 'the operator sends an invitation; the customer admin connects their org in a wizard' },
        ],
      },
      {
        title: 'Integration variables',
        fields: [
          {
            label: `Variable "${TENANT_VARIABLE}"`,
            value: `Label: Organization short name · Name: ${TENANT_VARIABLE} · Type: String`,
            note: `Help text: "Your organization's short name in ${brand.productName} (see the configuration guide). Needed only when your Okta org holds more than one instance of the app." May be empty.`,
          },
        ],
      },
      {
        title: 'OIDC properties',
        fields: [
          { label: 'Sign-in redirect URI', value: v.signInRedirectUri, note: 'the same for every tenant (not per tenant)' },
          { label: 'Initiate login URI', value: initiateLoginUriTemplate(appUrl), note: 'per tenant: yes; works when the variable is empty (then iss alone finds the tenant)' },
          { label: 'Sign-out redirect URI', value: v.signOutRedirectUri, note: 'post logout redirect URI; the same for every tenant' },
          { label: 'Configuration guide URL', value: v.guideUrl },
          { label: 'Scopes', value: OKTA_APP_SETTINGS.scopes.slice(0, 3).join(' '), note: `openid required; ${OKTA_APP_SETTINGS.scopes.slice(3).join(', ')} optional; never offline_access, groups or custom scopes` },
        ],
      },
      {
        title: 'Universal Logout',
        fields: [
          { label: 'Global token revocation endpoint', value: v.universalLogoutUri, note: 'fixed, the same for every tenant' },
          { label: 'Authentication method', value: 'SIGNED_JWT', note: "signed with the customer org's keys; aud = the endpoint; 5-minute lifetime; each jti once" },
          { label: 'Subject format', value: 'Issuer and Subject identifier', note: 'recommended (users are keyed by iss + sub); Email is also accepted, matched within the tenant only' },
          { label: 'Partial support', value: 'No', note: 'every session of the user ends at once' },
        ],
      },
      {
        title: 'Test account for Okta reviewers',
        fields: [
          {
            label: 'Instructions',
            value: reviewerInstructions(v.guideUrl.replace(/\/guide$/, '/login')),
            note: 'set up with: npm run tenant -- reviewer <slug> --sub <Okta user id> --email isvtest@okta.com (README "Publishing in the OIN")',
          },
        ],
      },
    ],
  };
}

/** What the wizard's test-account field says: reviewers sign in through Okta, as every user of this app does. */
export const reviewerInstructions = (loginUrl: string) =>
  `${brand.productName} has no local passwords: every account signs in through a customer's Okta. ` +
  `Open ${loginUrl}, enter isvtest@okta.com and sign in with the password we gave you for our test Okta org (or use the app's tile there). ` +
  'That account is an administrator of our review organization: Administration shows its connection, users, audit log and Universal Logout events. ' +
  'To test a fresh setup as a customer would, ask us for an invitation link and follow the configuration guide.';

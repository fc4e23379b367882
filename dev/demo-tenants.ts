/**
 * The demo tenants, matching the stand-in's demo orgs (dev/okta-stand-in/demo.ts): used by `npm run dev`
 * and the end-to-end tests. One Okta org (acme) holds two app instances, one per tile mode; globex uses
 * client_secret_post and a tile that sends login_hint and target_link_uri. `acme-labs` (a third instance in
 * the acme org) has the app's own user consent on; `acme-dpop` (a fourth) requires DPoP in token requests.
 */
import { DEMO_USER_IDS } from '@/dev/okta-stand-in/demo';
import { getConsentPolicy } from '@/lib/consent/get-consent-policy';
import { publishConsentVersion } from '@/lib/consent/publish-consent-version';
import { updateConsentSettings } from '@/lib/consent/update-consent-settings';
import { getDb } from '@/lib/db/client';
import { getTenantBySlug } from '@/lib/tenants/get-tenant';
import { importTenants, type ImportResult } from '@/lib/tenants/import-tenants';
import { TENANT_EXPORT_FORMAT } from '@/lib/tenants/tenant-schema';

export type DemoIssuers = { acme: string; globex: string };

export function demoTenantFile(issuers: DemoIssuers) {
  return {
    format: TENANT_EXPORT_FORMAT,
    tenants: [
      {
        slug: 'acme',
        displayName: 'Acme Corp',
        status: 'active',
        issuer: issuers.acme,
        clientId: 'acme-app',
        clientSecret: 'acme-secret-please-change',
        clientAuthMethod: 'client_secret_basic',
        scopes: ['openid', 'profile', 'email'],
        emailDomains: ['acme.test'],
        loginInitiatedBy: 'either',
        tileLoginFlow: 'redirect',
      },
      {
        slug: 'acme-direct',
        displayName: 'Acme Corp (direct tile)',
        status: 'active',
        issuer: issuers.acme,
        clientId: 'acme-direct-app',
        clientSecret: 'acme-direct-secret-please-change',
        clientAuthMethod: 'client_secret_basic',
        scopes: ['openid', 'profile', 'email'],
        emailDomains: [],
        loginInitiatedBy: 'either',
        tileLoginFlow: 'id_token',
      },
      {
        slug: 'acme-labs',
        displayName: 'Acme Labs',
        status: 'active',
        issuer: issuers.acme,
        clientId: 'acme-labs-app',
        clientSecret: 'acme-labs-secret-please-change',
        clientAuthMethod: 'client_secret_basic',
        scopes: ['openid', 'profile', 'email'],
        emailDomains: [],
        loginInitiatedBy: 'either',
        tileLoginFlow: 'redirect',
      },
      {
        slug: 'acme-dpop',
        displayName: 'Acme DPoP',
        status: 'active',
        issuer: issuers.acme,
        clientId: 'acme-dpop-app',
        clientSecret: 'acme-dpop-secret-please-change',
        clientAuthMethod: 'client_secret_basic',
        scopes: ['openid', 'profile', 'email'],
        emailDomains: [],
        loginInitiatedBy: 'either',
        tileLoginFlow: 'redirect',
        requireDpop: true,
      },
      {
        slug: 'globex',
        displayName: 'Globex',
        status: 'active',
        issuer: issuers.globex,
        clientId: 'globex-app',
        clientSecret: 'globex-secret-please-change',
        clientAuthMethod: 'client_secret_post',
        scopes: ['openid', 'profile', 'email'],
        emailDomains: ['globex.test'],
        loginInitiatedBy: 'either',
        tileLoginFlow: 'redirect',
      },
    ],
  };
}

/** Creates or updates the demo tenants (issuers verified through the running stand-in's discovery). */
export async function seedDemoTenants(issuers: DemoIssuers): Promise<ImportResult> {
  const result = await importTenants(demoTenantFile(issuers), { actor: 'demo-seed', requestId: 'demo-seed', operator: true }, () => undefined);
  await seedDemoConsent('acme-labs');
  return result;
}

export const DEMO_CONSENT_STATEMENT = {
  title: 'Acme Labs shares your name and email with this app',
  bodyMarkdown: `Acme Labs uses this app for its project work. When you sign in, Acme Labs' Okta sends the app **your account
identifier, your name and your email address**. The app shows them to you and your colleagues and uses them to run your account;
it does not sell them or use them for advertising.

Read the [terms of service](https://example.com/terms) and the [privacy notice](https://example.com/privacy).
You can withdraw your consent at any time on your account page.`,
  scopes: ['openid', 'profile', 'email'] as ('openid' | 'profile' | 'email')[],
};

/** Consent on, with a first statement — once: a restart keeps what an admin changed since. */
async function seedDemoConsent(slug: string) {
  const tenant = await getTenantBySlug(slug);
  if (!tenant || (await getConsentPolicy(getDb(), tenant.id)).current) return;
  const actor = { actor: 'demo-seed', requestId: 'demo-seed' };
  await updateConsentSettings(tenant.id, { required: true, supportContact: 'it-help@acme.test', logoUrl: null }, actor);
  await publishConsentVersion(tenant.id, { ...DEMO_CONSENT_STATEMENT, requireReconsent: true }, actor);
}

/** Who administers which demo tenant in `npm run dev`, so a newcomer can open every admin page. */
export const DEMO_ADMINS = [
  { slug: 'acme', email: 'alice@acme.test', sub: DEMO_USER_IDS.alice, name: 'Alice Anders' },
  { slug: 'acme-labs', email: 'alice@acme.test', sub: DEMO_USER_IDS.alice, name: 'Alice Anders' },
  { slug: 'acme-direct', email: 'bob@acme.test', sub: DEMO_USER_IDS.bob, name: 'Bob Brown' },
  { slug: 'acme-dpop', email: 'bob@acme.test', sub: DEMO_USER_IDS.bob, name: 'Bob Brown' },
  { slug: 'globex', email: 'carol@globex.test', sub: DEMO_USER_IDS.carol, name: 'Carol Chen' },
] as const;

/**
 * Makes the demo admins admins of their tenants (development only; the tests set up their own). Their user
 * rows are the ones just-in-time sign-in would create — (tenant, iss, sub) — with the admin role.
 */
export async function seedDemoAdmins(): Promise<void> {
  for (const admin of DEMO_ADMINS) {
    const tenant = await getTenantBySlug(admin.slug);
    if (!tenant) continue;
    await getDb().user.upsert({
      where: { tenantId_issuer_sub: { tenantId: tenant.id, issuer: tenant.issuer, sub: admin.sub } },
      create: { tenantId: tenant.id, issuer: tenant.issuer, sub: admin.sub, email: admin.email, name: admin.name, role: 'admin' },
      update: { role: 'admin' },
    });
  }
}

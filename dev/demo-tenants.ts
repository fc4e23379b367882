/**
 * The demo tenants, matching the stand-in's demo orgs (dev/okta-stand-in/demo.ts): used by `npm run dev`
 * and the end-to-end tests. One Okta org (acme) holds two app instances, one per tile mode; globex uses
 * client_secret_post and a tile that sends login_hint and target_link_uri.
 */
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
  return importTenants(demoTenantFile(issuers), { actor: 'demo-seed', requestId: 'demo-seed' }, () => undefined);
}

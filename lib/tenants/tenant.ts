/** The tenant as the rest of the app sees it: a plain object without the secret. */
import type { Tenant as TenantRow, TenantEmailDomain, TenantKeyStatus } from '@/lib/generated/prisma/client';

export type Tenant = {
  id: string;
  slug: string;
  displayName: string;
  status: 'draft' | 'active' | 'suspended';
  issuer: string;
  clientId: string;
  clientAuthMethod: 'client_secret_basic' | 'client_secret_post' | 'private_key_jwt';
  hasClientSecret: boolean;
  /** A second secret is stored: a rotation is under way. */
  hasNextClientSecret: boolean;
  /** private_key_jwt key pairs that are not retired (public parts only). */
  keys: { kid: string; status: TenantKeyStatus }[];
  lastDiscoveryCheckAt: Date | null;
  lastDiscoveryCheckCode: string | null;
  scopes: string[];
  emailDomains: string[];
  loginInitiatedBy: 'app_only' | 'either';
  tileLoginFlow: 'redirect' | 'id_token';
  /** Custom-domain issuers: the org's Okta-hosted domain, the only other origin of an Okta Simplified POST. */
  oktaOrgDomain: string | null;
  /** Token requests carry a DPoP proof (RFC 9449; Okta's "Require DPoP header in token requests"). */
  requireDpop: boolean;
  createdAt: Date;
  updatedAt: Date;
};

export const tenantInclude = {
  emailDomains: { orderBy: { domain: 'asc' } },
  keys: { where: { status: { not: 'retired' } }, select: { kid: true, status: true }, orderBy: { createdAt: 'asc' } },
} as const;

export function toTenant(
  row: TenantRow & { emailDomains: TenantEmailDomain[]; keys?: { kid: string; status: TenantKeyStatus }[] },
): Tenant {
  return {
    id: row.id,
    slug: row.slug,
    displayName: row.displayName,
    status: row.status,
    issuer: row.issuer,
    clientId: row.clientId,
    clientAuthMethod: row.clientAuthMethod,
    hasClientSecret: row.clientSecretCipher !== null,
    hasNextClientSecret: row.clientSecretNextCipher !== null,
    keys: row.keys ?? [],
    lastDiscoveryCheckAt: row.lastDiscoveryCheckAt,
    lastDiscoveryCheckCode: row.lastDiscoveryCheckCode,
    scopes: row.scopes,
    emailDomains: row.emailDomains.map((d) => d.domain),
    loginInitiatedBy: row.loginInitiatedBy,
    tileLoginFlow: row.tileLoginFlow,
    oktaOrgDomain: row.oktaOrgDomain,
    requireDpop: row.requireDpop,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

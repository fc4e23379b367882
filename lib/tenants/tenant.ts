/** The tenant as the rest of the app sees it: a plain object without the secret. */
import { TENANT_ACCENTS, type TenantAccent } from '@/lib/branding/brand';
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
  /** Every domain the tenant claims, verified or not (only verified ones route at /login). */
  emailDomains: string[];
  /** The claimed domains that are verified (DNS TXT record or operator approval). */
  verifiedEmailDomains: string[];
  /** The value of the DNS TXT record that verifies this tenant's email domains. */
  domainVerificationToken: string | null;
  /**
   * Whether (issuer, clientId) is proven — a test sign-in through it succeeded, or the operator vouched for
   * it — and so takes part in issuer resolution (initiate login URI, Okta Simplified POST).
   */
  connectionProven: boolean;
  connectionProvenAt: Date | null;
  /** An admin's changed issuer/client, waiting for its test sign-in; the live connection keeps working. */
  pendingConnection: { issuer: string; clientId: string; since: Date } | null;
  loginInitiatedBy: 'app_only' | 'either';
  tileLoginFlow: 'redirect' | 'id_token';
  /** Custom-domain issuers: the org's Okta-hosted domain, the only other origin of an Okta Simplified POST. */
  oktaOrgDomain: string | null;
  /** Token requests carry a DPoP proof (RFC 9449; Okta's "Require DPoP header in token requests"). */
  requireDpop: boolean;
  /** The tenant's own consent is on (lib/consent): nobody gets a session without a covering grant. */
  consentRequired: boolean;
  /** The accent of its own pages (one of the checked TENANT_ACCENTS; anything else reads as 'brand'). */
  accent: TenantAccent;
  /** The logo its admin set: uploaded (its SHA-256 versions the URL) or an https URL of another site. */
  logo: { sha256: string | null; url: string | null };
  createdAt: Date;
  updatedAt: Date;
};

/** A tenant row with what select-tenants.ts reads beside it (the only reader of tenants). */
export type TenantRowWithRelations = TenantRow & {
  emailDomains: Pick<TenantEmailDomain, 'domain' | 'verifiedDomain'>[];
  keys?: { kid: string; status: TenantKeyStatus }[];
  consentPolicy: { required: boolean; logoSha256: string | null; logoUrl: string | null } | null;
};

export function toTenant(row: TenantRowWithRelations): Tenant {
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
    verifiedEmailDomains: row.emailDomains.filter((d) => d.verifiedDomain !== null).map((d) => d.domain),
    domainVerificationToken: row.domainVerificationToken,
    connectionProven: row.provenIssuer === row.issuer && row.provenClientId === row.clientId,
    connectionProvenAt: row.connectionProvenAt,
    pendingConnection:
      row.pendingIssuer && row.pendingClientId ? { issuer: row.pendingIssuer, clientId: row.pendingClientId, since: row.pendingSince ?? row.updatedAt } : null,
    loginInitiatedBy: row.loginInitiatedBy,
    tileLoginFlow: row.tileLoginFlow,
    oktaOrgDomain: row.oktaOrgDomain,
    requireDpop: row.requireDpop,
    accent: (TENANT_ACCENTS as readonly string[]).includes(row.accent) ? (row.accent as TenantAccent) : 'brand',
    consentRequired: row.consentPolicy?.required ?? false,
    logo: { sha256: row.consentPolicy?.logoSha256 ?? null, url: row.consentPolicy?.logoUrl ?? null },
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

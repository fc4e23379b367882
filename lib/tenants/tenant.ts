/** The tenant as the rest of the app sees it: a plain object without the secret. */
import type { Tenant as TenantRow, TenantEmailDomain } from '@/lib/generated/prisma/client';

export type Tenant = {
  id: string;
  slug: string;
  displayName: string;
  status: 'draft' | 'active' | 'suspended';
  issuer: string;
  clientId: string;
  clientAuthMethod: 'client_secret_basic' | 'client_secret_post';
  hasClientSecret: boolean;
  scopes: string[];
  emailDomains: string[];
  loginInitiatedBy: 'app_only' | 'either';
  tileLoginFlow: 'redirect' | 'id_token';
  createdAt: Date;
  updatedAt: Date;
};

export const tenantInclude = { emailDomains: { orderBy: { domain: 'asc' } } } as const;

export function toTenant(row: TenantRow & { emailDomains: TenantEmailDomain[] }): Tenant {
  return {
    id: row.id,
    slug: row.slug,
    displayName: row.displayName,
    status: row.status,
    issuer: row.issuer,
    clientId: row.clientId,
    clientAuthMethod: row.clientAuthMethod,
    hasClientSecret: row.clientSecretCipher !== null,
    scopes: row.scopes,
    emailDomains: row.emailDomains.map((d) => d.domain),
    loginInitiatedBy: row.loginInitiatedBy,
    tileLoginFlow: row.tileLoginFlow,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/**
 * Tenant lookups: by id, by slug, by proven issuer connection, by verified email domain. Plain objects, never
 * the secret. Each is one statement on a unique index (select-tenants.ts), never a scan of an issuer's tenants.
 */
import { Prisma } from '@/lib/generated/prisma/client';
import { selectTenants } from './select-tenants';
import { emailDomainSchema, slugSchema } from './tenant-schema';
import type { Tenant } from './tenant';

export async function getTenantById(id: string): Promise<Tenant | null> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return null;
  const [tenant] = await selectTenants(Prisma.sql`t."id" = ${id}::uuid`);
  return tenant ?? null;
}

export async function getTenantBySlug(slug: string): Promise<Tenant | null> {
  const parsed = slugSchema.safeParse(slug);
  if (!parsed.success) return null;
  const [tenant] = await selectTenants(Prisma.sql`t."slug" = ${parsed.data}`);
  return tenant ?? null;
}

/** Okta's tile modes: the initiate login URI (`redirect`), or the ID token POST (`id_token`, Okta Simplified). */
export type TileMode = 'redirect' | 'id_token';

export type IssuerConnectionFilter = {
  /** Only this tenant (the initiate login URI's `tenant=<slug>`). */
  slug?: string | null;
  /** Only connections whose client id is one of these (an ID token's `aud`). */
  clientIds?: string[];
  /** Only tenants that switched this tile mode on (Login initiated by: Either, and this Login flow). */
  tileMode?: TileMode;
  /** At most this many (default 2: enough to tell one from several). */
  limit?: number;
};

/**
 * Active proven connections for an issuer: the active tenants whose (issuer, client id) a test sign-in (or the
 * operator) proved, narrowed by `filter`. The only way an IdP-initiated request (initiate login URI, Okta
 * Simplified POST, Universal Logout) finds its tenant by issuer: a draft, a suspended tenant, or a connection
 * nobody proved never answers for an issuer, so naming another customer's issuer changes nothing for it.
 * One indexed query (`provenIssuer`, `provenClientId` unique index; `slug` unique), never a scan of the issuer's tenants.
 */
export async function getActiveProvenConnectionsForIssuer(issuer: string, filter: IssuerConnectionFilter = {}): Promise<Tenant[]> {
  if (issuer.length > 1024 || (filter.clientIds && filter.clientIds.length === 0)) return [];
  const conditions = [Prisma.sql`t."provenIssuer" = ${issuer}`, Prisma.sql`t."status" = 'active'`];
  if (filter.slug) conditions.push(Prisma.sql`t."slug" = ${filter.slug}`);
  if (filter.clientIds) conditions.push(Prisma.sql`t."provenClientId" = ANY(${filter.clientIds.slice(0, 5)})`);
  if (filter.tileMode) {
    conditions.push(Prisma.sql`t."loginInitiatedBy" = 'either'`, Prisma.sql`t."tileLoginFlow"::text = ${filter.tileMode}`);
  }
  return selectTenants(Prisma.join(conditions, ' AND '), Math.min(filter.limit ?? 2, 100));
}

/**
 * The tenant that verified the domain of `email` (or of a bare domain), if any. Claimed but unverified domains
 * never route. One lookup on the unique `verifiedDomain` index.
 */
export async function getTenantByEmailDomain(emailOrDomain: string): Promise<Tenant | null> {
  const domain = emailDomainSchema.safeParse(emailOrDomain.slice(emailOrDomain.lastIndexOf('@') + 1));
  if (!domain.success) return null;
  const [tenant] = await selectTenants(
    Prisma.sql`t."id" = (SELECT d."tenantId" FROM "TenantEmailDomain" d WHERE d."verifiedDomain" = ${domain.data})`,
  );
  return tenant ?? null;
}

export async function listTenants(): Promise<Tenant[]> {
  return selectTenants(Prisma.sql`TRUE`, null);
}

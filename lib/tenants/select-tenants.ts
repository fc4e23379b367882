/**
 * The one way to read tenants: one SQL statement, the tenant row with its email domains, its non-retired keys
 * and its consent policy's flag and logo beside it. (Prisma's `include` sends one statement per relation, and
 * inside a transaction runs them at once on the transaction's single connection, which pg deprecates.)
 * `where` must be a condition on an indexed column of `"Tenant" t`; `db` is a transaction's client when the
 * read belongs to one.
 */
import { getDb } from '@/lib/db/client';
import { Prisma, type PrismaClient } from '@/lib/generated/prisma/client';
import { toTenant, type Tenant, type TenantRowWithRelations } from './tenant';

type Row = TenantRowWithRelations;

/** The tenants matching `where` (SQL on `"Tenant" t`), by slug, at most `limit` (null: all). */
export async function selectTenants(where: Prisma.Sql, limit: number | null = 1, db: Pick<PrismaClient, '$queryRaw'> = getDb()): Promise<Tenant[]> {
  const rows = await db.$queryRaw<Row[]>`
    SELECT t.*,
      COALESCE((SELECT json_agg(json_build_object('domain', d."domain", 'verifiedDomain', d."verifiedDomain") ORDER BY d."domain")
                FROM "TenantEmailDomain" d WHERE d."tenantId" = t."id"), '[]'::json) AS "emailDomains",
      COALESCE((SELECT json_agg(json_build_object('kid', k."kid", 'status', k."status") ORDER BY k."createdAt")
                FROM "TenantKey" k WHERE k."tenantId" = t."id" AND k."status" <> 'retired'), '[]'::json) AS "keys",
      (SELECT json_build_object('required', c."required", 'logoSha256', c."logoSha256", 'logoUrl', c."logoUrl")
                FROM "ConsentPolicy" c WHERE c."tenantId" = t."id") AS "consentPolicy"
    FROM "Tenant" t
    WHERE ${where}
    ORDER BY t."slug"
    ${limit === null ? Prisma.empty : Prisma.sql`LIMIT ${limit}`}`;
  return rows.map(toTenant);
}

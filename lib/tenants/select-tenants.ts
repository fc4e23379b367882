/**
 * Tenants as one SQL statement: the tenant row with its email domains and its non-retired keys aggregated
 * beside it, where Prisma's `include` sends one statement per relation. For the lookups on a sign-in's
 * path (get-tenant.ts); `where` must be a condition on an indexed column of `"Tenant" t`.
 */
import { getDb } from '@/lib/db/client';
import { Prisma } from '@/lib/generated/prisma/client';
import { toTenant, type Tenant } from './tenant';

type Row = Parameters<typeof toTenant>[0];

/** The tenants matching `where` (SQL on `"Tenant" t`), by slug, at most `limit`. */
export async function selectTenants(where: Prisma.Sql, limit = 1): Promise<Tenant[]> {
  const rows = await getDb().$queryRaw<Row[]>`
    SELECT t.*,
      COALESCE((SELECT json_agg(json_build_object('domain', d."domain", 'verifiedDomain', d."verifiedDomain") ORDER BY d."domain")
                FROM "TenantEmailDomain" d WHERE d."tenantId" = t."id"), '[]'::json) AS "emailDomains",
      COALESCE((SELECT json_agg(json_build_object('kid', k."kid", 'status', k."status") ORDER BY k."createdAt")
                FROM "TenantKey" k WHERE k."tenantId" = t."id" AND k."status" <> 'retired'), '[]'::json) AS "keys"
    FROM "Tenant" t
    WHERE ${where}
    ORDER BY t."slug"
    LIMIT ${limit}`;
  return rows.map(toTenant);
}

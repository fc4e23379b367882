/** Tenant lookups: by id, by slug, by exact issuer, by email domain. Plain objects, never the secret. */
import { getDb } from '@/lib/db/client';
import { emailDomainSchema, slugSchema } from './tenant-schema';
import { tenantInclude, toTenant, type Tenant } from './tenant';

export async function getTenantById(id: string): Promise<Tenant | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const row = await getDb().tenant.findUnique({ where: { id }, include: tenantInclude });
  return row ? toTenant(row) : null;
}

export async function getTenantBySlug(slug: string): Promise<Tenant | null> {
  const parsed = slugSchema.safeParse(slug);
  if (!parsed.success) return null;
  const row = await getDb().tenant.findUnique({ where: { slug: parsed.data }, include: tenantInclude });
  return row ? toTenant(row) : null;
}

/** Every tenant whose issuer is exactly `issuer` (one Okta org may hold several app instances). */
export async function getTenantsByIssuer(issuer: string): Promise<Tenant[]> {
  const rows = await getDb().tenant.findMany({ where: { issuer }, include: tenantInclude, orderBy: { slug: 'asc' } });
  return rows.map(toTenant);
}

/** The tenant that registered the domain of `email` (or of a bare domain), if any. */
export async function getTenantByEmailDomain(emailOrDomain: string): Promise<Tenant | null> {
  const domain = emailDomainSchema.safeParse(emailOrDomain.slice(emailOrDomain.lastIndexOf('@') + 1));
  if (!domain.success) return null;
  const row = await getDb().tenantEmailDomain.findUnique({
    where: { domain: domain.data },
    include: { tenant: { include: tenantInclude } },
  });
  return row ? toTenant(row.tenant) : null;
}

export async function listTenants(): Promise<Tenant[]> {
  const rows = await getDb().tenant.findMany({ include: tenantInclude, orderBy: { slug: 'asc' } });
  return rows.map(toTenant);
}

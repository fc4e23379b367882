/**
 * Whom a member of tenant `tenantId` can ask for admin access: up to `limit` active admins of that same tenant
 * (name and email). For the refusal page shown to that tenant's own members only — never to strangers.
 */
import 'server-only';
import { getDb } from '@/lib/db/client';

export type AdminContact = { name: string | null; email: string | null };

export async function listTenantAdminContacts(tenantId: string, limit = 5): Promise<AdminContact[]> {
  const rows = await getDb().user.findMany({
    where: { tenantId, role: 'admin', status: 'active' },
    select: { name: true, email: true },
    orderBy: [{ lastLoginAt: { sort: 'desc', nulls: 'last' } }, { createdAt: 'asc' }],
    take: limit,
  });
  return rows.map((r) => ({ name: r.name, email: r.email }));
}

/** Deletes a tenant with its users and sessions. Its audit events stay (tenant id kept in the event details). */
import { recordAuditEvent, type AuditContext } from '@/lib/audit/record-audit-event';
import { getDb } from '@/lib/db/client';
import { auditView } from './create-tenant';
import { Prisma } from '@/lib/generated/prisma/client';
import { selectTenants } from './select-tenants';
import { forgetCachedTenants } from './tenant-cache';
import { TenantError } from './tenant-error';

export async function removeTenant(slug: string, context: AuditContext & { actor: string }): Promise<void> {
  await getDb().$transaction(async (tx) => {
    const [current] = await selectTenants(Prisma.sql`t."slug" = ${slug}`, 1, tx);
    if (!current) throw new TenantError('not_found', 'tenant_not_found', { slug });
    await tx.tenant.delete({ where: { id: current.id } });
    await recordAuditEvent(tx, {
      ...context,
      type: 'tenant.removed',
      details: { actor: context.actor, tenantId: current.id, before: auditView(current) },
    });
  });
  forgetCachedTenants();
}

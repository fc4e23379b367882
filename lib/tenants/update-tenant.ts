/**
 * Changes a tenant's configuration; a new client secret replaces the stored one. Writes exactly one audit
 * event with before/after (the secret appears only as `hasClientSecret` and `clientSecretChanged`). The
 * caller verifies a changed issuer and authorizes the actor.
 */
import { recordAuditEvent, type AuditContext } from '@/lib/audit/record-audit-event';
import { encryptSecret } from '@/lib/crypto/secret-box';
import { getDb } from '@/lib/db/client';
import { getEnv } from '@/lib/env';
import { auditView } from './create-tenant';
import { tenantInclude, toTenant, type Tenant } from './tenant';
import { TenantError, rethrowUniqueViolation } from './tenant-error';
import type { TenantConfig } from './tenant-schema';

export type TenantPatch = Partial<Omit<TenantConfig, 'clientSecretEnv'>>;

export async function updateTenant(slug: string, patch: TenantPatch, context: AuditContext & { actor: string }): Promise<Tenant> {
  const db = getDb();
  try {
    const row = await db.$transaction(async (tx) => {
      const current = await tx.tenant.findUnique({ where: { slug }, include: tenantInclude });
      if (!current) throw new TenantError('not_found', `No tenant with slug "${slug}"`);
      const { clientSecret, emailDomains, ...fields } = patch;
      if (emailDomains) {
        await tx.tenantEmailDomain.deleteMany({ where: { tenantId: current.id } });
        await tx.tenantEmailDomain.createMany({ data: emailDomains.map((domain) => ({ domain, tenantId: current.id })) });
      }
      const updated = await tx.tenant.update({
        where: { id: current.id },
        data: {
          ...fields,
          ...(clientSecret ? { clientSecretCipher: encryptSecret(clientSecret, getEnv().DATA_ENCRYPTION_KEY, current.id) } : {}),
        },
        include: tenantInclude,
      });
      await recordAuditEvent(tx, {
        ...context,
        type: 'tenant.updated',
        tenantId: current.id,
        details: {
          actor: context.actor,
          before: auditView(toTenant(current)),
          after: auditView(toTenant(updated)),
          clientSecretChanged: Boolean(clientSecret),
        },
      });
      return updated;
    });
    return toTenant(row);
  } catch (error) {
    if (error instanceof TenantError) throw error;
    rethrowUniqueViolation(error, { slug: patch.slug ?? slug, domains: patch.emailDomains });
  }
}

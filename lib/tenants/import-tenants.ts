/**
 * Creates or updates tenants from the JSON format (`okta-oin-saas/tenants@1`), matched by slug. Each
 * issuer is verified through discovery first; a secret comes from `clientSecret` or the environment
 * variable named by `clientSecretEnv`, and an existing tenant keeps its secret when neither is given.
 * Stops at the first failure, naming the tenant; tenants before it stay imported.
 */
import type { AuditContext } from '@/lib/audit/record-audit-event';
import { createTenant } from './create-tenant';
import { getTenantBySlug } from './get-tenant';
import { TenantError } from './tenant-error';
import { tenantFileSchema } from './tenant-schema';
import { updateTenant } from './update-tenant';
import { verifyIssuer } from './verify-issuer';

export type ImportResult = { slug: string; action: 'created' | 'updated' }[];

export async function importTenants(
  json: unknown,
  context: AuditContext & { actor: string },
  secretSource: (name: string) => string | undefined,
): Promise<ImportResult> {
  const parsed = tenantFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new TenantError('invalid', `Invalid tenant file at ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  const results: ImportResult = [];
  for (const entry of parsed.data.tenants) {
    const { clientSecretEnv, ...config } = entry;
    const secret = config.clientSecret ?? (clientSecretEnv ? secretSource(clientSecretEnv) : undefined);
    if (clientSecretEnv && !secret) {
      throw new TenantError('secret_required', `${entry.slug}: environment variable ${clientSecretEnv} is not set`);
    }
    const verified = await verifyIssuer(config.issuer);
    const values = { ...config, issuer: verified.issuer, clientSecret: secret };
    if (await getTenantBySlug(config.slug)) {
      await updateTenant(config.slug, values, context);
      results.push({ slug: config.slug, action: 'updated' });
    } else {
      await createTenant(values, context);
      results.push({ slug: config.slug, action: 'created' });
    }
  }
  return results;
}

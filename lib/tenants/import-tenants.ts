/**
 * Creates or updates tenants from the JSON format (`okta-oin-saas/tenants@1`), matched by slug. Each
 * issuer is verified through discovery first; a secret comes from `clientSecret` or the environment
 * variable named by `clientSecretEnv`, and an existing tenant keeps its secret when neither is given.
 * For an existing tenant only the fields the file names change. Stops at the first failure, naming the
 * tenant; tenants before it stay imported.
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
  context: AuditContext & { actor: string; operator?: boolean },
  secretSource: (name: string) => string | undefined,
): Promise<ImportResult> {
  const parsed = tenantFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new TenantError('invalid', `Invalid tenant file at ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  const results: ImportResult = [];
  const raw = (json as { tenants: Array<Record<string, unknown>> }).tenants;
  for (const [index, entry] of parsed.data.tenants.entries()) {
    const { clientSecretEnv, ...config } = entry;
    const secret = config.clientSecret ?? (clientSecretEnv ? secretSource(clientSecretEnv) : undefined);
    if (clientSecretEnv && !secret) {
      throw new TenantError('secret_required', `${entry.slug}: environment variable ${clientSecretEnv} is not set`);
    }
    const verified = await verifyIssuer(config.issuer);
    const values = { ...config, issuer: verified.issuer, clientSecret: secret };
    if (await getTenantBySlug(config.slug)) {
      // An update changes only the fields the file names: schema defaults must not reset the rest.
      const named = Object.fromEntries(Object.entries(values).filter(([key]) => key in raw[index]! || key === 'issuer'));
      await updateTenant(config.slug, { ...named, clientSecret: secret }, context);
      results.push({ slug: config.slug, action: 'updated' });
    } else {
      await createTenant(values, context);
      results.push({ slug: config.slug, action: 'created' });
    }
  }
  return results;
}

/**
 * What a tenant admin sees on the rate-limits page: each tenant-adjustable policy with its limit in force,
 * the tenant's own setting, default, ceiling and current use, plus the last figures Okta sent per endpoint.
 * Callers authorize (admin of `tenant`).
 */
import 'server-only';
import { getRateLimitUse } from './consume';
import { listIdpRateLimits, type IdpRateLimitView } from './idp-rate-limits';
import { tenantAdjustablePolicies, type PolicyName } from './policies';
import { getEffectiveLimit } from './tenant-limits';

export type TenantPolicyView = {
  name: PolicyName;
  description: string;
  windowSeconds: number;
  limit: number;
  own: number | null;
  defaultLimit: number;
  ceiling: number;
  used: number;
  resetSeconds: number;
};

export async function getTenantRateLimits(tenant: { id: string; displayName: string }): Promise<{
  policies: TenantPolicyView[];
  okta: IdpRateLimitView[];
}> {
  const policies = await Promise.all(
    tenantAdjustablePolicies().map(async (p): Promise<TenantPolicyView> => {
      const [{ limit, own }, use] = await Promise.all([getEffectiveLimit(p.name, tenant.id), getRateLimitUse(p.name, { tenant })]);
      return {
        name: p.name, description: p.description, windowSeconds: p.windowSeconds, limit, own,
        defaultLimit: p.limit, ceiling: p.ceiling, used: use.used, resetSeconds: use.resetSeconds,
      };
    }),
  );
  return { policies, okta: await listIdpRateLimits(tenant.id) };
}

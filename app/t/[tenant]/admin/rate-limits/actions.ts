'use server';
/**
 * The tenant's own sign-in limits, one form per policy. Goes through `runAdminAction` (admin of this tenant,
 * else 404/403 + audit; throttled; zod-parsed with the error under the limit field) and `setTenantRateLimit`
 * (within the operator's ceiling; audited with before/after).
 */
import { getTranslations } from '@/lib/i18n/server';
import { z } from 'zod';
import type { FormState } from '@/app/_components/action-form';
import { AdminError } from '@/lib/admin/admin-error';
import { runAdminAction } from '@/lib/admin/admin-action';
import { policyName } from './policy-name';
import { RateLimitSettingError, setTenantRateLimit } from '@/lib/rate-limit/tenant-limits';

const input = z.object({
  policy: z.string().min(1).max(64),
  // Empty: back to the default.
  limit: z.union([z.literal('').transform(() => null), z.coerce.number().int().min(1).max(1_000_000)]),
});

/** Sets the tenant's own limit for one policy, within the operator's ceiling. */
export async function saveTenantRateLimitAction(slug: string, _: FormState, form: FormData): Promise<FormState> {
  return runAdminAction(slug, 'change rate limit', input, form, async ({ policy, limit }, { tenant, actorUserId, context, t }) => {
    try {
      await setTenantRateLimit({ tenantId: tenant.id, policy, limit, actorUserId }, context);
    } catch (error) {
      if (error instanceof RateLimitSettingError) {
        const ceiling = /cannot be above (\d+)/.exec(error.message)?.[1];
        throw new AdminError(ceiling ? t('validation.tooBig', { max: Number(ceiling) }) : error.message, { field: 'limit' });
      }
      throw error;
    }
    const name = policyName(await getTranslations('adminRateLimits'), policy);
    return limit === null ? t('rateLimitDefault', { policy: name }) : t('rateLimitSaved', { policy: name, limit });
  });
}

'use server';
/**
 * The DPoP setting of a tenant (RFC 9449; Okta's "Require DPoP header in token requests"), on its own form
 * of the connection page. Goes through `runAdminAction` (admin of this tenant, else 404/403 + audit) and
 * `updateTenant` (refuses DPoP with the Okta Simplified tile flow; one audit event; makes the key).
 */
import { z } from 'zod';
import type { FormState } from '@/app/_components/action-form';
import { runAdminAction } from '@/lib/admin/admin-action';
import { updateTenant } from '@/lib/tenants/update-tenant';

const dpopSchema = z.object({ requireDpop: z.literal('on').optional() }).transform((v) => ({ requireDpop: v.requireDpop === 'on' }));

export async function updateDpopAction(slug: string, _: FormState, form: FormData): Promise<FormState> {
  return runAdminAction(slug, 'update DPoP setting', dpopSchema, form, async ({ requireDpop }, { tenant, context, t }) => {
    if (requireDpop === tenant.requireDpop) return requireDpop ? t('dpopAlreadyOn') : t('dpopAlreadyOff');
    await updateTenant(tenant.slug, { requireDpop }, context);
    return requireDpop ? t('dpopOn') : t('dpopOff');
  });
}

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
  return runAdminAction(slug, 'update DPoP setting', dpopSchema, form, async ({ requireDpop }, { tenant, context }) => {
    if (requireDpop === tenant.requireDpop) return requireDpop ? 'DPoP was already on.' : 'DPoP was already off.';
    await updateTenant(tenant.slug, { requireDpop }, context);
    return requireDpop
      ? 'DPoP is on: token requests now carry a DPoP proof. Okta must have “Require DPoP header in token requests” ticked too.'
      : 'DPoP is off: token requests carry no DPoP proof. Untick “Require DPoP header in token requests” in Okta too.';
  });
}

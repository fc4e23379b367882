'use server';
/**
 * Publishes the next consent statement version from the admin page. Goes through `runAdminAction` (admin
 * of this tenant, else 404/403 + audit; throttled; errors under their fields) and `publishConsentVersion`
 * (one audit event with before/after).
 */
import { z } from 'zod';
import type { FormState } from '@/app/_components/action-form';
import { runAdminAction } from '@/lib/admin/admin-action';
import { consentVersionSchema } from '@/lib/consent/consent-schema';
import { publishConsentVersion } from '@/lib/consent/publish-consent-version';

const list = z.union([z.string(), z.array(z.string())]).optional().transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]));

// The lengths checked here first, so that their messages come in the admin's language; the shared schema then normalises.
const form = z
  .object({
    title: z.string().trim().min(3).max(120),
    bodyMarkdown: z.string().trim().min(10).max(8000),
    scopes: list,
    requireReconsent: z.string().optional(),
  })
  .transform((v): Record<string, unknown> => ({ ...v, scopes: ['openid', ...v.scopes] }))
  .pipe(consentVersionSchema);

export async function publishConsentVersionFormAction(slug: string, _: FormState, data: FormData): Promise<FormState> {
  return runAdminAction(slug, 'publish consent version', form, data, async (input, { tenant, context, t }) => {
    const published = await publishConsentVersion(tenant.id, input, context);
    return published.requireReconsent && published.version > 1
      ? t('consentPublishedReconsent', { version: published.version })
      : t('consentPublished', { version: published.version });
  });
}

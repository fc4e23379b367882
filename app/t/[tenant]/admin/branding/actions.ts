'use server';
/**
 * The branding page's action: accent and logo of the organization. Tenant admins only (the guard, then the
 * operation checks again), throttled like every admin action, parsed with zod, errors per field, audited.
 */
import { revalidatePath } from 'next/cache';
import { forbidden, notFound, redirect } from 'next/navigation';
import { getTranslations } from '@/lib/i18n/server';
import type { FormState } from '@/app/_components/action-form';
import { throttleAdminAction } from '@/lib/admin/throttle-admin-action';
import { authorizeTenant } from '@/lib/auth/tenant-guard';
import { BrandingRefusedError, LogoError, tenantBrandingSchema, updateTenantBranding } from '@/lib/branding/update-tenant-branding';
import { MAX_LOGO_BYTES, parseLogoImage } from '@/lib/consent/consent-logo';

type LogoProblem = 'empty' | 'tooLarge' | 'notImage' | 'ownApp' | 'notHttps';

function logoProblem(error: LogoError): LogoProblem {
  if (/empty/.test(error.message)) return 'empty';
  if (/KB/.test(error.message)) return 'tooLarge';
  if (/PNG or JPEG/.test(error.message)) return 'notImage';
  if (/point at this app/.test(error.message)) return 'ownApp';
  return 'notHttps';
}

export async function saveBrandingAction(_state: FormState, formData: FormData): Promise<FormState> {
  const slug = String(formData.get('slug') ?? '').slice(0, 40);
  const auth = await authorizeTenant(slug, 'admin', 'update branding');
  if (!auth.ok) {
    if (auth.status === 401) redirect(`/api/auth/signin?tenant=${encodeURIComponent(slug)}`);
    if (auth.status === 404) notFound();
    forbidden();
  }
  const t = await getTranslations('branding');
  const throttle = await throttleAdminAction(auth.session.user.id, auth.context);
  if (!throttle.ok) return { ok: false, message: t('errors.throttled', { seconds: throttle.retryAfterSeconds }) };

  const parsed = tenantBrandingSchema.safeParse({
    accent: formData.get('accent'),
    logoUrl: formData.get('logoUrl') ?? undefined,
    removeLogo: formData.get('removeLogo') ?? undefined,
  });
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? '');
      if (field === 'accent') fieldErrors.accent ??= t('errors.accent');
      else if (field === 'logoUrl') fieldErrors.logoUrl ??= t('errors.logo.notHttps');
    }
    return { ok: false, message: t('errors.notSaved'), fieldErrors };
  }
  const file = formData.get('logoFile');
  let logoImage = null;
  try {
    if (file instanceof File && file.size > 0) {
      // Size first, before reading: the type is then decided by the bytes, never by the name or claimed type.
      if (file.size > MAX_LOGO_BYTES) throw new LogoError(`The logo must be at most ${MAX_LOGO_BYTES / 1024} KB.`);
      logoImage = parseLogoImage(new Uint8Array(await file.arrayBuffer()));
    }
  } catch (error) {
    if (!(error instanceof LogoError)) throw error;
    return { ok: false, message: t('errors.notSaved'), fieldErrors: { logoFile: t(`errors.logo.${logoProblem(error)}`, { kb: MAX_LOGO_BYTES / 1024 }) } };
  }
  const actor = { ...auth.context, actor: `user:${auth.session.user.email ?? auth.session.user.sub}`, actorUserId: auth.session.user.id };
  try {
    await updateTenantBranding(auth.tenant.id, { ...parsed.data, logoImage }, actor);
  } catch (error) {
    if (error instanceof LogoError) {
      return { ok: false, message: t('errors.notSaved'), fieldErrors: { logoUrl: t(`errors.logo.${logoProblem(error)}`, { kb: MAX_LOGO_BYTES / 1024 }) } };
    }
    if (error instanceof BrandingRefusedError) forbidden();
    throw error;
  }
  revalidatePath(`/t/${auth.tenant.slug}`, 'layout');
  return { ok: true, message: t('saved') };
}

'use server';
import { redirect } from 'next/navigation';
import { getTranslations } from '@/lib/i18n/server';
import { throttleAdminAction } from '@/lib/admin/throttle-admin-action';
import { authorizeTenant } from '@/lib/auth/tenant-guard';
import { LogoError, MAX_LOGO_BYTES, parseLogoImage } from '@/lib/consent/consent-logo';
import { consentSettingsSchema } from '@/lib/consent/consent-schema';
import { updateConsentSettings } from '@/lib/consent/update-consent-settings';

async function authorize(formData: FormData, action: string) {
  const slug = String(formData.get('slug') ?? '').slice(0, 40);
  const auth = await authorizeTenant(slug, 'admin', action);
  if (!auth.ok) redirect(auth.status === 401 ? `/api/auth/signin?tenant=${encodeURIComponent(slug)}` : '/');
  const back = `/t/${auth.tenant.slug}/admin/consent`;
  const throttle = await throttleAdminAction(auth.session.user.id, auth.context);
  if (!throttle.ok) {
    const message = (await getTranslations('adminActions'))('errors.throttled', { limit: throttle.limit, seconds: throttle.retryAfterSeconds });
    redirect(`${back}?error=${encodeURIComponent(message)}`);
  }
  const actor = { ...auth.context, actor: `user:${auth.session.user.email ?? auth.session.user.sub}`, actorUserId: auth.session.user.id };
  return { tenant: auth.tenant, actor, back };
}

const failed = (back: string, issue: { path: PropertyKey[]; message: string }) =>
  redirect(`${back}?error=${encodeURIComponent(`${issue.path.map(String).join('.') || 'input'} ${issue.message}`)}`);

/** Consent required on/off, support contact, logo (an uploaded PNG/JPEG or an https URL). Tenant admins only; audited with before/after. */
export async function saveConsentSettingsAction(formData: FormData): Promise<void> {
  const { tenant, actor, back } = await authorize(formData, 'update consent settings');
  const parsed = consentSettingsSchema.safeParse({
    required: formData.get('required'), supportContact: formData.get('supportContact'), logoUrl: formData.get('logoUrl') ?? undefined,
    removeLogo: formData.get('removeLogo'),
  });
  if (!parsed.success) return failed(back, parsed.error.issues[0]!);
  const file = formData.get('logoFile');
  try {
    let logoImage = null;
    if (file instanceof File && file.size > 0) {
      // Size first, before reading: the type is then decided by the bytes, never by the name or claimed type.
      if (file.size > MAX_LOGO_BYTES) throw new LogoError(`The logo must be at most ${MAX_LOGO_BYTES / 1024} KB.`);
      logoImage = parseLogoImage(new Uint8Array(await file.arrayBuffer()));
    }
    await updateConsentSettings(tenant.id, { ...parsed.data, logoImage }, actor);
  } catch (error) {
    if (error instanceof LogoError) return failed(back, { path: ['logo'], message: error.message });
    throw error;
  }
  redirect(`${back}?saved=settings`);
}

'use server';
/**
 * Server actions of the onboarding wizard. The caller's onboarding cookie is the authorization (resolved on
 * every call); every step counts against `onboarding.action.invitation` (per invitation) before it runs;
 * inputs are parsed with zod in lib/onboarding, whose errors come back per field; Next checks the Origin of
 * every action (CSRF).
 */
import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getLocale } from 'next-intl/server';
import type { FormState } from '@/app/_components/action-form';
import { throttleWizardAction } from '@/lib/admin/throttle-admin-action';
import { requestContextOf } from '@/lib/http/request-context';
import { translatorFor } from '@/lib/i18n/translator';
import { getLog } from '@/lib/log';
import { clearOnboardingCookie, currentOnboarding } from '@/lib/onboarding/onboarding-cookie';
import { checkOnboardingDomain, saveOnboardingDomains } from '@/lib/onboarding/onboarding-domains';
import { activateTenant, recheckConnection, saveConnection, saveOrganization, type StepResult } from '@/lib/onboarding/onboarding-steps';
import type { Onboarding } from '@/lib/onboarding/onboarding-state';
import type { Locale } from '@/lib/i18n/locales';

type Run = (o: Onboarding, context: ReturnType<typeof requestContextOf>, locale: Locale) => Promise<StepResult>;

async function withOnboarding(run: Run): Promise<StepResult> {
  const context = requestContextOf(await headers());
  const locale = await getLocale();
  const t = translatorFor(locale, 'onboarding');
  const current = await currentOnboarding();
  if (!current.ok) return { ok: false, message: t('errors.gone') };
  try {
    const throttle = await throttleWizardAction(current.onboarding.invitationId, context);
    if (!throttle.ok) {
      const message = translatorFor(locale, 'adminActions')('errors.throttled', { limit: throttle.limit, seconds: throttle.retryAfterSeconds });
      return { ok: false, message, code: 'rate_limited' };
    }
    return await run(current.onboarding, context, locale);
  } catch (error) {
    getLog().error({ err: error, requestId: context.requestId }, 'onboarding step failed');
    return { ok: false, message: t('errors.unexpected', { requestId: context.requestId }) };
  }
}

/** A failed step as the form shows it: errors under their fields, else one message. */
const toFormState = (result: StepResult): FormState =>
  result.ok ? { ok: true, message: result.message } : result.fieldErrors ? { ok: false, fieldErrors: result.fieldErrors, code: result.code } : { ok: false, message: result.message, code: result.code };

const fields = (form: FormData, names: string[]) => Object.fromEntries(names.filter((n) => form.has(n)).map((n) => [n, String(form.get(n))]));

export async function saveOrganizationAction(_: FormState, form: FormData): Promise<FormState> {
  const result = await withOnboarding((o, ctx, locale) => saveOrganization(o, fields(form, ['displayName', 'slug']), ctx, locale));
  if (result.ok) redirect('/onboarding?step=okta');
  return toFormState(result);
}

export async function saveConnectionAction(_: FormState, form: FormData): Promise<FormState> {
  const result = await withOnboarding((o, ctx, locale) =>
    saveConnection(o, fields(form, ['issuer', 'clientId', 'clientAuthMethod', 'clientSecret', 'tile']), ctx, locale),
  );
  if (result.ok) redirect('/onboarding?step=connection&saved=1#connection-check');
  return toFormState(result);
}

export async function recheckAction(): Promise<FormState> {
  const result = await withOnboarding((o, ctx, locale) => recheckConnection(o, { ...ctx, actor: `invitation:${o.invitationId}` }, locale));
  if (result.ok) redirect('/onboarding?step=connection#connection-check');
  return toFormState(result);
}

export async function saveDomainsAction(_: FormState, form: FormData): Promise<FormState> {
  const result = await withOnboarding((o, ctx, locale) => saveOnboardingDomains(o, fields(form, ['domains']), ctx, locale));
  if (result.ok) revalidatePath('/onboarding');
  return toFormState(result);
}

export async function checkDomainAction(_: FormState, form: FormData): Promise<FormState> {
  const result = await withOnboarding((o, ctx, locale) => checkOnboardingDomain(o, fields(form, ['domain']), ctx, locale));
  revalidatePath('/onboarding');
  return toFormState(result);
}

export async function activateAction(): Promise<FormState> {
  let slug = '';
  const result = await withOnboarding(async (o, ctx, locale) => {
    slug = o.tenant?.slug ?? '';
    return activateTenant(o, ctx, locale);
  });
  if (!result.ok) return toFormState(result);
  await clearOnboardingCookie();
  redirect(`/onboarding/live/${encodeURIComponent(slug)}`);
}

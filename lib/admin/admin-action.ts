/**
 * The wrapper of every tenant admin server action: authorizes the session for `slug` with the admin role
 * (a refusal writes `access.denied` and ends the request with Next's 404/403, nothing changed), counts the
 * action against `admin.action.user` (over the limit: a form message, nothing changed), parses the form with
 * zod (bad input: a translated message under each bad field, nothing changed), runs the operation with the
 * audit context of the signed-in admin and a translator for its messages, and maps expected failures to a
 * form message. Unexpected errors are logged and shown as a calm message with a request id.
 */
import 'server-only';
import { revalidatePath } from 'next/cache';
import { forbidden, notFound, redirect } from 'next/navigation';
import { getLocale } from 'next-intl/server';
import { getTranslations } from '@/lib/i18n/server';
import type { z } from 'zod';
import { authorizeTenant } from '@/lib/auth/tenant-guard';
import { getLog } from '@/lib/log';
import { describeConnectionFailure } from '@/lib/onboarding/discovery-messages';
import { isOidcError } from '@/lib/oidc/errors';
import { TenantError } from '@/lib/tenants/tenant-error';
import type { Tenant } from '@/lib/tenants/tenant';
import type { ChangeContext } from '@/lib/tenants/update-tenant';
import { AdminError } from './admin-error';
import { fieldErrorsOf, validationMessages } from './form-errors';
import { throttleAdminAction } from './throttle-admin-action';

export type AdminActionResult = { ok: boolean; message?: string; fieldErrors?: Record<string, string> };
export type AdminTranslator = Awaited<ReturnType<typeof getTranslations<'adminActions'>>>;
export type AdminCall = { tenant: Tenant; actorUserId: string; context: ChangeContext; t: AdminTranslator };

/** Form data as a plain object; repeated names (checkboxes) become arrays. */
export function formObject(form: FormData): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(form.keys())) {
    if (key.startsWith('$ACTION')) continue;
    const all = form.getAll(key).filter((v): v is string => typeof v === 'string');
    out[key] = all.length > 1 ? all : (all[0] ?? '');
  }
  return out;
}

export async function runAdminAction<S extends z.ZodType>(
  slug: unknown,
  action: string,
  schema: S,
  form: FormData,
  run: (input: z.output<S>, call: AdminCall) => Promise<string>,
): Promise<AdminActionResult> {
  const auth = await authorizeTenant(typeof slug === 'string' ? slug : '', 'admin', action);
  if (!auth.ok) {
    if (auth.status === 401) redirect(`/api/auth/signin?tenant=${encodeURIComponent(String(slug))}`);
    if (auth.status === 404) notFound();
    forbidden();
  }
  const { session, tenant, context } = auth;
  const t = await getTranslations('adminActions');
  const throttle = await throttleAdminAction(session.user.id, context);
  if (!throttle.ok) return { ok: false, message: t('errors.throttled', { limit: throttle.limit, seconds: throttle.retryAfterSeconds }) };
  const parsed = schema.safeParse(formObject(form), { error: validationMessages((key, values) => t(`validation.${key}`, values)) });
  if (!parsed.success) return { ok: false, message: t('errors.checkFields'), fieldErrors: fieldErrorsOf(parsed.error) };
  const call: AdminCall = {
    tenant,
    actorUserId: session.user.id,
    context: { ...context, actor: `user:${session.user.email ?? session.user.sub}`, actorUserId: session.user.id },
    t,
  };
  try {
    const message = await run(parsed.data, call);
    revalidatePath(`/t/${tenant.slug}/admin`, 'layout');
    return { ok: true, message };
  } catch (error) {
    if (error instanceof AdminError) {
      const message = error.code ? t(`errors.${error.code}`) : error.message;
      return error.field ? { ok: false, fieldErrors: { [error.field]: message } } : { ok: false, message };
    }
    // A registry refusal: its stable reason, in the admin's language.
    if (error instanceof TenantError) return { ok: false, message: (await getTranslations('tenantErrors'))(error.reason, error.params) };
    // Okta refused or failed (discovery, keys): the wizard's texts for the same codes (catalogue `discovery`).
    if (isOidcError(error)) return { ok: false, message: describeConnectionFailure(error.code, error.details, await getLocale()) };
    getLog().error({ err: error, requestId: context.requestId, action }, 'admin action failed');
    return { ok: false, message: t('errors.unexpected', { requestId: context.requestId }) };
  }
}

'use server';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getTranslations } from '@/lib/i18n/server';
import { z } from 'zod';
import type { FormState } from '@/app/_components/action-form';
import { transactionCookie } from '@/lib/auth/cookies';
import { startLogin } from '@/lib/auth/start-login';
import { requestContextOf } from '@/lib/http/request-context';

/** The field's own `maxLength`: what comes back is never longer than what the field takes. */
const MAX_TYPED = 320;

const input = z.object({
  org: z.string().max(4096),
  returnTo: z.string().max(2048).optional(),
});

/**
 * The /login form: finds the organization exactly as `POST /api/auth/signin` does (lib/auth/start-login.ts)
 * and, when found, sets the sign-in transaction cookie and sends the browser to its Okta. Everything else is
 * answered under the field (what was typed stays, with or without JavaScript) or, for limits and Okta faults,
 * in the form's alert.
 * Redirects straight to Okta, never to the sign-in route: a server action's redirect to a path of this app is
 * fetched by the server itself, which would start a second sign-in.
 */
export async function loginAction(_state: FormState, formData: FormData): Promise<FormState> {
  const values = typedValues(formData);
  const t = await getTranslations('login.errors');
  const parsed = input.safeParse({ org: formData.get('org') ?? '', returnTo: formData.get('returnTo') ?? undefined });
  if (!parsed.success) return { ok: false, values, fieldErrors: { org: t('malformed') } };
  const org = parsed.data.org.trim();
  if (org === '') return { ok: false, values, fieldErrors: { org: t('empty') } };

  const result = await startLogin({ org, returnTo: parsed.data.returnTo }, requestContextOf(await headers()));
  if (result.ok) {
    const cookie = transactionCookie();
    (await cookies()).set(cookie.name, result.sealedTransaction, cookie.options);
    redirect(result.authorizeUrl);
  }
  switch (result.reason) {
    case 'unknown_tenant':
      return { ok: false, values, code: result.code, fieldErrors: { org: t(org.length > 320 ? 'malformed' : org.includes('@') ? 'unknownEmail' : 'unknown') } };
    case 'tenant_not_active':
      return { ok: false, values, code: result.code, fieldErrors: { org: t('notActive') } };
    case 'rate_limited':
      return {
        ok: false,
        values,
        code: result.code,
        message: result.tenantName
          ? t('rateLimitedTenant', { organization: result.tenantName, limit: result.limit, window: result.windowSeconds, seconds: result.retryAfterSeconds })
          : t('rateLimited', { seconds: result.retryAfterSeconds }),
      };
    case 'idp_rate_limited':
      return { ok: false, values, code: result.code, message: result.retryAfterSeconds ? t('idpBusy', { seconds: result.retryAfterSeconds }) : t('idpBusyNoWait') };
    default:
      return { ok: false, values, code: result.code, message: t('failed', { code: result.code, requestId: result.requestId }) };
  }
}

/**
 * What was typed, given back with every refusal (capped at the field's length; React escapes it when the page
 * is rendered), so a form posted without JavaScript shows it again in the field, not the page's `?org=` prefill.
 */
function typedValues(formData: FormData): { org: string } | undefined {
  const org = formData.get('org');
  return typeof org === 'string' ? { org: org.slice(0, MAX_TYPED) } : undefined;
}

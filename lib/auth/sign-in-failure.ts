/**
 * The one answer to a failed sign-in: log the details and write the audit event (the only write a failure
 * makes), both through record-sign-in-refusal.ts as the /login page's action does; then clear the transaction
 * cookie and render a clear page with the code and request id. The one
 * sign-in outcome that is not a failure, `ConsentRequired`, is handed to the consent page here, so every
 * route that reaches `establishSession` gets it.
 */
import { NextResponse } from 'next/server';
import { ConsentRequired } from '@/lib/consent/consent-required';
import { errorPage, type PageAction } from '@/lib/http/html-page';
import { DEFAULT_LOCALE } from '@/lib/i18n/locales';
import { translatorFor } from '@/lib/i18n/translator';
import type { RequestContext } from '@/lib/http/request-context';
import { getTenantBranding } from '@/lib/tenants/get-tenant-branding';
import { ConnectionTested } from '@/lib/tenants/pending-connection';
import { transactionCookie } from './cookies';
import { recordSignInRefusal, type SignInAttempt } from './record-sign-in-refusal';
import { redirectAfterConnectionTest, redirectToConsent } from './responses';
import { rateLimitedResponse } from './rate-limited-response';
import { describeSignInError } from './sign-in-error';

export async function signInFailureResponse(
  error: unknown,
  context: RequestContext,
  attempt: SignInAttempt,
): Promise<Response> {
  if (error instanceof ConsentRequired) return redirectToConsent(error);
  if (error instanceof ConnectionTested) return redirectAfterConnectionTest(error.landing);
  const refusal = await recordSignInRefusal(error, context, attempt);
  // Audited once per minute and key by the limiter (record-refusal.ts), not once per refused request.
  if (refusal.rateLimited) return rateLimitedResponse(refusal.rateLimited, context);
  const { code, retryAfterSeconds: retryAfter } = refusal;
  const locale = context.locale ?? DEFAULT_LOCALE;
  const entry = describeSignInError(code, locale);
  const t = translatorFor(locale, 'signInErrors');

  const headers = new Headers();
  if (code === 'idp_rate_limited' && retryAfter) headers.set('retry-after', String(retryAfter));
  const actions: PageAction[] = [];
  if (entry.retry) {
    actions.push({ href: attempt.tenantSlug ? `/api/auth/signin?tenant=${encodeURIComponent(attempt.tenantSlug)}` : '/login', label: t('tryAgain') });
  }
  // The organization's own look when the sign-in is known to be its (never for an unknown or ambiguous one).
  const branding = attempt.tenantSlug ? await getTenantBranding(attempt.tenantSlug).catch(() => null) : null;
  actions.push({ href: branding ? `/login?org=${encodeURIComponent(branding.slug)}` : '/login', label: t('goToSignIn'), secondary: true });
  const message =
    code === 'idp_rate_limited' && retryAfter ? `${entry.message} ${t('retryIn', { seconds: retryAfter })}` : entry.message;
  const page = errorPage({ status: entry.status, title: entry.title, message, code, requestId: context.requestId, actions, headers, locale, branding });
  const response = new NextResponse(page.body, { status: page.status, headers: page.headers });
  response.cookies.set(transactionCookie().name, '', { ...transactionCookie(0).options, maxAge: 0 });
  return response;
}


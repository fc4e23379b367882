/**
 * The one answer to a failed sign-in: log the details, write the audit event (the only write a failure
 * makes), clear the transaction cookie, and render a clear page with the code and request id. The one
 * sign-in outcome that is not a failure, `ConsentRequired`, is handed to the consent page here, so every
 * route that reaches `establishSession` gets it.
 */
import { NextResponse } from 'next/server';
import { ConsentRequired } from '@/lib/consent/consent-required';
import { errorPage, type PageAction } from '@/lib/http/html-page';
import { DEFAULT_LOCALE } from '@/lib/i18n/locales';
import { translatorFor } from '@/lib/i18n/translator';
import type { RequestContext } from '@/lib/http/request-context';
import { getLog } from '@/lib/log';
import { isRateLimitedError } from '@/lib/rate-limit/rate-limited-error';
import { countUnknownLookup } from '@/lib/rate-limit/sign-in-gates';
import { getTenantBranding } from '@/lib/tenants/get-tenant-branding';
import { ConnectionTested } from '@/lib/tenants/pending-connection';
import { transactionCookie } from './cookies';
import { recordSignInFailure } from './record-sign-in-failure';
import { redirectAfterConnectionTest, redirectToConsent } from './responses';
import { rateLimitedResponse } from './rate-limited-response';
import { classifySignInError, describeSignInError } from './sign-in-error';

export async function signInFailureResponse(
  error: unknown,
  context: RequestContext,
  attempt: { tenantId?: string; tenantSlug?: string; flow?: string },
): Promise<Response> {
  if (error instanceof ConsentRequired) return redirectToConsent(error);
  if (error instanceof ConnectionTested) return redirectAfterConnectionTest(error.landing);
  // Audited once per minute and key by the limiter (record-refusal.ts), not once per refused request.
  if (isRateLimitedError(error)) return rateLimitedResponse(error, context, attempt);
  const { code, detail, details } = classifySignInError(error);
  const locale = context.locale ?? DEFAULT_LOCALE;
  const entry = describeSignInError(code, locale);
  const t = translatorFor(locale, 'signInErrors');
  const log = getLog();
  if (code === 'internal_error') log.error({ err: error, requestId: context.requestId }, 'sign-in failed unexpectedly');
  else log.warn({ code, detail, details, tenant: attempt.tenantSlug, requestId: context.requestId }, 'sign-in refused');
  if (code === 'unknown_issuer' || code === 'unknown_tenant') {
    await countUnknownLookup(context).catch((e: unknown) => log.error({ err: e }, 'could not count the unknown lookup'));
  }

  // Floods of anonymous failures are aggregated (record-sign-in-failure.ts), not a row per request.
  await recordSignInFailure(
    { tenantId: attempt.tenantId ?? null, detail, shownCode: code, details: { ...details, flow: attempt.flow, shownCode: code } },
    context,
  );

  const headers = new Headers();
  const retryAfter = retryAfterSeconds(details);
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

function retryAfterSeconds(details: Record<string, unknown> | undefined): number | undefined {
  const reset = Number(details?.reset);
  if (!Number.isFinite(reset) || reset <= 0) return undefined;
  return Math.max(1, Math.ceil(reset - Date.now() / 1000));
}

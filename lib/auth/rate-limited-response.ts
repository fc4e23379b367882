/**
 * The answer to a sign-in refused by our own rate limits: 429 with `Retry-After`, `RateLimit-Policy` and
 * `RateLimit`; JSON `{error:'rate_limited', retryAfter, policy}` for API clients (they Accept JSON, not
 * HTML), otherwise a page that names the organization whose limit it is. Writes no audit row itself (the
 * limiter already aggregated the refusal, lib/rate-limit/record-refusal.ts) and no log line (the caller's:
 * record-sign-in-refusal.ts for sign-ins).
 */
import { NextResponse } from 'next/server';
import { errorPage } from '@/lib/http/html-page';
import type { RequestContext } from '@/lib/http/request-context';
import { DEFAULT_LOCALE, type Locale } from '@/lib/i18n/locales';
import { translatorFor } from '@/lib/i18n/translator';
import { rateLimitHeaders, type RateLimitedError } from '@/lib/rate-limit/rate-limited-error';
import { transactionCookie } from './cookies';
import { describeSignInError } from './sign-in-error';

function wantsJson(accept: string | null | undefined): boolean {
  return !!accept && /\bapplication\/(?:[\w.+-]+\+)?json\b/i.test(accept) && !/\btext\/html\b/i.test(accept);
}

function messageOf(error: RateLimitedError, locale: Locale): string {
  const t = translatorFor(locale, 'errorPages');
  const wait = t('rateLimited.wait', { seconds: error.retryAfterSeconds });
  if (error.keyKind === 'tenant' && error.tenantName) {
    return `${t('rateLimited.tenant', { tenant: error.tenantName, limit: error.limit, window: error.windowSeconds })} ${wait}`;
  }
  if (error.keyKind === 'ip' || error.keyKind === 'tenant_ip') return `${t('rateLimited.network')} ${wait}`;
  return `${describeSignInError('rate_limited', locale).message} ${wait}`;
}

export function rateLimitedResponse(
  error: RateLimitedError,
  context: RequestContext,
): Response {
  const headers = rateLimitHeaders(error);
  let response: NextResponse;
  if (wantsJson(context.accept)) {
    response = NextResponse.json(
      { error: 'rate_limited', retryAfter: error.retryAfterSeconds, policy: error.policy, requestId: context.requestId },
      { status: 429, headers: { ...headers, 'cache-control': 'no-store' } },
    );
  } else {
    const locale = context.locale ?? DEFAULT_LOCALE;
    const t = translatorFor(locale, 'errorPages');
    const entry = describeSignInError('rate_limited', locale);
    const page = errorPage({
      status: 429,
      title: error.keyKind === 'tenant' && error.tenantName ? t('rateLimited.tenantTitle', { tenant: error.tenantName }) : entry.title,
      message: messageOf(error, locale),
      code: 'rate_limited',
      requestId: context.requestId,
      actions: [{ href: '/login', label: t('goToSignIn'), secondary: true }],
      headers,
      locale,
    });
    response = new NextResponse(page.body, { status: page.status, headers: page.headers });
  }
  response.cookies.set(transactionCookie().name, '', { ...transactionCookie(0).options, maxAge: 0 });
  return response;
}

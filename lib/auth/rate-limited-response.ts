/**
 * The answer to a sign-in refused by our own rate limits: 429 with `Retry-After`, `RateLimit-Policy` and
 * `RateLimit`; JSON `{error:'rate_limited', retryAfter, policy}` for API clients (they Accept JSON, not
 * HTML), otherwise a page that names the organization whose limit it is. Writes no audit row itself: the
 * limiter already aggregated the refusal (lib/rate-limit/record-refusal.ts).
 */
import { NextResponse } from 'next/server';
import { errorPage } from '@/lib/http/html-page';
import type { RequestContext } from '@/lib/http/request-context';
import { getLog } from '@/lib/log';
import { rateLimitHeaders, type RateLimitedError } from '@/lib/rate-limit/rate-limited-error';
import { transactionCookie } from './cookies';
import { describeSignInError } from './sign-in-error';

function wantsJson(accept: string | null | undefined): boolean {
  return !!accept && /\bapplication\/(?:[\w.+-]+\+)?json\b/i.test(accept) && !/\btext\/html\b/i.test(accept);
}

function messageOf(error: RateLimitedError): string {
  const wait = `Please try again in ${error.retryAfterSeconds} s.`;
  if (error.keyKind === 'tenant' && error.tenantName) {
    return `${error.tenantName} has reached its limit of ${error.limit} sign-ins per ${error.windowSeconds} s, set to keep the service fast for everyone. ${wait}`;
  }
  if (error.keyKind === 'ip' || error.keyKind === 'tenant_ip') return `Too many sign-in attempts came from your network in a short time. ${wait}`;
  return `${describeSignInError('rate_limited').message} ${wait}`;
}

export function rateLimitedResponse(
  error: RateLimitedError,
  context: RequestContext,
  attempt: { tenantSlug?: string },
): Response {
  getLog().warn({ policy: error.policy, tenant: attempt.tenantSlug, requestId: context.requestId }, 'sign-in rate-limited');
  const headers = rateLimitHeaders(error);
  let response: NextResponse;
  if (wantsJson(context.accept)) {
    response = NextResponse.json(
      { error: 'rate_limited', retryAfter: error.retryAfterSeconds, policy: error.policy, requestId: context.requestId },
      { status: 429, headers: { ...headers, 'cache-control': 'no-store' } },
    );
  } else {
    const entry = describeSignInError('rate_limited');
    const page = errorPage({
      status: 429,
      title: error.keyKind === 'tenant' && error.tenantName ? `${error.tenantName}: ${entry.title.toLowerCase()}` : entry.title,
      message: messageOf(error),
      code: 'rate_limited',
      requestId: context.requestId,
      actions: [{ href: '/login', label: 'Go to sign-in', secondary: true }],
      headers,
    });
    response = new NextResponse(page.body, { status: page.status, headers: page.headers });
  }
  response.cookies.set(transactionCookie().name, '', { ...transactionCookie(0).options, maxAge: 0 });
  return response;
}

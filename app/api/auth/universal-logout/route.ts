import { NextResponse } from 'next/server';
import { requestContextOf } from '@/lib/http/request-context';
import { getLog } from '@/lib/log';
import { RateLimitedError, rateLimitHeaders } from '@/lib/rate-limit/rate-limited-error';
import { handleUniversalLogout } from '@/lib/universal-logout/handle-universal-logout';
import { UniversalLogoutError } from '@/lib/universal-logout/universal-logout-error';

/**
 * Universal Logout (Okta's Global Token Revocation): Okta POSTs `{"sub_id": …}` with a signed JWT as the bearer
 * token; 204 when the user's sessions have ended. Okta reads only the status; the JSON body is for logs.
 */
export async function POST(request: Request) {
  const context = requestContextOf(request.headers);
  const noStore = { 'cache-control': 'no-store' };
  try {
    await handleUniversalLogout(request, context);
    return new Response(null, { status: 204, headers: noStore });
  } catch (error) {
    if (error instanceof UniversalLogoutError) {
      const headers: Record<string, string> = { ...noStore };
      if (error.status === 401) headers['www-authenticate'] = `Bearer error="invalid_token"`;
      return NextResponse.json({ error: error.code, error_description: error.message, requestId: context.requestId }, { status: error.status, headers });
    }
    // Structural check: a production build may bundle the limiter's classes once per route group.
    if (error instanceof RateLimitedError || (error as Error | undefined)?.name === 'RateLimitedError') {
      const limited = error as RateLimitedError;
      return NextResponse.json(
        { error: 'rate_limited', retryAfter: limited.retryAfterSeconds, policy: limited.policy, requestId: context.requestId },
        { status: 429, headers: { ...noStore, ...rateLimitHeaders(limited) } },
      );
    }
    getLog().error({ err: error, requestId: context.requestId }, 'universal logout failed');
    // Nothing was ended (the transaction rolled back): Okta may try again.
    return NextResponse.json({ error: 'temporarily_unavailable', requestId: context.requestId }, { status: 503, headers: noStore });
  }
}

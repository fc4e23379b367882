/**
 * Runs before requests without a body (pages, GET route handlers) and before any request whose path holds a
 * `%`. Two jobs:
 * 1. A path whose percent-encoding does not decode (`/t/%E0%A4%A`) is a bad request, answered 400 here — Next
 *    itself would answer 500 while decoding the dynamic segment.
 * 2. The per-request security headers of lib/http/security-headers.ts: pages get a CSP with a fresh nonce —
 *    also put on the request, where Next reads it to mark its own scripts — and route handlers their strict
 *    CSP. HSTS comes from the runtime `APP_URL` (lib/env.ts), never from the build.
 * Requests with a body are left alone (unless the path holds a `%`): Next would buffer the body for the proxy
 * before the route's own capped reader (lib/http/read-body.ts) sees it. Route handlers that render HTML set
 * their strict CSP themselves (lib/http/html-page.ts). No authorization happens here: every page, route and
 * action authorizes itself.
 */
import { NextResponse, type NextRequest } from 'next/server';
import { getEnv } from '@/lib/env';
import { REQUEST_PATH_HEADER, ROUTE_HANDLER_CSP, createNonce, hstsHeader, isRouteHandlerPath, pageCsp } from '@/lib/http/security-headers';

export function proxy(request: NextRequest) {
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(request.url).pathname);
  } catch {
    return new NextResponse('Bad request: malformed percent-encoding in the path.\n', {
      status: 400,
      headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', 'content-security-policy': ROUTE_HANDLER_CSP },
    });
  }
  const env = getEnv();
  const hsts = hstsHeader(env.APP_URL);
  if (isRouteHandlerPath(pathname)) {
    const response = NextResponse.next();
    response.headers.set('content-security-policy', ROUTE_HANDLER_CSP);
    if (hsts) response.headers.set('strict-transport-security', hsts);
    return response;
  }
  const csp = pageCsp(createNonce(), { development: env.NODE_ENV === 'development' });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('content-security-policy', csp);
  // The page's path, for app/forbidden.tsx (Next gives that page no params) to say which refusal it is; as
  // sent (percent-encoded, so always a valid header value: a decoded NUL or non-Latin-1 character is not).
  requestHeaders.set(REQUEST_PATH_HEADER, new URL(request.url).pathname.slice(0, 1024));
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('content-security-policy', csp);
  if (hsts) response.headers.set('strict-transport-security', hsts);
  return response;
}

export const config = {
  matcher: [
    {
      source: '/((?!_next/static|_next/image|favicon.ico).*)',
      missing: [
        { type: 'header', key: 'content-length' },
        { type: 'header', key: 'transfer-encoding' },
      ],
    },
    { source: '/(.*%.*)' },
  ],
};

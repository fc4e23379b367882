/**
 * Runs before every request (but static files): the per-request security headers of
 * lib/http/security-headers.ts. Pages get a CSP with a fresh nonce — also put on the request, where Next
 * reads it to mark its own scripts — and route handlers their strict CSP. HSTS comes from the runtime
 * `APP_URL` (lib/env.ts), never from the build. No authorization happens here: every page, route and action
 * authorizes itself.
 */
import { NextResponse, type NextRequest } from 'next/server';
import { getEnv } from '@/lib/env';
import { ROUTE_HANDLER_CSP, createNonce, hstsHeader, isRouteHandlerPath, pageCsp } from '@/lib/http/security-headers';

export function proxy(request: NextRequest) {
  const env = getEnv();
  const hsts = hstsHeader(env.APP_URL);
  if (isRouteHandlerPath(request.nextUrl.pathname)) {
    const response = NextResponse.next();
    response.headers.set('content-security-policy', ROUTE_HANDLER_CSP);
    if (hsts) response.headers.set('strict-transport-security', hsts);
    return response;
  }
  const csp = pageCsp(createNonce(), { development: env.NODE_ENV === 'development' });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('content-security-policy', csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('content-security-policy', csp);
  if (hsts) response.headers.set('strict-transport-security', hsts);
  return response;
}

export const config = {
  matcher: [{ source: '/((?!_next/static|_next/image|favicon.ico).*)' }],
};

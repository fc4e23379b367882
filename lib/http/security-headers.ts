/**
 * The security headers computed per request by proxy.ts (the static ones — X-Frame-Options, nosniff,
 * Referrer-Policy, Permissions-Policy — are in next.config.js). Pure: the proxy passes in the runtime
 * `APP_URL`, so a build made without it still sends HSTS once it runs behind https.
 *
 * Pages get a CSP with a fresh nonce and `'strict-dynamic'` (Next.js's documented nonce pattern: Next reads
 * the nonce from the request's CSP header and puts it on its own scripts), never `'unsafe-inline'` scripts.
 * Route handlers answer with their own, stricter CSP (lib/http/html-page.ts renders no script at all); since
 * a header set by the proxy wins over one a handler sets, the proxy gives their paths that strict policy.
 */

/** The CSP of HTML answered by route handlers (error pages, hand-offs): the one stylesheet, images (tenant logos may be https URLs), no script, no framing. */
export const ROUTE_HANDLER_CSP = "default-src 'none'; style-src 'self'; img-src 'self' https:; frame-ancestors 'none'; form-action 'self'; base-uri 'none'";

/** Set by proxy.ts on page requests: the percent-encoded path (it only picks the words of a refusal page, never a decision). */
export const REQUEST_PATH_HEADER = 'x-app-request-path';

/**
 * Paths served by route handlers (app/**\/route.ts), not pages. `lib/http/security-headers.test.ts` checks
 * that every route file is covered, so a new route handler cannot silently get the page policy.
 */
const ROUTE_HANDLER_PATHS: readonly RegExp[] = [
  /^\/api\//,
  /^\/invite\/[^/]+\/?$/,
  /^\/onboarding\/test-sign-in\/?$/,
  /^\/t\/[^/]+\/consent\/(decision|logo)\/?$/,
  /^\/t\/[^/]+\/admin\/consent\/export\/?$/,
  /^\/t\/[^/]+\/admin\/audit\/export\/?$/,
  /^\/t\/[^/]+\/admin\/connection\/test-sign-in\/?$/,
];

export const isRouteHandlerPath = (pathname: string) => ROUTE_HANDLER_PATHS.some((p) => p.test(pathname));

/** A fresh 128-bit nonce, base64. */
export function createNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
}

/** The CSP of pages: scripts only with this request's nonce (and what they load); no `'unsafe-inline'` scripts. */
export function pageCsp(nonce: string, options: { development: boolean }): string {
  return [
    "default-src 'self'",
    // 'unsafe-eval' only in development: React uses eval there to rebuild server error stacks.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.development ? " 'unsafe-eval'" : ''}`,
    // Style attributes (React `style`, Tailwind arbitrary values) cannot carry a nonce; styles run no code.
    "style-src 'self' 'unsafe-inline'",
    // Consent logos: uploaded (same origin) or an https URL chosen by the tenant admin.
    "img-src 'self' data: https:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** `Strict-Transport-Security` for a public origin served over https, else nothing. */
export function hstsHeader(appUrl: string | undefined): string | null {
  return appUrl?.startsWith('https://') ? 'max-age=63072000; includeSubDomains' : null;
}

import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROUTE_HANDLER_CSP, createNonce, hstsHeader, isRouteHandlerPath, pageCsp } from './security-headers';

/** Every app/**\/route.ts as a sample request path (dynamic segments filled in, route groups dropped). */
function routeFilePaths(dir = path.resolve(import.meta.dirname, '../../app'), prefix = ''): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      const name = entry.name;
      const segment = name.startsWith('(') ? '' : name.startsWith('[') ? '/sample' : `/${name}`;
      out.push(...routeFilePaths(path.join(dir, name), prefix + segment));
    } else if (/^route\.(ts|tsx|js)$/.test(entry.name)) {
      out.push(prefix || '/');
    }
  }
  return out;
}

describe('security headers', () => {
  it('covers every route handler of the app with the route-handler CSP', () => {
    const routes = routeFilePaths();
    expect(routes.length).toBeGreaterThanOrEqual(9);
    for (const route of routes) expect(isRouteHandlerPath(route), route).toBe(true);
  });

  it.each(['/', '/login', '/guide', '/signed-out', '/onboarding', '/t/acme', '/t/acme/admin', '/t/acme/consent', '/t/acme/consent/declined', '/invite'])(
    'gives the page %s the nonce policy', (page) => expect(isRouteHandlerPath(page)).toBe(false),
  );

  it('page CSP: a nonce and strict-dynamic for scripts, never unsafe-inline scripts; no framing', () => {
    const nonce = createNonce();
    expect(Buffer.from(nonce, 'base64')).toHaveLength(16);
    expect(createNonce()).not.toBe(nonce);
    const csp = pageCsp(nonce, { development: false });
    const script = csp.split('; ').find((d) => d.startsWith('script-src '))!;
    expect(script).toBe(`script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(pageCsp(nonce, { development: true })).toContain("'unsafe-eval'");
    expect(ROUTE_HANDLER_CSP).toMatch(/^default-src 'none';/);
    expect(ROUTE_HANDLER_CSP).not.toContain('script-src');
  });

  it.each([
    ['https://app.example.com', 'max-age=63072000; includeSubDomains'],
    ['http://localhost:3000', null],
    [undefined, null],
  ])('HSTS for APP_URL %s', (appUrl, expected) => expect(hstsHeader(appUrl)).toBe(expected));
});

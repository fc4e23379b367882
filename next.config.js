// @ts-check
/**
 * Static security headers on every answer. The per-request ones — the CSP with its nonce and HSTS from the
 * runtime APP_URL — are set by proxy.ts (lib/http/security-headers.ts): nothing here is read from the
 * environment, because this file is evaluated at build time.
 */
const securityHeaders = [
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
];

import createNextIntlPlugin from 'next-intl/plugin';

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // Lets two builds (e.g. parallel test runs) live side by side; `next start` reads the same setting.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  experimental: { authInterrupts: true },
  serverExternalPackages: [
    '@electric-sql/pglite',
    'pglite-prisma-adapter',
    '@prisma/adapter-pg',
    'pg',
    'pino',
    'undici',
    '@prisma/schema-engine-wasm',
    // Resolved once on the server: its limiters live on globalThis and are shared by every route.
    'rate-limiter-flexible',
  ],
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }];
  },
};

// next-intl: the language and catalogue of each request (no locale in URLs: public URIs are fixed, see DESIGN.md).
export default createNextIntlPlugin('./lib/i18n/request.ts')(nextConfig);

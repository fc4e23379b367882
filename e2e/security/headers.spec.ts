/**
 * Security headers are computed per request at run time (proxy.ts), on the same `next build` the other specs
 * use — made without APP_URL (`npm run test:e2e` sets none). The stack's app runs on http (no HSTS); a second
 * `next start` of that very build with an https APP_URL sends HSTS, so HSTS cannot come from the build.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { productionServer, stopServer } from '../../scripts/production-server';
import { testServerUrl } from '../../test/postgres';
import { E2E } from '../support/e2e-settings';

const nonceOf = (csp: string | undefined) => /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp ?? '')?.[1];
const scriptSrc = (csp: string | undefined) => (csp ?? '').split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src ')) ?? '';

test.describe('content security policy', () => {
  test('pages get a fresh nonce CSP without unsafe-inline scripts, every script carries the nonce, and the app still runs', async ({ page }) => {
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to (execute|load)/i.test(m.text())) violations.push(m.text());
    });
    const response = await page.goto('/login');
    const csp = response!.headers()['content-security-policy'];
    const nonce = nonceOf(csp);
    expect(nonce, csp).toBeTruthy();
    expect(scriptSrc(csp)).toContain("'strict-dynamic'");
    expect(scriptSrc(csp)).not.toContain("'unsafe-inline'");
    expect(csp).toContain("frame-ancestors 'none'");

    const scripts = await page.locator('script').evaluateAll((els) => els.map((e) => ({ nonce: (e as HTMLScriptElement).nonce, src: (e as HTMLScriptElement).src })));
    expect(scripts.length).toBeGreaterThan(0);
    for (const s of scripts) expect(s.nonce, s.src || 'inline script').toBe(nonce);
    // Next's client runtime started (it would not under a CSP that blocked its scripts).
    await page.waitForFunction(() => typeof (window as unknown as { next?: unknown }).next === 'object');
    expect(violations).toEqual([]);

    const again = await page.request.get('/login');
    const second = nonceOf(again.headers()['content-security-policy']);
    expect(second).toBeTruthy();
    expect(second).not.toBe(nonce);
  });

  test('markup injected into a page (a stored XSS) cannot run a script without the nonce', async ({ page }) => {
    // The real answer, with its real headers, plus an inline script and an inline handler in its HTML.
    await page.route('**/guide', async (route) => {
      const response = await route.fetch();
      const html = (await response.text()).replace('<body', '<body data-x="1"><script>window.__injected = true</script><img src="/x" onerror="window.__handler = true"');
      await route.fulfill({ response, body: html });
    });
    await page.goto('/guide');
    await page.waitForFunction(() => typeof (window as unknown as { next?: unknown }).next === 'object');
    const ran = await page.evaluate(() => {
      const w = window as unknown as { __injected?: boolean; __handler?: boolean };
      return { inline: w.__injected === true, handler: w.__handler === true };
    });
    expect(ran).toEqual({ inline: false, handler: false });
  });

  test('route handlers that render HTML keep their strict CSP (no script at all)', async ({ request }) => {
    const response = await request.get(`/api/auth/initiate?iss=${encodeURIComponent('https://unknown.example')}`);
    expect(response.status()).toBe(400);
    expect(response.headers()['content-type']).toContain('text/html');
    const csp = response.headers()['content-security-policy'];
    expect(csp).toMatch(/^default-src 'none';/);
    expect(csp).not.toContain('script-src');
    expect(response.headers()['x-content-type-options']).toBe('nosniff');
  });
});

test.describe('HSTS from the runtime APP_URL', () => {
  test('no HSTS on the http origin', async ({ request }) => {
    const response = await request.get('/login');
    expect(response.headers()['strict-transport-security']).toBeUndefined();
  });

  test.describe('the same build started with an https APP_URL', () => {
    const port = E2E.port + 500;
    const origin = `http://127.0.0.1:${port}`;
    let app: ChildProcess | undefined;

    test.beforeAll(async () => {
      test.setTimeout(90_000);
      const db = testServerUrl();
      db.pathname = `/${E2E.databaseName}`;
      const server = productionServer(port);
      app = spawn(server.command, server.args, {
        stdio: 'ignore',
        env: {
          ...process.env, ...server.env, NODE_ENV: 'production', APP_URL: `https://localhost:${port}`, PORT: String(port), DATABASE_URL: db.toString(),
          AUTH_SECRET: E2E.authSecret, DATA_ENCRYPTION_KEY: E2E.dataEncryptionKey, ALLOW_INSECURE_LOCAL_ISSUERS: 'true',
          DATA_DIR: mkdtempSync(path.join(tmpdir(), 'oin-e2e-hsts-')), LOG_LEVEL: 'warn', NEXT_TELEMETRY_DISABLED: '1',
        },
      });
      for (let i = 0; i < 120; i++) {
        const up = await fetch(`${origin}/login`).then((r) => r.ok, () => false);
        if (up) return;
        await new Promise((r) => setTimeout(r, 500));
      }
      throw new Error(`the second app did not start on ${origin}`);
    });
    test.afterAll(async () => {
      await stopServer(app);
    });

    const get = (request: APIRequestContext, p: string) => request.get(`${origin}${p}`, { maxRedirects: 0 });

    test('sends HSTS on pages and route handlers, with the nonce CSP still on pages', async ({ request }) => {
      for (const p of ['/login', '/guide', `/api/auth/initiate?iss=${encodeURIComponent('https://unknown.example')}`]) {
        const response = await get(request, p);
        expect(response.headers()['strict-transport-security'], p).toBe('max-age=63072000; includeSubDomains');
      }
      expect(nonceOf((await get(request, '/login')).headers()['content-security-policy'])).toBeTruthy();
    });
  });
});

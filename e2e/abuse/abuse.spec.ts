import { request as httpRequest } from 'node:http';
import { expect, test } from '@playwright/test';
import { LoginPage, TenantHomePage } from '../fixtures/app';
import { makeAdmin } from '../fixtures/consent';
import { auditSince, db } from '../fixtures/db';
import { OktaSignInPage, mintIdToken } from '../fixtures/okta';
import { E2E, issuerOf } from '../support/e2e-settings';

const ACME = issuerOf('acme');

async function tenantId(slug: string): Promise<string> {
  const { rows } = await db().query('SELECT id FROM "Tenant" WHERE slug = $1', [slug]);
  return rows[0].id as string;
}

test.describe('sign-in that no anonymous caller can abuse (production build)', () => {
  test.describe.configure({ timeout: 120_000 });

  test('a code-flow ID token seen in the logout URL is refused at the Okta Simplified POST', async ({ page, request }) => {
    await new LoginPage(page).continueWith('acme-direct');
    await new OktaSignInPage(page).signIn('bob@acme.test');
    await new TenantHomePage(page).expectSignedIn('acme-direct', { email: 'bob@acme.test' });

    const [signOut] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/auth/signout')),
      new TenantHomePage(page).signOut(),
    ]);
    const hint = new URL(signOut.headers()['location']!).searchParams.get('id_token_hint');
    expect(hint).toBeTruthy();

    const since = new Date();
    const replay = await request.post('/api/auth/callback/okta', { form: { id_token: hint! }, maxRedirects: 0, headers: { origin: ACME } });
    expect(replay.status()).toBe(401);
    expect(await replay.text()).toContain('replayed_token');
    expect((await auditSince(since, 'signin.failed'))[0]?.code).toBe('replayed_token');
  });

  test('a refused sign-in is a 429 with headers and an audit row, after the admin page created the limiter', async ({ page, request }) => {
    // The admin signs in (this takes a start point through the sign-in route's bundle) …
    await new LoginPage(page).continueWith('acme-labs');
    await new OktaSignInPage(page).signIn('alice@acme.test');
    await page.waitForURL(/\/t\/acme-labs/);
    await makeAdmin('acme-labs', 'alice@acme.test');
    const id = await tenantId('acme-labs');
    await db().query(
      `INSERT INTO "TenantRateLimit" ("tenantId", policy, "limit", "updatedAt") VALUES ($1, 'signin.start.tenant', 3, now())
       ON CONFLICT ("tenantId", policy) DO UPDATE SET "limit" = 3`,
      [id],
    );
    try {
      // … the per-instance limit caches expire (5 s), and the rate-limits page, another route group, makes the
      // limiter for the new limit first: the sign-in route then meets a limiter made by another bundle.
      await page.waitForTimeout(5_500);
      const admin = await page.goto('/t/acme-labs/admin/rate-limits');
      expect(admin?.status()).toBe(200);
      // Malformed filters on an admin page are ignored, not a 500.
      const audit = await page.goto('/t/acme-labs/admin/audit?from=2026-13-45&to=2026-02-30&page=1e400&type=%E0%A4%A');
      expect(audit?.status()).toBe(200);

      const since = new Date();
      const statuses: number[] = [];
      let refusal: Awaited<ReturnType<typeof request.get>> | undefined;
      for (let i = 0; i < 6; i++) {
        const response = await request.get('/api/auth/signin?tenant=acme-labs', { maxRedirects: 0, headers: { 'x-forwarded-for': `198.51.100.${i + 1}` } });
        statuses.push(response.status());
        if (response.status() === 429) refusal ??= response;
      }
      expect(statuses).not.toContain(500);
      expect(refusal, `statuses ${statuses.join(',')}`).toBeDefined();
      expect(Number(refusal!.headers()['retry-after'])).toBeGreaterThan(0);
      expect(refusal!.headers()['ratelimit-policy']).toBe('"signin.start.tenant";q=3;w=60');
      await expect.poll(async () => (await auditSince(since, 'ratelimit.exceeded')).some((e) => e.tenantId === id)).toBe(true);
    } finally {
      await db().query(`DELETE FROM "TenantRateLimit" WHERE "tenantId" = $1`, [id]);
    }
  });

  test('a chunked POST over 64 KB is answered 413 before the body is read', async () => {
    const url = new URL('/api/auth/callback/okta', E2E.appUrl);
    const total = 16 * 1024 * 1024;
    const result = await new Promise<{ status: number; written: number }>((resolve, reject) => {
      let written = 0;
      let answered = false;
      const req = httpRequest(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'transfer-encoding': 'chunked' } }, (res) => {
        answered = true;
        res.resume();
        resolve({ status: res.statusCode ?? 0, written });
        req.destroy();
      });
      req.on('error', (error) => (answered ? undefined : reject(error)));
      const chunk = Buffer.alloc(16 * 1024, 'a');
      const pump = () => {
        while (!answered && written < total) {
          written += chunk.length;
          if (!req.write(chunk)) return void req.once('drain', pump);
        }
        if (!answered) req.end();
      };
      pump();
    });
    expect(result.status).toBe(413);
    // The answer came long before the 16 MB were sent.
    expect(result.written).toBeLessThan(total / 2);
  });

  test('malformed input never gets a 5xx (public routes)', async ({ request }) => {
    const token = await mintIdToken('acme', { app: 'acme-direct', exp: 1e20 });
    const bigToken = `eyJhbGciOiJSUzI1NiJ9.${Buffer.from(JSON.stringify({ pad: 'x'.repeat(40_000) })).toString('base64url')}.sig`;
    const gets = [
      '/t/%E0%A4%A', '/t/%E0%A4%A/admin', '/t/acme/%E0%A4%A', '/t/%', '/t/acme/admin/audit?from=2026-13-45', '/t/%00',
      '/api/auth/initiate?iss=%E0%A4%A', '/api/auth/initiate?iss=%', `/api/auth/initiate?iss=${encodeURIComponent(ACME)}&iss=https://evil.example`,
      `/api/auth/initiate?iss=${encodeURIComponent(ACME)}&tenant=%E0%A4%A&target_link_uri=%`, '/api/auth/initiate?iss=javascript:alert(1)',
      '/api/auth/signin?tenant=%E0%A4%A', '/api/auth/signin?tenant=acme&tenant=globex', `/api/auth/signin?tenant=${'a'.repeat(6000)}`,
      '/api/auth/signin?tenant=acme&returnTo=%', '/api/auth/signin?org=%00',
      '/api/auth/callback/okta', '/api/auth/callback/okta?code=%&state=%E0%A4%A', '/api/auth/callback/okta?error=%00&error_description=%E0',
      '/api/auth/callback/okta?code=a&code=b&state=c&state=d', '/invite/%E0%A4%A', '/invite/%', '/api/tenants/%E0%A4%A/jwks',
      '/api/tenants/acme/jwks?x=%', '/login?x=%E0%A4%A', '/guide?lang=%', '/signed-out?state=%E0', '/onboarding?step=%E0%A4%A',
      '/t/acme/consent?x=%', '/t/acme/admin/consent/export?format=%E0',
    ];
    const failures: string[] = [];
    for (const path of gets) {
      const response = await request.get(path, { maxRedirects: 0 });
      if (response.status() >= 500) failures.push(`GET ${path} → ${response.status()}`);
    }
    const posts: Array<[string, Record<string, string>, string | Buffer]> = [
      ['/api/auth/callback/okta', { 'content-type': 'application/x-www-form-urlencoded', origin: ACME }, `id_token=${token}`],
      ['/api/auth/callback/okta', { 'content-type': 'application/x-www-form-urlencoded', origin: ACME }, `id_token=${bigToken}`],
      ['/api/auth/callback/okta', { 'content-type': 'application/x-www-form-urlencoded', origin: ACME }, 'id_token=%E0%A4%A&id_token=x'],
      ['/api/auth/callback/okta', { 'content-type': 'application/x-www-form-urlencoded', origin: ACME }, Buffer.from([0xff, 0xfe, 0x3d, 0x00])],
      ['/api/auth/callback/okta', { 'content-type': 'multipart/form-data; boundary=x', origin: ACME }, '--x\r\nbroken'],
      ['/api/auth/callback/okta', { 'content-type': 'application/json', origin: ACME }, '{"id_token":1}'],
      ['/api/auth/initiate', { 'content-type': 'application/x-www-form-urlencoded' }, 'iss=%E0%A4%A&login_hint=%'],
      ['/api/auth/initiate', { 'content-type': 'text/plain' }, 'iss=x'],
      ['/api/auth/signin', { 'content-type': 'application/x-www-form-urlencoded' }, `org=${'%'.repeat(100)}`],
      ['/api/auth/signin', { 'content-type': 'application/x-www-form-urlencoded' }, 'x'.repeat(70_000)],
      ['/api/auth/signout', { 'content-type': 'application/x-www-form-urlencoded', origin: E2E.appUrl }, 'x'.repeat(70_000)],
      ['/t/acme/consent/decision', { 'content-type': 'application/x-www-form-urlencoded', origin: E2E.appUrl }, 'decision=%E0&csrf=%'],
      ['/t/%E0%A4%A/consent/decision', { 'content-type': 'application/x-www-form-urlencoded', origin: E2E.appUrl }, 'decision=accept'],
      ['/invite/%E0%A4%A', { 'content-type': 'application/x-www-form-urlencoded', origin: E2E.appUrl }, ''],
      ['/onboarding/test-sign-in', { 'content-type': 'application/x-www-form-urlencoded', origin: E2E.appUrl }, 'x=%'],
    ];
    for (const [path, headers, data] of posts) {
      const response = await request.post(path, { headers, data, maxRedirects: 0 });
      if (response.status() >= 500) failures.push(`POST ${path} → ${response.status()}`);
    }
    expect(failures).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { describeSignInError } from '@/lib/auth/sign-in-error';
import stylesheet from '@/lib/generated/stylesheet.json';
import { errorPage } from './html-page';
import { ROUTE_HANDLER_CSP } from './security-headers';

const page = (extra: Partial<Parameters<typeof errorPage>[0]> = {}) =>
  errorPage({ status: 429, title: 'Too <many>', message: 'Wait "a" moment', code: 'rate_limited', requestId: 'req-12345678', ...extra });

describe('route-handler pages', () => {
  it('render the app shell: the one stylesheet, a skip link, the header, no inline style or script', async () => {
    const response = page({ actions: [{ href: '/login', label: 'Go to sign-in' }] });
    const html = await response.text();
    expect(response.status).toBe(429);
    expect(response.headers.get('content-security-policy')).toBe(ROUTE_HANDLER_CSP);
    expect(ROUTE_HANDLER_CSP).toContain("style-src 'self'");
    expect(ROUTE_HANDLER_CSP).not.toContain('unsafe-inline');
    expect(html).toContain(`<link rel="stylesheet" href="${stylesheet.href}">`);
    expect(html).toContain('<a href="#main" class="skip-link">Skip to content</a>');
    expect(html).toContain('<main id="main"');
    expect(html).not.toMatch(/<style|style=|<script/i);
    expect(html).toContain('<title>Too &#60;many&#62; · ');
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('data-testid="error-code">rate_limited</code>');
  });

  it('speak the request language and wear the tenant branding when known', async () => {
    const html = await page({ locale: 'de', branding: { slug: 'acme', displayName: 'Acme <Corp>', accent: 'teal', logoSrc: null } }).text();
    expect(html).toContain('<html lang="de">');
    expect(html).toContain('Zum Inhalt springen');
    expect(html).toContain('Fehlercode');
    expect(html).toContain('data-accent="teal"');
    expect(html).toContain('Acme &#60;Corp&#62;');
    expect(html).toContain('href="/login?org=acme"');
  });

  it('translate sign-in errors, keeping literal placeholders', () => {
    expect(describeSignInError('ambiguous_issuer').message).toContain('tenant=<your slug>');
    expect(describeSignInError('ambiguous_issuer', 'de').message).toContain('tenant=<Ihr Slug>');
    expect(describeSignInError('unknown_tenant', 'de')).toMatchObject({ status: 404, title: 'Organisation nicht gefunden', retry: true });
  });
});

/**
 * Server-rendered HTML answers of route handlers (error pages with a status code, the invitation page), in
 * the same shell as the React pages: the same header markup and Tailwind classes, the one compiled stylesheet
 * (lib/generated/stylesheet.json), a skip link, `<html lang>` in the request's language, and — when the page
 * belongs to an organization's sign-in — its accent and logo. No inline style and no script: the strict
 * ROUTE_HANDLER_CSP allows only the stylesheet and images. Everything interpolated is escaped.
 */
import { brand } from '@/lib/branding/brand';
import stylesheet from '@/lib/generated/stylesheet.json';
import { DEFAULT_LOCALE, type Locale } from '@/lib/i18n/locales';
import { translatorFor } from '@/lib/i18n/translator';
import type { TenantBranding } from '@/lib/tenants/get-tenant-branding';
import { ROUTE_HANDLER_CSP } from './security-headers';

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export type PageAction = { href: string; label: string; secondary?: boolean };

/** The language of the page and, for an organization's sign-in, its branding. */
export type PageShell = { locale?: Locale; branding?: TenantBranding | null };

/** The classes of the shell's buttons, shared with the React pages' look. */
export const BUTTON_CLASS = 'inline-block rounded-lg bg-accent px-5 py-2.5 font-medium text-on-accent hover:bg-accent-hover';
export const SECONDARY_BUTTON_CLASS = 'inline-block rounded-lg border border-control bg-surface px-5 py-2.5 font-medium text-fg hover:bg-surface-muted';

function shellHtml(title: string, body: string, shell: PageShell): string {
  const locale = shell.locale ?? DEFAULT_LOCALE;
  const t = translatorFor(locale, 'errorPages');
  const branding = shell.branding ?? null;
  const accent = branding && branding.accent !== 'brand' ? ` data-accent="${escapeHtml(branding.accent)}"` : '';
  const tenantMark = branding
    ? `<div class="flex items-center justify-center gap-3" data-testid="tenant-brand">${
        branding.logoSrc
          ? `<img src="${escapeHtml(branding.logoSrc)}" alt="" class="h-10 w-auto max-w-40 object-contain" referrerpolicy="no-referrer">`
          : ''
      }<span class="text-lg font-semibold" data-testid="tenant-brand-name">${escapeHtml(branding.displayName)}</span></div>`
    : '';
  const signIn = branding ? `/login?org=${encodeURIComponent(branding.slug)}` : '/login';
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(`${title} · ${brand.productName}`)}</title><link rel="stylesheet" href="${escapeHtml(stylesheet.href)}"></head>
<body class="min-h-screen bg-bg font-sans text-fg antialiased"><a href="#main" class="skip-link">${escapeHtml(t('skipToContent'))}</a>
<header class="border-b border-line bg-surface"><div class="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3 sm:px-6">
<a href="/" class="flex items-center gap-2 text-lg font-semibold text-accent"><img src="${escapeHtml(brand.logo)}" alt="" width="28" height="28"><span>${escapeHtml(brand.productName)}</span></a>
<a href="${escapeHtml(signIn)}" class="rounded-lg bg-accent px-3 py-1.5 text-sm font-medium text-on-accent hover:bg-accent-hover">${escapeHtml(t('signIn'))}</a>
</div></header>
<main id="main" tabindex="-1" class="mx-auto max-w-5xl px-4 py-8 sm:px-6 sm:py-10"><div class="space-y-6"${accent}>${tenantMark}
<section class="mx-auto max-w-md space-y-4 rounded-xl border border-line bg-surface p-8 shadow-sm">${body}</section></div></main></body></html>`;
}

export function htmlResponse(status: number, title: string, body: string, headers: HeadersInit = {}, shell: PageShell = {}): Response {
  const response = new Response(shellHtml(title, body, shell), { status, headers });
  response.headers.set('content-type', 'text/html; charset=utf-8');
  response.headers.set('cache-control', 'no-store');
  response.headers.set('content-security-policy', ROUTE_HANDLER_CSP);
  response.headers.set('x-frame-options', 'DENY');
  response.headers.set('referrer-policy', 'no-referrer');
  return response;
}

/** A page with a status, a calm title and message, what to do next, and the error code and request id. */
export function errorPage(input: {
  status: number;
  title: string;
  message: string;
  code: string;
  requestId: string;
  actions?: PageAction[];
  headers?: HeadersInit;
  locale?: Locale;
  branding?: TenantBranding | null;
}): Response {
  const t = translatorFor(input.locale ?? DEFAULT_LOCALE, 'errorPages');
  const actions = (input.actions ?? [])
    .map((a) => `<a class="${a.secondary ? SECONDARY_BUTTON_CLASS : BUTTON_CLASS}" href="${escapeHtml(a.href)}">${escapeHtml(a.label)}</a>`)
    .join('');
  const body = `<h1 class="text-2xl font-semibold">${escapeHtml(input.title)}</h1><p class="text-fg-muted">${escapeHtml(input.message)}</p>${
    actions ? `<div class="flex flex-wrap gap-3">${actions}</div>` : ''
  }
<p class="text-sm text-fg-muted">${escapeHtml(t('errorCode'))} <code data-testid="error-code">${escapeHtml(input.code)}</code> · ${escapeHtml(t('requestId'))} <code data-testid="request-id" class="break-all">${escapeHtml(input.requestId)}</code></p>`;
  return htmlResponse(input.status, input.title, body, input.headers, { locale: input.locale, branding: input.branding });
}

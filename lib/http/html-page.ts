/**
 * Small server-rendered HTML answers for route handlers (error pages with a status code, the auto-posting
 * hand-off page). Everything interpolated is escaped; pages carry their own strict CSP and cannot be framed.
 */
import { ROUTE_HANDLER_CSP } from './security-headers';

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const STYLE = `body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#f8fafc;color:#0f172a;margin:0}
main{max-width:34rem;margin:12vh auto;padding:2rem;background:#fff;border:1px solid #e2e8f0;border-radius:.75rem}
h1{font-size:1.35rem;margin:0 0 .75rem}p{line-height:1.55;margin:.5rem 0}.meta{color:#64748b;font-size:.85rem;margin-top:1.5rem}
a.button{display:inline-block;margin-top:1rem;margin-right:.5rem;padding:.55rem 1rem;border-radius:.5rem;background:#1d4ed8;color:#fff;text-decoration:none}
a.secondary{background:#e2e8f0;color:#0f172a}code{font-family:ui-monospace,monospace}`;

export type PageAction = { href: string; label: string; secondary?: boolean };

export function htmlResponse(status: number, title: string, body: string, headers: HeadersInit = {}): Response {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body><main>${body}</main></body></html>`;
  const response = new Response(html, { status, headers });
  response.headers.set('content-type', 'text/html; charset=utf-8');
  response.headers.set('cache-control', 'no-store');
  response.headers.set('content-security-policy', ROUTE_HANDLER_CSP);
  response.headers.set('x-frame-options', 'DENY');
  response.headers.set('referrer-policy', 'no-referrer');
  return response;
}

export function errorPage(input: {
  status: number;
  title: string;
  message: string;
  code: string;
  requestId: string;
  actions?: PageAction[];
  headers?: HeadersInit;
}): Response {
  const actions = (input.actions ?? [])
    .map((a) => `<a class="button${a.secondary ? ' secondary' : ''}" href="${escapeHtml(a.href)}">${escapeHtml(a.label)}</a>`)
    .join('');
  const body = `<h1>${escapeHtml(input.title)}</h1><p>${escapeHtml(input.message)}</p>${actions}
<p class="meta">Error code <code data-testid="error-code">${escapeHtml(input.code)}</code> · Request id <code data-testid="request-id">${escapeHtml(input.requestId)}</code></p>`;
  return htmlResponse(input.status, input.title, body, input.headers);
}

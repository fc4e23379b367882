/** Who is asking: a request id for pages, logs and audit events, plus the client's IP and user agent. */
import { randomUUID } from 'node:crypto';
import { getEnv } from '@/lib/env';

export type RequestContext = {
  requestId: string;
  ip: string | null;
  userAgent: string | null;
  /** The `Accept` header: refusals answer JSON to API clients, HTML to people. */
  accept?: string | null;
  /** The browser-sent `Origin` of a POST, for checks of where a form came from. */
  origin?: string | null;
  /** `Sec-Fetch-Site` as the browser sent it (absent from older browsers and non-browser clients). */
  fetchSite?: string | null;
};

export function requestContextOf(headers: Headers): RequestContext {
  const given = headers.get('x-request-id');
  const forwarded = clientIpOf(headers.get('x-forwarded-for'), getEnv().TRUSTED_PROXY_HOPS);
  return {
    requestId: given && /^[A-Za-z0-9._-]{8,64}$/.test(given) ? given : randomUUID(),
    ip: forwarded,
    userAgent: headers.get('user-agent'),
    accept: headers.get('accept'),
    origin: headers.get('origin'),
    fetchSite: headers.get('sec-fetch-site'),
  };
}

/**
 * The client's address from `X-Forwarded-For`: the entry `hops` from the right, i.e. the one appended by
 * the outermost proxy we trust. Entries further left are whatever the client sent, so they are never
 * used. (Without a proxy, Next sets the header to the socket's address when the client sent none.)
 */
export function clientIpOf(forwardedFor: string | null, hops: number): string | null {
  const entries = (forwardedFor ?? '').split(',').map((e) => e.trim()).filter(Boolean);
  if (entries.length === 0) return null;
  return entries[Math.max(0, entries.length - Math.max(1, hops))]!.slice(0, 64);
}

/** Who is asking: a request id for pages, logs and audit events, plus the client's IP and user agent. */
import { randomUUID } from 'node:crypto';
import ipaddr from 'ipaddr.js';
import { getEnv } from '@/lib/env';
import { LOCALE_COOKIE, negotiateLocale, type Locale } from '@/lib/i18n/locales';
import { getLog } from '@/lib/log';

export type RequestContext = {
  requestId: string;
  /** A syntactically valid IP address (normalised), or null: never a raw header value. */
  ip: string | null;
  userAgent: string | null;
  /** The `Accept` header: refusals answer JSON to API clients, HTML to people. */
  accept?: string | null;
  /** The browser-sent `Origin` of a POST, for checks of where a form came from. */
  origin?: string | null;
  /** `Sec-Fetch-Site` as the browser sent it (absent from older browsers and non-browser clients). */
  fetchSite?: string | null;
  /** The language of the pages answered to this request (the `locale` cookie, else `Accept-Language`). */
  locale?: Locale;
};

function cookieOf(headers: Headers, name: string): string | undefined {
  for (const part of (headers.get('cookie') ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

export function requestContextOf(headers: Headers): RequestContext {
  const env = getEnv();
  const given = headers.get('x-request-id');
  const forwardedFor = headers.get('x-forwarded-for');
  if (env.isProduction) warnOnceWithoutProxy(headers, forwardedFor, env.APP_URL);
  return {
    requestId: given && /^[A-Za-z0-9._-]{8,64}$/.test(given) ? given : randomUUID(),
    ip: clientIpOf(forwardedFor, env.TRUSTED_PROXY_HOPS, env.TRUSTED_PROXY_CIDRS),
    userAgent: headers.get('user-agent'),
    accept: headers.get('accept'),
    origin: headers.get('origin'),
    fetchSite: headers.get('sec-fetch-site'),
    locale: negotiateLocale({ cookie: cookieOf(headers, LOCALE_COOKIE), acceptLanguage: headers.get('accept-language') }),
  };
}

/** A syntactically valid address, normalised (IPv4-mapped IPv6 → IPv4), or null. No odd IPv4 forms, no zone ids. */
export function parseIp(value: string): string | null {
  const v = value.trim();
  if (v.length === 0 || v.length > 45 || v.includes('%')) return null;
  if (ipaddr.IPv4.isValidFourPartDecimal(v)) return ipaddr.IPv4.parse(v).toString();
  if (!v.includes(':') || !ipaddr.IPv6.isValid(v)) return null;
  return ipaddr.process(v).toString();
}

function inAny(ip: string, cidrs: readonly [string, number][]): boolean {
  const address = ipaddr.parse(ip);
  return cidrs.some(([range, bits]) => {
    const parsedRange = ipaddr.parse(range);
    return parsedRange.kind() === address.kind() && address.match(parsedRange, bits);
  });
}

/**
 * The client's address from `X-Forwarded-For`, walking from the right — entries further left are whatever
 * the client sent. The first hop is the one our outermost proxy appended; each hop may be skipped as "one of
 * our proxies" only while fewer than `hops` were looked at and (with `trustedCidrs`) its address is in one
 * of those ranges. Any entry that is not a valid IP ends the walk with null (`unknown`), so a forged value
 * never reaches the audit log, a consent record or a rate-limit key.
 */
export function clientIpOf(forwardedFor: string | null, hops: number, trustedCidrs: readonly [string, number][] = []): string | null {
  const entries = (forwardedFor ?? '').split(',').map((e) => e.trim()).filter(Boolean);
  const max = Math.max(1, hops);
  for (let i = 1; i <= Math.min(max, entries.length); i++) {
    const ip = parseIp(entries[entries.length - i]!);
    if (ip === null) return null;
    const last = i === max || i === entries.length;
    if (last || (trustedCidrs.length > 0 && !inAny(ip, trustedCidrs))) return ip;
  }
  return null;
}

let warnedNoProxy = false;

/**
 * Once per process, in production: say so when requests arrive as if no proxy were in front — then the
 * client controls `X-Forwarded-For` (Next sets it only when absent) and per-address limits are weak.
 */
function warnOnceWithoutProxy(headers: Headers, forwardedFor: string | null, appUrl: string) {
  if (warnedNoProxy) return;
  const httpsApp = appUrl.startsWith('https://');
  const entries = (forwardedFor ?? '').split(',').map((e) => e.trim()).filter(Boolean);
  const single = entries.length === 1 ? parseIp(entries[0]!) : null;
  const noProxy = httpsApp ? headers.get('x-forwarded-proto') !== 'https' : entries.length === 0 || (single !== null && ipaddr.parse(single).range() === 'loopback');
  if (!noProxy) return;
  warnedNoProxy = true;
  getLog().warn(
    'Requests arrive with no proxy in front (no X-Forwarded-For/-Proto from a proxy): the client controls X-Forwarded-For, so audit IPs and per-address limits are weak. Run behind a proxy that sets it (TRUSTED_PROXY_HOPS, TRUSTED_PROXY_CIDRS).',
  );
}

/**
 * The app's languages and how a request's language is chosen: the `locale` cookie (set by the language
 * switcher) first, then the browser's `Accept-Language`, then English. Pure: callers pass the cookie and header.
 */
import { match } from '@formatjs/intl-localematcher';

export const LOCALES = ['en', 'de'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';
export const LOCALE_COOKIE = 'locale';
/** Each language's name in itself, for the switcher. */
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', de: 'Deutsch' };

export const isLocale = (value: unknown): value is Locale => typeof value === 'string' && (LOCALES as readonly string[]).includes(value);

/** The languages of an `Accept-Language` header, best first (q=0 and malformed entries dropped). */
export function parseAcceptLanguage(header: string | null | undefined): string[] {
  if (!header) return [];
  return header
    .slice(0, 512)
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const quality = q ? Number(q.slice(2)) : 1;
      return { tag: tag.trim(), quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter(({ tag, quality }) => quality > 0 && /^([a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*|\*)$/.test(tag))
    .sort((a, b) => b.quality - a.quality || a.index - b.index)
    .map(({ tag }) => tag)
    .filter((tag) => tag !== '*');
}

export function negotiateLocale(input: { cookie?: string | null; acceptLanguage?: string | null }): Locale {
  if (isLocale(input.cookie)) return input.cookie;
  const requested = parseAcceptLanguage(input.acceptLanguage);
  if (requested.length === 0) return DEFAULT_LOCALE;
  try {
    const chosen = match(requested, LOCALES, DEFAULT_LOCALE);
    return isLocale(chosen) ? chosen : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

/** A valid IANA time zone from the `tz` cookie (written by the browser, see the app shell), else UTC. */
export const TIME_ZONE_COOKIE = 'tz';
/** The zones this runtime knows by their canonical name (and UTC): the only answers, so a cookie cannot mint new ones. */
let canonicalZones: Set<string> | undefined;
export function parseTimeZone(value: string | null | undefined): string {
  if (!value || value.length > 64) return 'UTC';
  canonicalZones ??= new Set([...Intl.supportedValuesOf('timeZone'), 'UTC']);
  if (canonicalZones.has(value)) return value;
  try {
    // An alias ("US/Pacific") names a canonical zone; an offset ("+05:30") or anything else does not.
    const resolved = new Intl.DateTimeFormat('en', { timeZone: value }).resolvedOptions().timeZone;
    return canonicalZones.has(resolved) ? resolved : 'UTC';
  } catch {
    return 'UTC';
  }
}

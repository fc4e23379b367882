/**
 * use-intl's caches (parsed ICU messages, Intl formatters) shared by every request of the same language and time
 * zone, where next-intl makes them per request and so parses every message with a value again on every page.
 * Bounded: translators use one entry per language (lib/i18n/translator.ts), holding at most one parsed message
 * per catalogue message; formatters one per (language, canonical zone) in use, holding one Intl formatter per
 * option set the app uses. The LRU keeps the 64 most recent.
 */
import { _createCache, _createIntlFormatters } from 'use-intl/core';
import { LruCache } from '@/lib/cache/lru-cache';
import type { Locale } from './locales';

type SharedIntl = { _cache: ReturnType<typeof _createCache>; _formatters: ReturnType<typeof _createIntlFormatters> };

const global = globalThis as unknown as { __sharedIntl?: LruCache<string, SharedIntl> };
const caches = (global.__sharedIntl ??= new LruCache('i18n formatters', { max: 64, ttlMs: 24 * 60 * 60 * 1000 }));

/** The caches to hand use-intl's `createTranslator` / `createFormatter` for `locale` in `timeZone`. */
export function sharedIntl(locale: Locale, timeZone: string): SharedIntl {
  const key = `${locale}\u0000${timeZone}`;
  let shared = caches.get(key);
  if (!shared) {
    const cache = _createCache();
    shared = { _cache: cache, _formatters: _createIntlFormatters(cache) };
    caches.set(key, shared);
  }
  return shared;
}

/**
 * Translations outside React (route-handler pages, emails, CLI output): the language of a request, and a
 * translator for a namespace of the catalogue. React server components use next-intl's `getTranslations`.
 */
// use-intl's core (what next-intl re-exports): no React, so CLIs and scripts can load it too.
import { createTranslator } from 'use-intl/core';
import { catalogues, type Messages } from '@/messages';
import { LOCALE_COOKIE, negotiateLocale, parseTimeZone, TIME_ZONE_COOKIE, type Locale } from './locales';

function cookieValue(request: Request, name: string): string | undefined {
  for (const part of (request.headers.get('cookie') ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

/** The language a request asks for (cookie, then `Accept-Language`, then English). */
export function localeOf(request: Request): Locale {
  return negotiateLocale({ cookie: cookieValue(request, LOCALE_COOKIE), acceptLanguage: request.headers.get('accept-language') });
}

/** The time zone a request's browser reported (the `tz` cookie), else UTC. */
export function timeZoneOf(request: Request): string {
  return parseTimeZone(cookieValue(request, TIME_ZONE_COOKIE));
}

export function translatorFor<N extends keyof Messages>(locale: Locale, namespace: N) {
  return createTranslator({ locale, messages: catalogues[locale], namespace });
}

/**
 * Translations outside React (route-handler pages, emails, CLI output): the language of a request, and a
 * translator for a namespace of the catalogue. React server components use `getTranslations` of
 * lib/i18n/server.ts, the same translator for the request's language and zone.
 */
// use-intl's core (what next-intl re-exports): no React, so CLIs and scripts can load it too.
import { createTranslator, type NamespaceKeys, type NestedKeyOf } from 'use-intl/core';
import { catalogues, type Messages } from '@/messages';
import { sharedIntl } from './shared-intl';
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

/** A namespace of the catalogue, or a section of one (`'login.errors'`). */
export type Namespace = NamespaceKeys<Messages, NestedKeyOf<Messages>>;

/**
 * A translator for `namespace` in `locale`, with the process's shared caches of that language. The caches are
 * per language only: no message formats a date itself (lib/i18n/catalogues.test.ts), so the time zone, which the
 * `tz` cookie chooses, never becomes part of what is parsed and kept.
 */
export function translatorFor<N extends Namespace>(locale: Locale, namespace: N, timeZone = 'UTC') {
  return createTranslator({ locale, timeZone, messages: catalogues[locale], namespace, ...sharedIntl(locale, 'UTC') });
}

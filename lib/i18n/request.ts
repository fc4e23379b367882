/**
 * next-intl's per-request configuration (wired in next.config.js): the language from the `locale` cookie or
 * `Accept-Language`, the whole catalogue of that language, and the person's time zone for dates.
 */
import { cookies, headers } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { catalogues } from '@/messages';
import { LOCALE_COOKIE, negotiateLocale, parseTimeZone, TIME_ZONE_COOKIE } from './locales';

export default getRequestConfig(async () => {
  const [cookieStore, headerList] = await Promise.all([cookies(), headers()]);
  const locale = negotiateLocale({ cookie: cookieStore.get(LOCALE_COOKIE)?.value, acceptLanguage: headerList.get('accept-language') });
  return { locale, messages: catalogues[locale], timeZone: parseTimeZone(cookieStore.get(TIME_ZONE_COOKIE)?.value) };
});

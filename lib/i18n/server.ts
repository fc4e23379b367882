/**
 * Translations and formatting for React server components (pages, layouts, metadata): next-intl's request
 * language and time zone (lib/i18n/request.ts), with use-intl's caches shared across requests
 * (shared-intl.ts), so a message is parsed once per process, not once per page. Use these, not next-intl's
 * `getTranslations`/`getFormatter`. One translator per namespace and request (React `cache`).
 */
import 'server-only';
import { cache } from 'react';
import { getLocale, getTimeZone } from 'next-intl/server';
import { createFormatter } from 'use-intl/core';
import type { Locale } from './locales';
import { sharedIntl } from './shared-intl';
import { translatorFor, type Namespace } from './translator';

const requestIntl = cache(async () => {
  const [locale, timeZone] = await Promise.all([getLocale() as Promise<Locale>, getTimeZone()]);
  return { locale, timeZone };
});

const translatorOf = cache(async (namespace: Namespace) => {
  const { locale, timeZone } = await requestIntl();
  return translatorFor(locale, namespace, timeZone);
});

/** The translator of `namespace` in the request's language. */
export async function getTranslations<N extends Namespace>(namespace: N): Promise<ReturnType<typeof translatorFor<N>>> {
  return (await translatorOf(namespace)) as ReturnType<typeof translatorFor<N>>;
}

/** Dates and numbers in the request's language and time zone. */
export const getFormatter = cache(async () => {
  const { locale, timeZone } = await requestIntl();
  return createFormatter({ locale, timeZone, ...sharedIntl(locale, timeZone) });
});

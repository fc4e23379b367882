/**
 * Every user-facing string, by language and namespace (one JSON file per area of the app). To add a language:
 * copy `messages/en/` to `messages/<code>/`, translate the values (keep the `{placeholders}`), import the files
 * below, and add the code to LOCALES in lib/i18n/locales.ts. Type-checking refuses a language that misses a key,
 * and lib/i18n/catalogues.test.ts refuses one whose placeholders differ from English.
 */
import type { Locale } from '@/lib/i18n/locales';
import deCommon from './de/common.json';
import deGuide from './de/guide.json';
import deOnboarding from './de/onboarding.json';
import enCommon from './en/common.json';
import enGuide from './en/guide.json';
import enOnboarding from './en/onboarding.json';

const en = {
  common: enCommon,
  guide: enGuide,
  onboarding: enOnboarding,
};

export type Messages = typeof en;

export const catalogues: Record<Locale, Messages> = {
  en,
  de: {
    common: deCommon,
    guide: deGuide,
    onboarding: deOnboarding,
  },
};

/**
 * Every user-facing string, by language and namespace (one JSON file per area of the app). To add a language:
 * copy `messages/en/` to `messages/<code>/`, translate the values (keep the `{placeholders}`), import the files
 * below, and add the code to LOCALES in lib/i18n/locales.ts. Type-checking refuses a language that misses a key,
 * and lib/i18n/catalogues.test.ts refuses one whose placeholders differ from English.
 */
import type { Locale } from '@/lib/i18n/locales';
import deBranding from './de/branding.json';
import deCommon from './de/common.json';
import deErrorPages from './de/errorPages.json';
import deGuide from './de/guide.json';
import deOnboarding from './de/onboarding.json';
import deRefusal from './de/refusal.json';
import deShell from './de/shell.json';
import deSignInErrors from './de/signInErrors.json';
import enBranding from './en/branding.json';
import enCommon from './en/common.json';
import enErrorPages from './en/errorPages.json';
import enGuide from './en/guide.json';
import enOnboarding from './en/onboarding.json';
import enRefusal from './en/refusal.json';
import enShell from './en/shell.json';
import enSignInErrors from './en/signInErrors.json';

const en = {
  branding: enBranding,
  common: enCommon,
  errorPages: enErrorPages,
  guide: enGuide,
  onboarding: enOnboarding,
  refusal: enRefusal,
  shell: enShell,
  signInErrors: enSignInErrors,
};

export type Messages = typeof en;

export const catalogues: Record<Locale, Messages> = {
  en,
  de: {
    branding: deBranding,
    common: deCommon,
    errorPages: deErrorPages,
    guide: deGuide,
    onboarding: deOnboarding,
    refusal: deRefusal,
    shell: deShell,
    signInErrors: deSignInErrors,
  },
};

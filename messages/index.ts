/**
 * Every user-facing string, by language and namespace (one JSON file per area of the app). To add a language:
 * copy `messages/en/` to `messages/<code>/`, translate the values (keep the `{placeholders}`), import the files
 * below, and add the code to LOCALES in lib/i18n/locales.ts. Type-checking refuses a language that misses a key,
 * and lib/i18n/catalogues.test.ts refuses one whose placeholders differ from English.
 */
import type { Locale } from '@/lib/i18n/locales';
import deCommon from './de/common.json';
import enCommon from './en/common.json';
import deLogin from './de/login.json';
import enLogin from './en/login.json';
import deStart from './de/start.json';
import enStart from './en/start.json';
import deSignedOut from './de/signedOut.json';
import enSignedOut from './en/signedOut.json';
import deTenantHome from './de/tenantHome.json';
import enTenantHome from './en/tenantHome.json';
import deAccount from './de/account.json';
import enAccount from './en/account.json';
import deConsent from './de/consent.json';
import enConsent from './en/consent.json';

const en = {
  common: enCommon,
  login: enLogin,
  start: enStart,
  signedOut: enSignedOut,
  tenantHome: enTenantHome,
  account: enAccount,
  consent: enConsent,
};

export type Messages = typeof en;

export const catalogues: Record<Locale, Messages> = {
  en,
  de: {
    common: deCommon,
    login: deLogin,
    start: deStart,
    signedOut: deSignedOut,
    tenantHome: deTenantHome,
    account: deAccount,
    consent: deConsent,
  },
};

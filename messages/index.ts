/**
 * Every user-facing string, by language and namespace (one JSON file per area of the app). To add a language:
 * copy `messages/en/` to `messages/<code>/`, translate the values (keep the `{placeholders}`), import the files
 * below, and add the code to LOCALES in lib/i18n/locales.ts. Type-checking refuses a language that misses a key,
 * and lib/i18n/catalogues.test.ts refuses one whose placeholders differ from English.
 */
import type { Locale } from '@/lib/i18n/locales';
import deAccount from './de/account.json';
import deBranding from './de/branding.json';
import deCommon from './de/common.json';
import deConsent from './de/consent.json';
import deErrorPages from './de/errorPages.json';
import deGuide from './de/guide.json';
import deLogin from './de/login.json';
import deOnboarding from './de/onboarding.json';
import deRefusal from './de/refusal.json';
import deShell from './de/shell.json';
import deSignInErrors from './de/signInErrors.json';
import deSignedOut from './de/signedOut.json';
import deStart from './de/start.json';
import deTenantHome from './de/tenantHome.json';
import enAccount from './en/account.json';
import enBranding from './en/branding.json';
import enCommon from './en/common.json';
import enConsent from './en/consent.json';
import enErrorPages from './en/errorPages.json';
import enGuide from './en/guide.json';
import enLogin from './en/login.json';
import enOnboarding from './en/onboarding.json';
import enRefusal from './en/refusal.json';
import enShell from './en/shell.json';
import enSignInErrors from './en/signInErrors.json';
import enSignedOut from './en/signedOut.json';
import enStart from './en/start.json';
import enTenantHome from './en/tenantHome.json';

const en = {
  account: enAccount,
  branding: enBranding,
  common: enCommon,
  consent: enConsent,
  errorPages: enErrorPages,
  guide: enGuide,
  login: enLogin,
  onboarding: enOnboarding,
  refusal: enRefusal,
  shell: enShell,
  signInErrors: enSignInErrors,
  signedOut: enSignedOut,
  start: enStart,
  tenantHome: enTenantHome,
};

export type Messages = typeof en;

export const catalogues: Record<Locale, Messages> = {
  en,
  de: {
    account: deAccount,
    branding: deBranding,
    common: deCommon,
    consent: deConsent,
    errorPages: deErrorPages,
    guide: deGuide,
    login: deLogin,
    onboarding: deOnboarding,
    refusal: deRefusal,
    shell: deShell,
    signInErrors: deSignInErrors,
    signedOut: deSignedOut,
    start: deStart,
    tenantHome: deTenantHome,
  },
};

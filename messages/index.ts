/**
 * Every user-facing string, by language and namespace (one JSON file per area of the app). To add a language:
 * copy `messages/en/` to `messages/<code>/`, translate the values (keep the `{placeholders}`), import the files
 * below, and add the code to LOCALES in lib/i18n/locales.ts. Type-checking refuses a language that misses a key,
 * and lib/i18n/catalogues.test.ts refuses one whose placeholders differ from English.
 */
import type { Locale } from '@/lib/i18n/locales';
import deAccount from './de/account.json';
import deAdmin from './de/admin.json';
import deAdminActions from './de/adminActions.json';
import deAdminAdmins from './de/adminAdmins.json';
import deAdminAudit from './de/adminAudit.json';
import deAdminConnection from './de/adminConnection.json';
import deAdminConsent from './de/adminConsent.json';
import deAdminCredentials from './de/adminCredentials.json';
import deAdminDomains from './de/adminDomains.json';
import deAdminHealth from './de/adminHealth.json';
import deAdminRateLimits from './de/adminRateLimits.json';
import deAdminUsers from './de/adminUsers.json';
import deBranding from './de/branding.json';
import deCommon from './de/common.json';
import deConfirmDialog from './de/confirmDialog.json';
import deConsent from './de/consent.json';
import deDiscovery from './de/discovery.json';
import deErrorPages from './de/errorPages.json';
import deGuide from './de/guide.json';
import deLogin from './de/login.json';
import deOnboarding from './de/onboarding.json';
import deRefusal from './de/refusal.json';
import deShell from './de/shell.json';
import deSignInErrors from './de/signInErrors.json';
import deSignedOut from './de/signedOut.json';
import deStart from './de/start.json';
import deTenantErrors from './de/tenantErrors.json';
import deTenantHome from './de/tenantHome.json';
import enAccount from './en/account.json';
import enAdmin from './en/admin.json';
import enAdminActions from './en/adminActions.json';
import enAdminAdmins from './en/adminAdmins.json';
import enAdminAudit from './en/adminAudit.json';
import enAdminConnection from './en/adminConnection.json';
import enAdminConsent from './en/adminConsent.json';
import enAdminCredentials from './en/adminCredentials.json';
import enAdminDomains from './en/adminDomains.json';
import enAdminHealth from './en/adminHealth.json';
import enAdminRateLimits from './en/adminRateLimits.json';
import enAdminUsers from './en/adminUsers.json';
import enBranding from './en/branding.json';
import enCommon from './en/common.json';
import enConfirmDialog from './en/confirmDialog.json';
import enConsent from './en/consent.json';
import enDiscovery from './en/discovery.json';
import enErrorPages from './en/errorPages.json';
import enGuide from './en/guide.json';
import enLogin from './en/login.json';
import enOnboarding from './en/onboarding.json';
import enRefusal from './en/refusal.json';
import enShell from './en/shell.json';
import enSignInErrors from './en/signInErrors.json';
import enSignedOut from './en/signedOut.json';
import enStart from './en/start.json';
import enTenantErrors from './en/tenantErrors.json';
import enTenantHome from './en/tenantHome.json';

const en = {
  account: enAccount,
  admin: enAdmin,
  adminActions: enAdminActions,
  adminAdmins: enAdminAdmins,
  adminAudit: enAdminAudit,
  adminConnection: enAdminConnection,
  adminConsent: enAdminConsent,
  adminCredentials: enAdminCredentials,
  adminDomains: enAdminDomains,
  adminHealth: enAdminHealth,
  adminRateLimits: enAdminRateLimits,
  adminUsers: enAdminUsers,
  branding: enBranding,
  common: enCommon,
  confirmDialog: enConfirmDialog,
  consent: enConsent,
  discovery: enDiscovery,
  errorPages: enErrorPages,
  guide: enGuide,
  login: enLogin,
  onboarding: enOnboarding,
  refusal: enRefusal,
  shell: enShell,
  signInErrors: enSignInErrors,
  signedOut: enSignedOut,
  start: enStart,
  tenantErrors: enTenantErrors,
  tenantHome: enTenantHome,
};

export type Messages = typeof en;

export const catalogues: Record<Locale, Messages> = {
  en,
  de: {
    account: deAccount,
    admin: deAdmin,
    adminActions: deAdminActions,
    adminAdmins: deAdminAdmins,
    adminAudit: deAdminAudit,
    adminConnection: deAdminConnection,
    adminConsent: deAdminConsent,
    adminCredentials: deAdminCredentials,
    adminDomains: deAdminDomains,
    adminHealth: deAdminHealth,
    adminRateLimits: deAdminRateLimits,
    adminUsers: deAdminUsers,
    branding: deBranding,
    common: deCommon,
    confirmDialog: deConfirmDialog,
    consent: deConsent,
    discovery: deDiscovery,
    errorPages: deErrorPages,
    guide: deGuide,
    login: deLogin,
    onboarding: deOnboarding,
    refusal: deRefusal,
    shell: deShell,
    signInErrors: deSignInErrors,
    signedOut: deSignedOut,
    start: deStart,
    tenantErrors: deTenantErrors,
    tenantHome: deTenantHome,
  },
};

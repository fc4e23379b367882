/**
 * Every user-facing string, by language and namespace (one JSON file per area of the app). To add a language:
 * copy `messages/en/` to `messages/<code>/`, translate the values (keep the `{placeholders}`), import the files
 * below, and add the code to LOCALES in lib/i18n/locales.ts. Type-checking refuses a language that misses a key,
 * and lib/i18n/catalogues.test.ts refuses one whose placeholders differ from English.
 */
import type { Locale } from '@/lib/i18n/locales';
import deCommon from './de/common.json';
import deAdminConnection from './de/adminConnection.json';
import deAdminConsent from './de/adminConsent.json';
import deAdminCredentials from './de/adminCredentials.json';
import deAdminDomains from './de/adminDomains.json';
import deAdminHealth from './de/adminHealth.json';
import deAdminRateLimits from './de/adminRateLimits.json';
import enAdminConnection from './en/adminConnection.json';
import enAdminConsent from './en/adminConsent.json';
import enAdminCredentials from './en/adminCredentials.json';
import enAdminDomains from './en/adminDomains.json';
import enAdminHealth from './en/adminHealth.json';
import enAdminRateLimits from './en/adminRateLimits.json';
import deAdminAdmins from './de/adminAdmins.json';
import enAdminAdmins from './en/adminAdmins.json';
import deAdminAudit from './de/adminAudit.json';
import enAdminAudit from './en/adminAudit.json';
import deAdmin from './de/admin.json';
import deAdminActions from './de/adminActions.json';
import deAdminUsers from './de/adminUsers.json';
import deConfirmDialog from './de/confirmDialog.json';
import enAdmin from './en/admin.json';
import enAdminActions from './en/adminActions.json';
import enAdminUsers from './en/adminUsers.json';
import enConfirmDialog from './en/confirmDialog.json';
import enCommon from './en/common.json';

const en = {
  common: enCommon,
  adminConnection: enAdminConnection,
  adminConsent: enAdminConsent,
  adminCredentials: enAdminCredentials,
  adminDomains: enAdminDomains,
  adminHealth: enAdminHealth,
  adminRateLimits: enAdminRateLimits,
  adminAdmins: enAdminAdmins,
  adminAudit: enAdminAudit,
  admin: enAdmin,
  adminActions: enAdminActions,
  adminUsers: enAdminUsers,
  confirmDialog: enConfirmDialog,
};

export type Messages = typeof en;

export const catalogues: Record<Locale, Messages> = {
  en,
  de: {
    common: deCommon,
    adminConnection: deAdminConnection,
    adminConsent: deAdminConsent,
    adminCredentials: deAdminCredentials,
    adminDomains: deAdminDomains,
    adminHealth: deAdminHealth,
    adminRateLimits: deAdminRateLimits,
    adminAdmins: deAdminAdmins,
    adminAudit: deAdminAudit,
    admin: deAdmin,
    adminActions: deAdminActions,
    adminUsers: deAdminUsers,
    confirmDialog: deConfirmDialog,
  },
};

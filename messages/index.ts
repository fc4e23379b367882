/**
 * Every user-facing string, by language and namespace (one JSON file per area of the app). To add a language:
 * copy `messages/en/` to `messages/<code>/`, translate the values (keep the `{placeholders}`), import the files
 * below, and add the code to LOCALES in lib/i18n/locales.ts. Type-checking refuses a language that misses a key,
 * and lib/i18n/catalogues.test.ts refuses one whose placeholders differ from English.
 */
import type { Locale } from '@/lib/i18n/locales';
import deCommon from './de/common.json';
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
    adminAdmins: deAdminAdmins,
    adminAudit: deAdminAudit,
    admin: deAdmin,
    adminActions: deAdminActions,
    adminUsers: deAdminUsers,
    confirmDialog: deConfirmDialog,
  },
};

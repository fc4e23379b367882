/**
 * A refusal of an admin operation that the admin can act on (shown in the form). `code` names a translated
 * message in the `adminActions.errors` catalogue (the English `message` is the fallback and the log text);
 * `field` shows it under that form field instead of above the button.
 */
export type AdminErrorCode = 'no_such_user' | 'last_admin_self' | 'last_admin' | 'cannot_deactivate_self' | 'nothing_to_change';

export class AdminError extends Error {
  override name = 'AdminError';
  readonly code?: AdminErrorCode;
  readonly field?: string;
  readonly values?: Record<string, string | number>;
  constructor(message: string, options: { code?: AdminErrorCode; field?: string; values?: Record<string, string | number> } = {}) {
    super(message);
    this.code = options.code;
    this.field = options.field;
    this.values = options.values;
  }
}

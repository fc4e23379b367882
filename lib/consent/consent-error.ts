/**
 * Refusals of the consent page's form post, each with the page a user sees. The app's own consent codes
 * (`app_consent_*`, `consent_*`) are deliberately distinct from Okta's refusals (`idp_consent_required`,
 * `idp_access_denied` in lib/auth/sign-in-error.ts).
 */
type Entry = { status: number; title: string; message: string };

const START_AGAIN = 'Please sign in again; you will be asked for your consent once more.';

const ENTRIES = {
  consent_cross_site: { status: 403, title: 'Consent refused', message: `Consent can only be given on this app's own page. ${START_AGAIN}` },
  consent_csrf_failed: { status: 403, title: 'Consent refused', message: `The consent form was not the one this app showed you. ${START_AGAIN}` },
  consent_bad_request: { status: 400, title: 'Consent form incomplete', message: `The consent form was incomplete. ${START_AGAIN}` },
  consent_request_missing: { status: 400, title: 'This consent request is no longer valid', message: `It was already answered, it expired, or it was started in another browser. ${START_AGAIN}` },
  consent_request_expired: { status: 400, title: 'This consent request expired', message: `Consent must be given within 10 minutes of signing in. ${START_AGAIN}` },
  consent_request_mismatch: { status: 403, title: 'Consent refused', message: `This consent form belongs to another sign-in. ${START_AGAIN}` },
  consent_other_tenant: { status: 403, title: 'Consent refused', message: `This consent request belongs to another organization. ${START_AGAIN}` },
  consent_version_changed: { status: 409, title: 'The consent statement changed', message: `Your organization published a new statement while you were reading. ${START_AGAIN}` },
} satisfies Record<string, Entry>;

export type ConsentErrorCode = keyof typeof ENTRIES;

export class ConsentError extends Error {
  override name = 'ConsentError';
  constructor(
    readonly code: ConsentErrorCode,
    message?: string,
  ) {
    super(message ?? code);
  }
}

export const describeConsentError = (code: ConsentErrorCode): Entry => ENTRIES[code];

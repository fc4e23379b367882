/**
 * The sign-in outcome "consent required": `establishSession` stored a pending sign-in and made no session.
 * Thrown after the transaction that stored it has committed; the sign-in routes turn it into a 303 to the
 * tenant's consent page that sets the pending cookie (lib/auth/responses.ts `redirectToConsent`).
 */
export class ConsentRequired extends Error {
  override name = 'ConsentRequired';
  constructor(
    /** The browser's random token for the pending sign-in (only its SHA-256 is stored). */
    readonly pendingToken: string,
    readonly tenantSlug: string,
    readonly expiresAt: Date,
  ) {
    super(`Consent required in tenant ${tenantSlug}`);
  }
}

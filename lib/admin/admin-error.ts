/** A refusal of an admin operation that the admin can act on (shown in the form). */
export class AdminError extends Error {
  override name = 'AdminError';
}

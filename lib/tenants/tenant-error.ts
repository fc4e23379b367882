/** Refusals of tenant registry operations, each with a message fit for one CLI line or a form error. */
export type TenantErrorCode = 'not_found' | 'slug_taken' | 'domain_taken' | 'client_taken' | 'secret_required' | 'public_domain' | 'invalid';

export class TenantError extends Error {
  override name = 'TenantError';
  constructor(
    readonly code: TenantErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** Turns a Prisma unique-constraint violation on tenant tables into a TenantError; rethrows anything else. */
export function rethrowUniqueViolation(error: unknown, values: { slug?: string; domains?: string[] }): never {
  const e = error as { code?: string; meta?: { target?: unknown; modelName?: string }; message?: string };
  if (e?.code === 'P2002') {
    // The constraint's fields (meta); the message only as a fallback, since it quotes the calling code.
    const meta = JSON.stringify(e.meta ?? {});
    const target = /fields|target/i.test(meta) ? meta : meta + String(e.message ?? '');
    if (/verifiedDomain|TenantEmailDomain|"domain"/.test(target)) throw new TenantError('domain_taken', `An email domain in ${values.domains?.join(', ')} is already verified by another tenant`);
    if (/provenIssuer|provenClientId|clientId|client_id/.test(target)) throw new TenantError('client_taken', 'Another tenant already uses this issuer and client id');
    throw new TenantError('slug_taken', `The slug "${values.slug}" is already taken`);
  }
  throw error;
}

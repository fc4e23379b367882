/**
 * Refusals of tenant registry operations. `code` is the kind of refusal (callers branch on it, sign-in maps it
 * to `tenant_<code>`); `reason` says which refusal exactly and is stable: it keys the catalogue
 * `messages/<locale>/tenantErrors.json`, which `params` fill in. `message` is the English text, for the CLI,
 * logs and tests; pages and forms show `reason` + `params` translated at the boundary (server action or page),
 * so this module stays free of next/*.
 */
import { translatorFor } from '@/lib/i18n/translator';
import type { Messages } from '@/messages';

export type TenantErrorCode = 'not_found' | 'slug_taken' | 'domain_taken' | 'client_taken' | 'secret_required' | 'public_domain' | 'invalid';
export type TenantErrorReason = keyof Messages['tenantErrors'];
export type TenantErrorParams = Record<string, string | number>;

const english = translatorFor('en', 'tenantErrors');

export class TenantError extends Error {
  override name = 'TenantError';
  constructor(
    readonly code: TenantErrorCode,
    readonly reason: TenantErrorReason,
    readonly params: TenantErrorParams = {},
  ) {
    super(english(reason, params));
  }
}

/** Turns a Prisma unique-constraint violation on tenant tables into a TenantError; rethrows anything else. */
export function rethrowUniqueViolation(error: unknown, values: { slug?: string; domains?: string[] }): never {
  const e = error as { code?: string; meta?: { target?: unknown; modelName?: string }; message?: string };
  if (e?.code === 'P2002') {
    // The constraint's fields (meta); the message only as a fallback, since it quotes the calling code.
    const meta = JSON.stringify(e.meta ?? {});
    const target = /fields|target/i.test(meta) ? meta : meta + String(e.message ?? '');
    if (/verifiedDomain|TenantEmailDomain|"domain"/.test(target)) throw new TenantError('domain_taken', 'domain_taken', { domains: values.domains?.join(', ') ?? '' });
    if (/provenIssuer|provenClientId|clientId|client_id/.test(target)) throw new TenantError('client_taken', 'client_taken');
    throw new TenantError('slug_taken', 'slug_taken', { slug: values.slug ?? '' });
  }
  throw error;
}

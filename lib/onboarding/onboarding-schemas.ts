/** Wizard form inputs, parsed with zod at the server action boundary; failures become one message per field. */
import { z } from 'zod';
import { translatorFor } from '@/lib/i18n/translator';
import type { Locale } from '@/lib/i18n/locales';
import { clientAuthMethodSchema, emailDomainSchema, slugSchema, tileLoginFlowSchema, loginInitiatedBySchema } from '@/lib/tenants/tenant-schema';

export const organizationInput = z.object({
  displayName: z.string().trim().min(1).max(64),
  slug: slugSchema,
});

/** The tile choice as one field: none | redirect | id_token. */
export const tileChoiceSchema = z.enum(['none', 'redirect', 'id_token']);
export type TileChoice = z.infer<typeof tileChoiceSchema>;
/** The tile mode the wizard preselects: Okta's "Redirect to app to initiate login (OIDC Compliant)" (see the guide). */
export const RECOMMENDED_TILE: TileChoice = 'redirect';

export const connectionInput = z
  .object({
    issuer: z.string().trim().min(1).max(1024),
    clientId: z.string().trim().min(1).max(200).regex(/^\S+$/),
    clientAuthMethod: clientAuthMethodSchema,
    clientSecret: z.string().max(1000).optional().transform((s) => (s ? s.trim() || undefined : undefined)),
    tile: tileChoiceSchema.default(RECOMMENDED_TILE),
  })
  .strict();

/** The domains textarea: domains separated by lines, spaces or commas, lower-cased, de-duplicated, at most 50. */
export const domainsInput = z.object({ domains: z.string().max(5000).default('') });
export const domainInput = z.object({ domain: emailDomainSchema });

export function tileSettings(tile: TileChoice): {
  loginInitiatedBy: z.infer<typeof loginInitiatedBySchema>;
  tileLoginFlow: z.infer<typeof tileLoginFlowSchema>;
} {
  return tile === 'none' ? { loginInitiatedBy: 'app_only', tileLoginFlow: 'redirect' } : { loginInitiatedBy: 'either', tileLoginFlow: tile };
}

export function tileChoiceOf(t: { loginInitiatedBy: string; tileLoginFlow: string }): TileChoice {
  return t.loginInitiatedBy === 'app_only' ? 'none' : t.tileLoginFlow === 'id_token' ? 'id_token' : 'redirect';
}

type FieldErrors = Record<string, string>;

/** One message per bad field (the first issue of each), in the person's language, for `fieldErrors`. */
export function fieldErrorsOf(error: z.ZodError, locale: Locale, input: Record<string, unknown> = {}): FieldErrors {
  const t = translatorFor(locale, 'onboarding');
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? '');
    if (!field || out[field]) continue;
    const small = issue.code === 'too_small';
    switch (field) {
      case 'displayName': out[field] = small ? t('errors.nameRequired') : t('errors.nameTooLong'); break;
      case 'slug':
        out[field] = issue.message === 'is reserved'
          ? t('errors.slugReserved', { slug: String(input.slug ?? '').trim().toLowerCase() })
          : t('errors.slugInvalid');
        break;
      case 'issuer': out[field] = small ? t('errors.issuerRequired') : t('errors.issuerTooLong'); break;
      case 'clientId': out[field] = small ? t('errors.clientIdRequired') : t('errors.clientIdInvalid'); break;
      case 'clientAuthMethod': out[field] = t('errors.clientAuthInvalid'); break;
      case 'tile': out[field] = t('errors.tileInvalid'); break;
      case 'clientSecret': out[field] = t('errors.secretTooLong'); break;
      case 'domain': out[field] = t('errors.domainInvalid', { domain: String(input.domain ?? '') }); break;
      default: out[field] = t('errors.unexpected', { requestId: '-' });
    }
  }
  return out;
}

/** Parses the domains textarea; a bad or public domain is named in the error. */
export function parseDomainList(raw: string): { ok: true; domains: string[] } | { ok: false; reason: 'invalid' | 'too_many'; domain?: string } {
  const domains: string[] = [];
  for (const part of raw.split(/[\s,;]+/).filter(Boolean)) {
    const parsed = emailDomainSchema.safeParse(part.replace(/^@/, ''));
    if (!parsed.success) return { ok: false, reason: 'invalid', domain: part };
    if (!domains.includes(parsed.data)) domains.push(parsed.data);
  }
  return domains.length > 50 ? { ok: false, reason: 'too_many' } : { ok: true, domains };
}

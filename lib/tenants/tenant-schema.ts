/**
 * Tenant configuration as operators and admins write it: one zod schema for the CLI (`add`, `update`,
 * `import`/`export`) and, later, the admin UI. The export format never contains a secret; an import names
 * the secret inline (`clientSecret`) or through an environment variable (`clientSecretEnv`).
 */
import { z } from 'zod';
import { translatorFor } from '@/lib/i18n/translator';
import { isOktaOrgDomain } from '@/lib/oidc/id-token-post-origin';

export const RESERVED_SLUGS = new Set([
  'admin', 'api', 'app', 'auth', 'login', 'logout', 'signin', 'signout', 'signed-out', 'callback', 'initiate',
  't', 'www', 'static', 'assets', 'public', '_next', 'onboarding', 'invite', 'guide', 'docs', 'help', 'support',
  'settings', 'account', 'okta', 'oin', 'status', 'health',
]);

export const slugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(2, 'must be at least 2 characters')
  .max(40, 'must be at most 40 characters')
  .regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/, 'may contain only a-z, 0-9 and inner hyphens')
  .refine((s) => !RESERVED_SLUGS.has(s), 'is reserved');

export const SCOPES = ['openid', 'profile', 'email', 'address', 'phone'] as const;

/** `openid` always, then the optional OIN scopes; never `offline_access`, `groups` or custom scopes. */
export const scopesSchema = z
  .array(z.enum(SCOPES, { error: 'must be one of openid, profile, email, address, phone' }))
  .transform((scopes) => SCOPES.filter((s) => s === 'openid' || scopes.includes(s)));

export const emailDomainSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?=.{3,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'is not a domain name');

export const tenantStatusSchema = z.enum(['draft', 'active', 'suspended']);
export const clientAuthMethodSchema = z.enum(['client_secret_basic', 'client_secret_post', 'private_key_jwt']);
export const loginInitiatedBySchema = z.enum(['app_only', 'either']);
export const tileLoginFlowSchema = z.enum(['redirect', 'id_token']);
/** For a custom-domain issuer: the org's Okta-hosted domain (`acme.okta.com`); empty clears it. */
export const oktaOrgDomainSchema = z.union([
  z.literal('').transform(() => null),
  z.string().trim().toLowerCase().refine(isOktaOrgDomain, 'must be an Okta-hosted domain such as acme.okta.com'),
]).nullable();

/** One tenant in the import/export JSON format (`okta-oin-saas/tenants@1`). */
export const tenantConfigSchema = z
  .object({
    slug: slugSchema,
    displayName: z.string().trim().min(1).max(64),
    status: tenantStatusSchema.default('draft'),
    issuer: z.url({ protocol: /^https?$/ }),
    clientId: z.string().trim().min(1).max(200),
    clientSecret: z.string().min(1).max(1000).optional(),
    clientSecretEnv: z.string().regex(/^[A-Z_][A-Z0-9_]*$/).optional(),
    clientAuthMethod: clientAuthMethodSchema.default('client_secret_basic'),
    scopes: scopesSchema.default(['openid', 'profile', 'email']),
    emailDomains: z.array(emailDomainSchema).max(50).default([]),
    loginInitiatedBy: loginInitiatedBySchema.default('app_only'),
    tileLoginFlow: tileLoginFlowSchema.default('redirect'),
    oktaOrgDomain: oktaOrgDomainSchema.optional(),
    requireDpop: z.boolean().default(false),
  })
  .strict();

/**
 * Whether a tenant's settings cannot hold together in Okta: DPoP excludes the Okta Simplified tile flow (its
 * text: `tenantErrors.dpop_with_simplified`).
 */
export function dpopConflict(settings: { requireDpop?: boolean; tileLoginFlow?: string }): boolean {
  return Boolean(settings.requireDpop) && settings.tileLoginFlow === 'id_token';
}

export type TenantConfig = z.output<typeof tenantConfigSchema>;

export const TENANT_EXPORT_FORMAT = 'okta-oin-saas/tenants@1';

export const tenantFileSchema = z
  .object({
    format: z.literal(TENANT_EXPORT_FORMAT),
    tenants: z.array(
      tenantConfigSchema.superRefine((t, ctx) => {
        // A file is the operator's (CLI): its issues are English.
        if (dpopConflict(t)) ctx.addIssue({ code: 'custom', path: ['requireDpop'], message: translatorFor('en', 'tenantErrors')('dpop_with_simplified') });
      }),
    ),
  })
  .strict();

export type TenantFile = z.output<typeof tenantFileSchema>;

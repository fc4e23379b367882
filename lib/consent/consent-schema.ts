/**
 * Consent policy input as admins write it (admin page, CLI): zod schemas, one per operation.
 */
import { z } from 'zod';
import { CONSENT_SCOPES, normaliseScopes } from './consent-scopes';

const checkbox = z.preprocess((v) => v === true || v === 'true' || v === 'on' || v === '1', z.boolean());

/** A support contact: an email address or an https URL. */
const supportContact = z
  .string()
  .trim()
  .max(200)
  .refine((v) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v) || /^https:\/\/\S+$/.test(v), 'must be an email address or an https:// URL');

/** A logo URL: https only (lib/consent/consent-logo.ts also refuses this app's own origin when saving). */
const logoUrl = z
  .string()
  .trim()
  .max(2000, 'must be at most 2000 characters')
  .refine((v) => /^https:\/\/[^\s/?#]+(?:[/?#]\S*)?$/.test(v), 'must be an https:// URL (or upload a PNG or JPEG instead)');

const emptyToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);

export const consentSettingsSchema = z.object({
  required: checkbox,
  supportContact: z.preprocess(emptyToNull, supportContact.nullable()),
  /** Absent (undefined): the logo stays as it is (it is set on the branding page). */
  logoUrl: z.preprocess(emptyToNull, logoUrl.nullable()).optional(),
  /** Drop the uploaded image and the URL. */
  removeLogo: checkbox.optional(),
});
/** The logo fields alone, for the branding page (lib/branding/update-tenant-branding.ts). */
export const logoFieldsSchema = consentSettingsSchema.pick({ logoUrl: true, removeLogo: true });

export type ConsentSettingsInput = z.output<typeof consentSettingsSchema>;

export const consentVersionSchema = z.object({
  title: z.string().trim().min(3, 'must be at least 3 characters').max(120, 'must be at most 120 characters'),
  bodyMarkdown: z.string().trim().min(10, 'must be at least 10 characters').max(8000, 'must be at most 8000 characters'),
  scopes: z
    .array(z.enum(CONSENT_SCOPES, { error: 'must be one of openid, profile, email, address, phone' }))
    .transform((s) => normaliseScopes(s)),
  requireReconsent: checkbox,
});
export type ConsentVersionInput = z.output<typeof consentVersionSchema>;

/** The consent page's form, as posted. */
export const consentDecisionSchema = z.object({
  pending: z.uuid(),
  version: z.uuid(),
  csrf: z.string().min(20).max(100),
  decision: z.enum(['accept', 'decline']),
});

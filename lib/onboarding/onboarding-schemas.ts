/** Wizard form inputs, parsed with zod at the server action boundary. */
import { z } from 'zod';
import { clientAuthMethodSchema, slugSchema, tileLoginFlowSchema, loginInitiatedBySchema } from '@/lib/tenants/tenant-schema';

export const organizationInput = z.object({
  displayName: z.string().trim().min(1, 'Enter your organization’s name').max(64, 'The name may have at most 64 characters'),
  slug: slugSchema,
});

/** The tile choice as one field: none | redirect | id_token. */
export const tileChoiceSchema = z.enum(['none', 'redirect', 'id_token']);

export const connectionInput = z
  .object({
    issuer: z.string().trim().min(1, 'Enter your Okta domain').max(1024),
    clientId: z.string().trim().min(1, 'Enter the client ID').max(200),
    clientAuthMethod: clientAuthMethodSchema,
    clientSecret: z.string().max(1000).optional().transform((s) => (s ? s.trim() || undefined : undefined)),
    tile: tileChoiceSchema.default('none'),
  })
  .strict();

export function tileSettings(tile: z.infer<typeof tileChoiceSchema>): {
  loginInitiatedBy: z.infer<typeof loginInitiatedBySchema>;
  tileLoginFlow: z.infer<typeof tileLoginFlowSchema>;
} {
  return tile === 'none' ? { loginInitiatedBy: 'app_only', tileLoginFlow: 'redirect' } : { loginInitiatedBy: 'either', tileLoginFlow: tile };
}

export function tileChoiceOf(t: { loginInitiatedBy: string; tileLoginFlow: string }): z.infer<typeof tileChoiceSchema> {
  return t.loginInitiatedBy === 'app_only' ? 'none' : t.tileLoginFlow === 'id_token' ? 'id_token' : 'redirect';
}

/** First zod issue as one sentence for a form. */
export function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0]!;
  const field = String(issue.path[0] ?? '');
  const label: Record<string, string> = { slug: 'The short name', displayName: 'The name', issuer: 'The Okta domain', clientId: 'The client ID' };
  return label[field] && !/^(Enter|The )/.test(issue.message) ? `${label[field]} ${issue.message}.` : issue.message;
}

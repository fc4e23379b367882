/**
 * Changes an organization's branding: its accent (one of TENANT_ACCENTS) and its logo (an uploaded PNG/JPEG
 * checked by `parseLogoImage`, or an https URL of another site, or removed; else left as it is). One
 * `tenant.branding_updated` audit event with before/after, in the same transaction.
 *
 * Who authorizes: the caller (app/t/[tenant]/admin/branding/actions.ts, through the tenant guard); this
 * operation checks again, in the transaction, that the actor is an active admin of this very tenant, so an
 * admin of another tenant can never change it.
 */
import 'server-only';
import { z } from 'zod';
import { recordAuditEvent, type AuditContext } from '@/lib/audit/record-audit-event';
import { LogoError, parseLogoUrl, type parseLogoImage } from '@/lib/consent/consent-logo';
import { logoFieldsSchema } from '@/lib/consent/consent-schema';
import { getDb } from '@/lib/db/client';
import { getEnv } from '@/lib/env';
import { forgetCachedTenants } from '@/lib/tenants/tenant-cache';
import { TENANT_ACCENTS } from './brand';

export const tenantBrandingSchema = logoFieldsSchema.extend({
  accent: z.enum(TENANT_ACCENTS, { error: `must be one of ${TENANT_ACCENTS.join(', ')}` }),
});
export type TenantBrandingInput = z.output<typeof tenantBrandingSchema>;

export type BrandingActor = AuditContext & { actor: string; actorUserId: string };

/** The actor is not an active admin of the tenant: nothing was changed. */
export class BrandingRefusedError extends Error {
  override name = 'BrandingRefusedError';
}

const logoView = (p: { logoUrl: string | null; logoContentType: string | null; logoSha256: string | null } | null) =>
  p?.logoSha256 ? `${p.logoContentType} sha256:${p.logoSha256.slice(0, 16)}` : p?.logoUrl ? p.logoUrl.slice(0, 200) : null;

export async function updateTenantBranding(
  tenantId: string,
  input: TenantBrandingInput & { logoImage?: ReturnType<typeof parseLogoImage> | null },
  actor: BrandingActor,
): Promise<void> {
  const parsed = tenantBrandingSchema.parse({ accent: input.accent, logoUrl: input.logoUrl, removeLogo: input.removeLogo });
  const url = parsed.logoUrl ? parseLogoUrl(parsed.logoUrl, getEnv().APP_URL) : null;
  const { logoImage } = input;
  const logo = logoImage
    ? { logoImage: logoImage.image, logoContentType: logoImage.contentType, logoSha256: logoImage.sha256, logoUrl: null }
    : url || parsed.removeLogo
      ? { logoImage: null, logoContentType: null, logoSha256: null, logoUrl: url }
      : null;
  await getDb().$transaction(async (tx) => {
    const admin = await tx.user.findFirst({ where: { id: actor.actorUserId, tenantId, role: 'admin', status: 'active' }, select: { id: true } });
    if (!admin) throw new BrandingRefusedError('Only an administrator of this organization can change its branding.');
    const select = { accent: true, consentPolicy: { select: { logoUrl: true, logoContentType: true, logoSha256: true } } } as const;
    const before = await tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, select });
    await tx.tenant.update({ where: { id: tenantId }, data: { accent: parsed.accent } });
    if (logo) await tx.consentPolicy.upsert({ where: { tenantId }, create: { tenantId, ...logo }, update: logo });
    const after = await tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, select });
    await recordAuditEvent(tx, {
      ...actor,
      type: 'tenant.branding_updated',
      tenantId,
      actorUserId: actor.actorUserId,
      details: {
        actor: actor.actor,
        before: { accent: before.accent, logo: logoView(before.consentPolicy) },
        after: { accent: after.accent, logo: logoView(after.consentPolicy) },
      },
    });
  });
  // Accent and logo are part of the cached tenant: take effect here now (other instances hear the trigger).
  forgetCachedTenants();
}

export { LogoError };

/**
 * Changes a tenant's consent settings (required on/off, support contact, logo). One `consent.policy_updated`
 * audit event with before/after, in the same transaction. The caller authorizes the actor.
 *
 * The logo: an uploaded image (already checked by `parseLogoImage`) replaces any URL; else a URL (https, not
 * this app: `parseLogoUrl`, throws `LogoError`) replaces any image; else `removeLogo` drops both; else an
 * uploaded image stays as it is. Without `logoUrl` (undefined) the logo is left alone.
 */
import { recordAuditEvent, type AuditContext } from '@/lib/audit/record-audit-event';
import { getDb } from '@/lib/db/client';
import { getEnv } from '@/lib/env';
import { forgetCachedTenants } from '@/lib/tenants/tenant-cache';
import type { ConsentSettingsInput } from './consent-schema';
import { parseLogoUrl, type parseLogoImage } from './consent-logo';

export type ConsentActor = AuditContext & { actor: string; actorUserId?: string | null };

type PolicyRow = { required: boolean; supportContact: string | null; logoUrl: string | null; logoContentType: string | null; logoSha256: string | null };

const view = (p: PolicyRow | null) =>
  p ? {
    required: p.required, supportContact: p.supportContact,
    logo: p.logoSha256 ? `${p.logoContentType} sha256:${p.logoSha256.slice(0, 16)}` : p.logoUrl ? p.logoUrl.slice(0, 200) : null,
  } : null;

const select = { required: true, supportContact: true, logoUrl: true, logoContentType: true, logoSha256: true } as const;

export async function updateConsentSettings(
  tenantId: string,
  input: ConsentSettingsInput & { logoImage?: ReturnType<typeof parseLogoImage> | null },
  actor: ConsentActor,
): Promise<void> {
  const { logoImage, removeLogo, logoUrl, ...rest } = input;
  const url = logoUrl ? parseLogoUrl(logoUrl, getEnv().APP_URL) : null;
  const logo = logoImage
    ? { logoImage: logoImage.image, logoContentType: logoImage.contentType, logoSha256: logoImage.sha256, logoUrl: null }
    : url || removeLogo
      ? { logoImage: null, logoContentType: null, logoSha256: null, logoUrl: url }
      : logoUrl === undefined
        ? {}
        : { logoUrl: null };
  await getDb().$transaction(async (tx) => {
    const before = await tx.consentPolicy.findUnique({ where: { tenantId }, select });
    const after = await tx.consentPolicy.upsert({ where: { tenantId }, create: { tenantId, ...rest, ...logo }, update: { ...rest, ...logo }, select });
    await recordAuditEvent(tx, {
      ...actor,
      type: 'consent.policy_updated',
      tenantId,
      actorUserId: actor.actorUserId ?? null,
      details: { actor: actor.actor, before: view(before), after: view(after) },
    });
  });
  // The flag and the logo are part of the cached tenant: take effect here now (others hear the trigger).
  forgetCachedTenants();
}

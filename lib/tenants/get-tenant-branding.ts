/**
 * How an organization's own pages look: its name, accent and logo, for the sign-in page (`/login?org=<slug>`),
 * the consent pages and the error pages of its sign-ins. Active tenants only (a draft or suspended tenant's name
 * never shows). The logo is the one its admin set (uploaded, or an https URL of another site); the accent is one
 * of the checked TENANT_ACCENTS. Public data: callers need no session.
 */
import 'server-only';
import { cache } from 'react';
import { TENANT_ACCENTS, type TenantAccent } from '@/lib/branding/brand';
import { logoSrc } from '@/lib/consent/consent-logo';
import { getDb } from '@/lib/db/client';
import { slugSchema } from './tenant-schema';

export type TenantBranding = { slug: string; displayName: string; accent: TenantAccent; logoSrc: string | null };

export const parseTenantAccent = (value: unknown): TenantAccent =>
  (TENANT_ACCENTS as readonly unknown[]).includes(value) ? (value as TenantAccent) : 'brand';

/** The branding of the active tenant `slug`, or null. Cached per request. */
export const getTenantBranding = cache(async (slug: string): Promise<TenantBranding | null> => {
  const parsed = slugSchema.safeParse(slug);
  if (!parsed.success) return null;
  const row = await getDb().tenant.findUnique({
    where: { slug: parsed.data },
    select: { slug: true, displayName: true, status: true, accent: true, consentPolicy: { select: { logoSha256: true, logoUrl: true } } },
  });
  if (!row || row.status !== 'active') return null;
  return {
    slug: row.slug,
    displayName: row.displayName,
    accent: parseTenantAccent(row.accent),
    logoSrc: logoSrc(row.slug, { sha256: row.consentPolicy?.logoSha256 ?? null, url: row.consentPolicy?.logoUrl ?? null }),
  };
});

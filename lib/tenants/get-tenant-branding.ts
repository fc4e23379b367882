/**
 * How an organization's own pages look: its name, accent and logo, for the sign-in page (`/login?org=<slug>`),
 * the consent pages and the error pages of its sign-ins. Active tenants only (a draft or suspended tenant's name
 * never shows). The logo is the one its admin set (uploaded, or an https URL of another site); the accent is one
 * of the checked TENANT_ACCENTS. Public data: callers need no session.
 */
import 'server-only';
import { cache } from 'react';
import type { TenantAccent } from '@/lib/branding/brand';
import { logoSrc } from '@/lib/consent/consent-logo';
import { slugSchema } from './tenant-schema';
import { getCachedTenantBySlug } from './tenant-cache';

export type TenantBranding = { slug: string; displayName: string; accent: TenantAccent; logoSrc: string | null };

/** The branding of the active tenant `slug`, or null. From the tenant cache (tenant-cache.ts), once per request. */
export const getTenantBranding = cache(async (slug: string): Promise<TenantBranding | null> => {
  const parsed = slugSchema.safeParse(slug);
  if (!parsed.success) return null;
  const tenant = await getCachedTenantBySlug(parsed.data);
  if (!tenant || tenant.status !== 'active') return null;
  return { slug: tenant.slug, displayName: tenant.displayName, accent: tenant.accent, logoSrc: logoSrc(tenant.slug, tenant.logo) };
});

/**
 * The tenant behind a public page (`/t/<slug>`, its consent pages): active tenants only. An unknown slug,
 * a draft and a suspended tenant all answer the same "not found" — nothing tells them apart, so a draft's
 * name and contact never show — and each such lookup counts against `signin.unknown.ip`, like an unknown
 * organization at /login; an address over that limit gets "not found" for every slug it asks about.
 */
import type { RequestContext } from '@/lib/http/request-context';
import { getLog } from '@/lib/log';
import { countUnknownLookup, gateUnknownLookups } from '@/lib/rate-limit/sign-in-gates';
import { getCachedTenantBySlug } from './tenant-cache';
import type { Tenant } from './tenant';

const isRateLimited = (error: unknown) => error instanceof Error && error.name === 'RateLimitedError';

/** The active tenant `slug`, or null (unknown, draft, suspended, or the caller keeps naming such slugs). */
export async function findPublicTenant(slug: string, context: RequestContext): Promise<Tenant | null> {
  try {
    await gateUnknownLookups(context);
  } catch (error) {
    if (isRateLimited(error)) return null;
    throw error;
  }
  const tenant = await getCachedTenantBySlug(slug);
  if (tenant?.status === 'active') return tenant;
  await countNotFound(context);
  return null;
}

/** Counts a lookup that found no active tenant (never throws: the answer is "not found" either way). */
export async function countNotFound(context: RequestContext): Promise<void> {
  await countUnknownLookup(context).catch((error: unknown) => getLog().error({ err: error }, 'could not count the unknown tenant lookup'));
}

/**
 * Why a page of tenant `slug` refused the person (for the words of app/forbidden.tsx): no session, a session of
 * another organization, or a member of this one in its admin area. Pure: the guard (tenant-guard.ts) made the
 * decision; this only names it again from the same inputs — the session and the requested path.
 */
export type RefusalReason = 'signed_out' | 'other_tenant' | 'not_admin';

export type RefusalInput = { session: { tenantSlug: string; role: 'member' | 'admin' } | null; path: string | null };

/** The tenant slug of a `/t/<slug>/…` path, or null. */
export function tenantSlugOfPath(path: string | null): string | null {
  const match = /^\/t\/([^/?#]+)/.exec(path ?? '');
  return match ? match[1]! : null;
}

/** True for `/t/<slug>/admin` and the pages under it: the only place that refuses a member of that organization. */
export function isTenantAdminPath(path: string | null): boolean {
  return /^\/t\/[^/?#]+\/admin(?:[/?#]|$)/.test(path ?? '');
}

export function refusalReason({ session, path }: RefusalInput): { reason: RefusalReason; slug: string | null } {
  const slug = tenantSlugOfPath(path);
  if (!session) return { reason: 'signed_out', slug };
  if (slug && slug !== session.tenantSlug) return { reason: 'other_tenant', slug };
  // Their own organization refused them: only its admin area does that.
  if (slug && session.role !== 'admin') return { reason: 'not_admin', slug };
  return { reason: 'other_tenant', slug };
}

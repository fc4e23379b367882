/** The consent grants one user holds in one tenant, newest first, for their account page. Caller authorizes. */
import { getDb } from '@/lib/db/client';
import { normaliseScopes, type ConsentScope } from './consent-scopes';

export type UserGrantView = {
  id: string;
  version: number;
  title: string;
  scopes: ConsentScope[];
  grantedAt: Date;
  revokedAt: Date | null;
};

export async function listUserGrants(tenantId: string, userId: string): Promise<UserGrantView[]> {
  const rows = await getDb().consentGrant.findMany({
    where: { tenantId, userId },
    orderBy: { grantedAt: 'desc' },
    include: { version: { select: { version: true, title: true } } },
  });
  return rows.map((r) => ({
    id: r.id, version: r.version.version, title: r.version.title, scopes: normaliseScopes(r.scopes), grantedAt: r.grantedAt, revokedAt: r.revokedAt,
  }));
}

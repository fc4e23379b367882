/**
 * A tenant's connection health for its admins: the last discovery/JWKS check stored in the database, this
 * instance's discovery/JWKS cache figures, and the recent sign-in failures with their codes.
 */
import { getDb } from '@/lib/db/client';
import { getIdpRuntime } from '@/lib/idp/idp-runtime';
import type { IssuerCacheStats } from '@/lib/oidc/issuer-cache';
import type { Tenant } from '@/lib/tenants/tenant';

export type ConnectionHealth = {
  lastCheckAt: Date | null;
  lastCheckCode: string | null;
  cache: IssuerCacheStats | null;
  recentFailures: { at: Date; code: string | null; flow: string | null; requestId: string | null }[];
  failuresLast24h: number;
  successesLast24h: number;
};

export async function getConnectionHealth(tenant: Tenant): Promise<ConnectionHealth> {
  const db = getDb();
  const since = new Date(Date.now() - 24 * 3600_000);
  const [failures, failuresLast24h, successesLast24h] = await Promise.all([
    db.auditEvent.findMany({ where: { tenantId: tenant.id, type: 'signin.failed' }, orderBy: { id: 'desc' }, take: 20 }),
    db.auditEvent.count({ where: { tenantId: tenant.id, type: 'signin.failed', at: { gte: since } } }),
    db.auditEvent.count({ where: { tenantId: tenant.id, type: 'signin.succeeded', at: { gte: since } } }),
  ]);
  return {
    lastCheckAt: tenant.lastDiscoveryCheckAt,
    lastCheckCode: tenant.lastDiscoveryCheckCode,
    cache: getIdpRuntime().cache.stats(tenant.issuer) ?? null,
    recentFailures: failures.map((f) => ({
      at: f.at,
      code: f.code,
      flow: typeof (f.details as { flow?: unknown })?.flow === 'string' ? ((f.details as { flow: string }).flow) : null,
      requestId: f.requestId,
    })),
    failuresLast24h,
    successesLast24h,
  };
}

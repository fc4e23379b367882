/**
 * Each tenant's own limits for the tenant-adjustable policies: read (with a short per-instance cache, as
 * every sign-in asks) and set by a tenant admin, never above the operator's ceiling. Callers authorize:
 * `setTenantRateLimit` trusts that the actor is an admin of `tenantId`.
 */
import 'server-only';
import { z } from 'zod';
import { recordAuditEvent, type AuditContext } from '@/lib/audit/record-audit-event';
import { LruCache } from '@/lib/cache/lru-cache';
import { getDb } from '@/lib/db/client';
import { getPolicy, isPolicyName, type PolicyName } from './policies';

const CACHE_MS = 5_000;
// On globalThis: a production build may bundle this module once per route group; the cache is one per process.
const holder = globalThis as unknown as { __tenantLimitCache?: LruCache<string, Map<string, number>> };
const cache = (holder.__tenantLimitCache ??= new LruCache('tenant rate limits', { max: 10_000, ttlMs: CACHE_MS }));

async function tenantLimits(tenantId: string): Promise<Map<string, number>> {
  const hit = cache.get(tenantId);
  if (hit) return hit;
  const rows = await getDb().tenantRateLimit.findMany({ where: { tenantId }, select: { policy: true, limit: true } });
  const limits = new Map(rows.map((r) => [r.policy, r.limit]));
  cache.set(tenantId, limits);
  return limits;
}

/** The limit in force for `tenantId` under `name`: the tenant's own (capped by today's ceiling) or the default. */
export async function getEffectiveLimit(name: PolicyName, tenantId: string): Promise<{ limit: number; own: number | null }> {
  const policy = getPolicy(name);
  if (!policy.tenantAdjustable) return { limit: policy.limit, own: null };
  const own = (await tenantLimits(tenantId)).get(name) ?? null;
  return { limit: own === null ? policy.limit : Math.min(own, policy.ceiling), own };
}

export class RateLimitSettingError extends Error {
  override name = 'RateLimitSettingError';
}

export const tenantLimitInput = z.object({
  policy: z.string().refine(isPolicyName, 'unknown policy'),
  /** `null` goes back to the default. */
  limit: z.number().int().min(1).nullable(),
});

/**
 * Sets (or, with `limit: null`, clears) a tenant's own limit for one tenant-adjustable policy, audited with
 * before and after. Throws `RateLimitSettingError` for a policy that is not adjustable or a limit above the
 * ceiling; nothing is written then.
 */
export async function setTenantRateLimit(
  input: { tenantId: string; policy: string; limit: number | null; actorUserId: string | null },
  context: AuditContext,
): Promise<{ before: number | null; after: number | null }> {
  const parsed = tenantLimitInput.safeParse(input);
  if (!parsed.success) throw new RateLimitSettingError(parsed.error.issues[0]?.message ?? 'invalid limit');
  const policy = getPolicy(parsed.data.policy as PolicyName);
  const { limit } = parsed.data;
  if (!policy.tenantAdjustable) throw new RateLimitSettingError(`${policy.name} is set by the operator only`);
  if (limit !== null && limit > policy.ceiling) {
    throw new RateLimitSettingError(`${policy.name} cannot be above ${policy.ceiling} (the ceiling set by the operator)`);
  }
  const result = await getDb().$transaction(async (tx) => {
    const where = { tenantId_policy: { tenantId: input.tenantId, policy: policy.name } };
    const before = (await tx.tenantRateLimit.findUnique({ where, select: { limit: true } }))?.limit ?? null;
    if (limit === null) await tx.tenantRateLimit.deleteMany({ where: { tenantId: input.tenantId, policy: policy.name } });
    else {
      await tx.tenantRateLimit.upsert({
        where,
        create: { tenantId: input.tenantId, policy: policy.name, limit, updatedBy: input.actorUserId },
        update: { limit, updatedBy: input.actorUserId },
      });
    }
    await recordAuditEvent(tx, {
      ...context,
      type: 'ratelimit.changed',
      tenantId: input.tenantId,
      actorUserId: input.actorUserId,
      details: { policy: policy.name, before, after: limit, default: policy.limit, ceiling: policy.ceiling },
    });
    return { before, after: limit };
  });
  cache.delete(input.tenantId);
  return result;
}

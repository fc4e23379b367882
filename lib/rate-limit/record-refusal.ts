/**
 * Audit trail of refusals without a row per refused request: the first refusal of a (policy, tenant, key)
 * in a minute writes one `ratelimit.exceeded` event; later refusals in that minute only count in memory,
 * and the count is written into the event's `details.refused` at most every {@link FLUSH_MS}. Each app
 * instance aggregates its own refusals, so a flood spread over N instances writes at most N rows a minute.
 */
import type { Prisma } from '@/lib/generated/prisma/client';
import { getDb } from '@/lib/db/client';
import type { RequestContext } from '@/lib/http/request-context';
import { getLog } from '@/lib/log';
import type { RateLimitPolicy } from './policies';

const FLUSH_MS = 5_000;
const MAX_BUCKETS = 10_000;

type Bucket = { minute: number; refused: number; written: number; event: Promise<bigint | null>; timer?: NodeJS.Timeout };
const buckets = new Map<string, Bucket>();

export type Refusal = { policy: RateLimitPolicy; key: string; tenantId: string | null; limit: number };

/** Records one refusal (never throws: the refusal itself matters more than its audit row). */
export function recordRefusal(refusal: Refusal, context: RequestContext): Promise<void> {
  const minute = Math.floor(Date.now() / 60_000);
  const id = `${refusal.policy.name}|${refusal.tenantId ?? ''}|${refusal.key}`;
  let bucket = buckets.get(id);
  if (bucket && bucket.minute !== minute) {
    void flush(bucket);
    buckets.delete(id);
    bucket = undefined;
  }
  if (!bucket) {
    if (buckets.size >= MAX_BUCKETS) for (const [key, old] of buckets) if (old.minute !== minute) buckets.delete(key);
    bucket = { minute, refused: 1, written: 1, event: writeEvent(refusal, minute, context) };
    buckets.set(id, bucket);
    return bucket.event.then(() => undefined);
  }
  bucket.refused += 1;
  const pending = bucket;
  pending.timer ??= setTimeout(() => void flush(pending), FLUSH_MS).unref();
  return Promise.resolve();
}

async function writeEvent(refusal: Refusal, minute: number, context: RequestContext): Promise<bigint | null> {
  const { policy } = refusal;
  try {
    const row = await getDb().auditEvent.create({
      data: {
        type: 'ratelimit.exceeded',
        tenantId: refusal.tenantId,
        code: policy.name,
        requestId: context.requestId,
        ip: context.ip?.slice(0, 64) ?? null,
        userAgent: context.userAgent?.slice(0, 512) ?? null,
        details: {
          policy: policy.name, keyKind: policy.keyKind, key: refusal.key, limit: refusal.limit,
          windowSeconds: policy.windowSeconds, minute: new Date(minute * 60_000).toISOString(), refused: 1,
        },
      },
      select: { id: true },
    });
    return row.id;
  } catch (error) {
    getLog().error({ err: error, policy: policy.name }, 'could not write the rate-limit audit event');
    return null;
  }
}

function flush(bucket: Bucket): Promise<void> {
  clearTimeout(bucket.timer);
  bucket.timer = undefined;
  if (bucket.refused === bucket.written) return Promise.resolve();
  const refused = bucket.refused;
  bucket.written = refused;
  return bucket.event.then(async (id) => {
    if (id === null) return;
    try {
      const row = await getDb().auditEvent.findUnique({ where: { id }, select: { details: true } });
      const details = { ...(row?.details as Prisma.JsonObject | undefined), refused };
      await getDb().auditEvent.update({ where: { id }, data: { details } });
    } catch (error) {
      getLog().error({ err: error }, 'could not update the rate-limit audit event');
    }
  });
}

/** Writes pending counts now (tests, shutdown). */
export async function flushRefusals(): Promise<void> {
  await Promise.all([...buckets.values()].map(async (b) => {
    await b.event;
    await flush(b);
  }));
}

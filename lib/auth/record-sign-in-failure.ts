/**
 * The audit trail of failed sign-ins, without a row per request for the failures anyone can produce at will
 * (forged or replayed tokens, malformed or cross-site posts, unknown organizations…): per (tenant, reason,
 * minute) the first {@link INDIVIDUAL_ROWS} failures get their own `signin.failed` row (what an admin needs
 * to diagnose a real person's problem), and every later one only counts into one aggregate row
 * (`details.aggregated: true`, `details.count`, written at most every {@link FLUSH_MS}). So a flood of 300
 * forged tokens writes 6 rows, not 300. Failures that need a real round trip through the tenant's Okta
 * (Okta's refusals, a deactivated user, configuration faults) are always written one by one. Per instance,
 * like the rate-limit refusals (lib/rate-limit/record-refusal.ts).
 */
import { recordAuditEvent, redact } from '@/lib/audit/record-audit-event';
import { getDb } from '@/lib/db/client';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { RequestContext } from '@/lib/http/request-context';
import { getLog } from '@/lib/log';
import type { SignInErrorCode } from './sign-in-error';

export const INDIVIDUAL_ROWS = 5;
const FLUSH_MS = 5_000;
const MAX_BUCKETS = 10_000;

/** Shown codes an anonymous caller can cause without getting through Okta. */
const AGGREGATED: ReadonlySet<SignInErrorCode> = new Set<SignInErrorCode>([
  'verification_failed', 'replayed_token', 'bad_request', 'payload_too_large', 'cross_site_post', 'unknown_issuer',
  'unknown_tenant', 'ambiguous_issuer', 'transaction_missing', 'transaction_invalid', 'state_mismatch', 'malformed_callback',
  'okta_initiated_disabled', 'id_token_post_disabled',
]);

type Bucket = { minute: number; seen: number; counted: number; written: number; row?: Promise<bigint | null>; timer?: NodeJS.Timeout };
const buckets = new Map<string, Bucket>();

export type SignInFailureEvent = {
  tenantId: string | null;
  /** The precise protocol code (the audit row's `code`). */
  detail: string;
  shownCode: SignInErrorCode;
  details: Record<string, unknown>;
};

/** Writes (or counts) one failed sign-in. Never throws: the refusal matters more than its audit row. */
export async function recordSignInFailure(raw: SignInFailureEvent, context: RequestContext): Promise<void> {
  // PostgreSQL refuses U+0000 in text and JSON: what an attacker typed must not cost the audit row.
  const event = { ...raw, details: withoutNul(raw.details) };
  try {
    if (!AGGREGATED.has(event.shownCode)) return await writeRow(event, context);
    const minute = Math.floor(Date.now() / 60_000);
    const id = `${event.tenantId ?? ''}|${event.detail}`;
    let bucket = buckets.get(id);
    if (bucket && bucket.minute !== minute) {
      void flush(bucket);
      buckets.delete(id);
      bucket = undefined;
    }
    if (!bucket) {
      if (buckets.size >= MAX_BUCKETS) for (const [key, old] of buckets) if (old.minute !== minute) buckets.delete(key);
      bucket = { minute, seen: 0, counted: 0, written: 0 };
      buckets.set(id, bucket);
    }
    bucket.seen += 1;
    if (bucket.seen <= INDIVIDUAL_ROWS) return await writeRow(event, context);
    bucket.counted += 1;
    if (!bucket.row) {
      bucket.written = 1;
      bucket.row = writeAggregate(event, minute, context);
      await bucket.row;
      return;
    }
    const pending = bucket;
    pending.timer ??= setTimeout(() => void flush(pending), FLUSH_MS).unref();
  } catch (error) {
    getLog().error({ err: error, requestId: context.requestId }, 'could not write the sign-in audit event');
  }
}

function withoutNul(details: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(JSON.stringify(details).replace(/\\u0000/g, '\\ufffd')) as Record<string, unknown>;
}

function writeRow(event: SignInFailureEvent, context: RequestContext): Promise<void> {
  return recordAuditEvent(getDb(), { ...context, type: 'signin.failed', tenantId: event.tenantId, code: event.detail, details: event.details });
}

async function writeAggregate(event: SignInFailureEvent, minute: number, context: RequestContext): Promise<bigint | null> {
  try {
    const row = await getDb().auditEvent.create({
      data: {
        type: 'signin.failed', tenantId: event.tenantId, code: event.detail, requestId: context.requestId,
        ip: context.ip?.slice(0, 64) ?? null, userAgent: context.userAgent?.slice(0, 512) ?? null,
        details: redact({ ...event.details, aggregated: true, minute: new Date(minute * 60_000).toISOString(), count: 1 }) as Prisma.InputJsonValue,
      },
      select: { id: true },
    });
    return row.id;
  } catch (error) {
    getLog().error({ err: error }, 'could not write the aggregated sign-in audit event');
    return null;
  }
}

function flush(bucket: Bucket): Promise<void> {
  clearTimeout(bucket.timer);
  bucket.timer = undefined;
  if (!bucket.row || bucket.counted === bucket.written) return Promise.resolve();
  const count = bucket.counted;
  bucket.written = count;
  return bucket.row.then(async (id) => {
    if (id === null) return;
    try {
      const row = await getDb().auditEvent.findUnique({ where: { id }, select: { details: true } });
      await getDb().auditEvent.update({ where: { id }, data: { details: { ...(row?.details as Prisma.JsonObject | undefined), count } } });
    } catch (error) {
      getLog().error({ err: error }, 'could not update the aggregated sign-in audit event');
    }
  });
}

/** Writes pending counts now (tests, shutdown). */
export async function flushSignInFailures(): Promise<void> {
  await Promise.all([...buckets.values()].map(flush));
}

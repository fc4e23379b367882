/**
 * Appends one audit event. Takes the Prisma client or a transaction client, so an event can be written in
 * the same transaction as the change it records. Values under secret-looking keys are redacted.
 */
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';
import type { AuditEventType } from './audit-event-types';

export type AuditContext = { requestId?: string; ip?: string | null; userAgent?: string | null };

export type AuditEventInput = AuditContext & {
  type: AuditEventType;
  tenantId?: string | null;
  actorUserId?: string | null;
  code?: string | null;
  details?: Record<string, unknown>;
};

type Db = PrismaClient | Prisma.TransactionClient;

const SECRET_KEY = /secret|password|private|token|cipher|code_verifier/i;

export async function recordAuditEvent(db: Db, event: AuditEventInput): Promise<void> {
  await db.auditEvent.create({
    data: {
      type: event.type,
      tenantId: event.tenantId ?? null,
      actorUserId: event.actorUserId ?? null,
      code: event.code ?? null,
      requestId: event.requestId ?? null,
      ip: event.ip?.slice(0, 64) ?? null,
      userAgent: event.userAgent?.slice(0, 512) ?? null,
      details: redact(event.details ?? {}) as Prisma.InputJsonValue,
    },
  });
}

/** Deep copy with secret-looking keys replaced; exported for tests and for before/after diffs. */
export function redact(value: unknown, depth = 0): unknown {
  if (depth > 6) return '[depth]';
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, SECRET_KEY.test(k) ? (v == null ? v : '[redacted]') : redact(v, depth + 1)]),
    );
  }
  if (typeof value === 'string') return value.slice(0, 1000);
  return value;
}

/**
 * A tenant's audit log for its admins: filter by type and date, newest first, paged. Scoped to one tenant:
 * the events and the actors named in them (a user id of another tenant, should one ever be recorded, shows
 * as nobody rather than as that person).
 */
import { z } from 'zod';
import { AUDIT_EVENT_TYPES } from '@/lib/audit/audit-event-types';
import { getDb } from '@/lib/db/client';

export const AUDIT_PAGE_SIZE = 25;

/** A real calendar day (2026-13-45 is not one: ignored, like any other malformed filter). */
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s)).optional().catch(undefined);

export const auditQuerySchema = z.object({
  type: z.enum(AUDIT_EVENT_TYPES).optional().catch(undefined),
  from: day,
  to: day,
  page: z.coerce.number().int().min(1).max(10_000).default(1).catch(1),
});

export type AuditQuery = z.output<typeof auditQuerySchema>;

export type AuditEntry = {
  id: string;
  at: Date;
  type: string;
  code: string | null;
  actor: string | null;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
  details: Record<string, unknown>;
};

export async function queryAuditEvents(tenantId: string, query: AuditQuery): Promise<{ entries: AuditEntry[]; hasMore: boolean }> {
  const at: { gte?: Date; lt?: Date } = {};
  if (query.from) at.gte = new Date(`${query.from}T00:00:00Z`);
  if (query.to) at.lt = new Date(new Date(`${query.to}T00:00:00Z`).getTime() + 24 * 3600_000);
  const rows = await getDb().auditEvent.findMany({
    where: { tenantId, ...(query.type ? { type: query.type } : {}), ...(query.from || query.to ? { at } : {}) },
    orderBy: { id: 'desc' },
    skip: (query.page - 1) * AUDIT_PAGE_SIZE,
    take: AUDIT_PAGE_SIZE + 1,
  });
  const actorIds = [...new Set(rows.map((r) => r.actorUserId).filter((x): x is string => Boolean(x)))];
  const actors = new Map(
    (await getDb().user.findMany({ where: { id: { in: actorIds }, tenantId }, select: { id: true, email: true, sub: true } })).map((u) => [u.id, u.email ?? u.sub]),
  );
  const entries = rows.slice(0, AUDIT_PAGE_SIZE).map((r) => {
    const details = (r.details ?? {}) as Record<string, unknown>;
    return {
      id: r.id.toString(),
      at: r.at,
      type: r.type,
      code: r.code,
      actor: (r.actorUserId && actors.get(r.actorUserId)) || (typeof details.actor === 'string' ? details.actor : null),
      ip: r.ip,
      userAgent: r.userAgent,
      requestId: r.requestId,
      details,
    };
  });
  return { entries, hasMore: rows.length > AUDIT_PAGE_SIZE };
}

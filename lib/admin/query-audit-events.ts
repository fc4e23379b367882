/**
 * A tenant's audit log for its admins: filter by type, actor and date, newest first, paged. Scoped to one
 * tenant: the events and the actors named in them (a user id of another tenant, should one ever be recorded,
 * shows as nobody rather than as that person). The CSV export (export-audit-events.ts) uses the same filter.
 */
import { z } from 'zod';
import { AUDIT_EVENT_TYPES } from '@/lib/audit/audit-event-types';
import { getDb } from '@/lib/db/client';
import type { Prisma } from '@/lib/generated/prisma/client';

export const AUDIT_PAGE_SIZE = 25;

/** A real calendar day (2026-13-45 is not one: ignored, like any other malformed filter). */
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s)).optional().catch(undefined);

export const auditQuerySchema = z.object({
  type: z.enum(AUDIT_EVENT_TYPES).optional().catch(undefined),
  /** Part of the actor's email, name or subject, or of the recorded actor label (`user:…`, `operator`, …). */
  actor: z.string().trim().max(200).optional().catch(undefined).transform((s) => s || undefined),
  from: day,
  to: day,
  page: z.coerce.number().int().min(1).max(10_000).default(1).catch(1),
});

export type AuditQuery = z.output<typeof auditQuerySchema>;
export type AuditFilter = Partial<Omit<AuditQuery, 'page'>>;

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

type Db = ReturnType<typeof getDb>;

/** The Prisma filter of a tenant's events matching `filter` (days are UTC days, `to` inclusive). */
export async function auditWhere(db: Db, tenantId: string, filter: AuditFilter): Promise<Prisma.AuditEventWhereInput> {
  const at: { gte?: Date; lt?: Date } = {};
  if (filter.from) at.gte = new Date(`${filter.from}T00:00:00Z`);
  if (filter.to) at.lt = new Date(new Date(`${filter.to}T00:00:00Z`).getTime() + 24 * 3600_000);
  const where: Prisma.AuditEventWhereInput = {
    tenantId,
    ...(filter.type ? { type: filter.type } : {}),
    ...(filter.from || filter.to ? { at } : {}),
  };
  if (!filter.actor) return where;
  const contains = { contains: filter.actor, mode: 'insensitive' as const };
  const actors = await db.user.findMany({
    where: { tenantId, OR: [{ email: contains }, { name: contains }, { sub: contains }] },
    select: { id: true },
    take: 1000,
  });
  return {
    ...where,
    OR: [
      { actorUserId: { in: actors.map((a) => a.id) } },
      { actorUserId: null, details: { path: ['actor'], string_contains: filter.actor } },
    ],
  };
}

/** Rows as admins see them: the actor resolved to an email (within the tenant) or the recorded label. */
export async function toAuditEntries(db: Db, tenantId: string, rows: Awaited<ReturnType<Db['auditEvent']['findMany']>>): Promise<AuditEntry[]> {
  const actorIds = [...new Set(rows.map((r) => r.actorUserId).filter((x): x is string => Boolean(x)))];
  const actors = new Map(
    (await db.user.findMany({ where: { id: { in: actorIds }, tenantId }, select: { id: true, email: true, sub: true } })).map((u) => [u.id, u.email ?? u.sub]),
  );
  return rows.map((r) => {
    const details = (r.details && typeof r.details === 'object' && !Array.isArray(r.details) ? r.details : {}) as Record<string, unknown>;
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
}

export async function queryAuditEvents(tenantId: string, query: AuditQuery): Promise<{ entries: AuditEntry[]; hasMore: boolean }> {
  const db = getDb();
  const rows = await db.auditEvent.findMany({
    where: await auditWhere(db, tenantId, query),
    orderBy: { id: 'desc' },
    skip: (query.page - 1) * AUDIT_PAGE_SIZE,
    take: AUDIT_PAGE_SIZE + 1,
  });
  const entries = await toAuditEntries(db, tenantId, rows.slice(0, AUDIT_PAGE_SIZE));
  return { entries, hasMore: rows.length > AUDIT_PAGE_SIZE };
}

/**
 * The filtered view of a tenant's audit log as CSV (newest first, at most AUDIT_EXPORT_MAX rows), for its
 * admins. Cells a spreadsheet would run as a formula are prefixed with a quote (CSV injection), as in the
 * consent export. Callers authorize; `eventName` gives each event code its readable name in the admin's language.
 */
import { stringify } from 'csv-stringify/sync';
import { getDb } from '@/lib/db/client';
import { auditDetailsText } from './format-audit-details';
import { auditWhere, toAuditEntries, type AuditFilter } from './query-audit-events';

export const AUDIT_EXPORT_MAX = 10_000;

export const csvCell = (v: unknown): string => {
  const s = v == null ? '' : String(v);
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
};

export async function exportAuditEvents(
  tenantId: string,
  filter: AuditFilter,
  eventName: (type: string) => string,
): Promise<{ csv: string; rows: number }> {
  const db = getDb();
  const rows = await db.auditEvent.findMany({ where: await auditWhere(db, tenantId, filter), orderBy: { id: 'desc' }, take: AUDIT_EXPORT_MAX });
  const entries = await toAuditEntries(db, tenantId, rows);
  const columns = ['at', 'event', 'type', 'code', 'actor', 'ip', 'userAgent', 'requestId', 'details'];
  const csv = stringify(
    entries.map((e) => [e.at.toISOString(), eventName(e.type), e.type, e.code, e.actor, e.ip, e.userAgent, e.requestId, auditDetailsText(e.details)].map(csvCell)),
    { header: true, columns },
  );
  return { csv, rows: entries.length };
}

import { NextResponse, type NextRequest } from 'next/server';
import { exportAuditEvents, AUDIT_EXPORT_MAX } from '@/lib/admin/export-audit-events';
import { auditQuerySchema } from '@/lib/admin/query-audit-events';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { authorizeTenant } from '@/lib/auth/tenant-guard';
import { getDb } from '@/lib/db/client';
import { errorPage } from '@/lib/http/html-page';
import { localeOf, translatorFor } from '@/lib/i18n/translator';
import { eventName } from '../event-name';

type Params = { params: Promise<{ tenant: string }> };

/**
 * GET ?type=&actor=&from=&to=: the audit log's filtered view as CSV (every matching event, newest first, at
 * most AUDIT_EXPORT_MAX), event names in the admin's language. Tenant admins only; the export is audited.
 */
export async function GET(request: NextRequest, { params }: Params) {
  const { tenant: slug } = await params;
  const t = translatorFor(localeOf(request), 'adminAudit');
  const auth = await authorizeTenant(slug, 'admin', 'export audit log');
  if (!auth.ok) {
    const status = auth.status;
    const title = status === 401 ? t('signInTitle') : status === 404 ? t('notFoundTitle') : t('notAllowedTitle');
    return errorPage({ status, title, message: t('exportRefused'), code: auth.code, requestId: auth.context.requestId });
  }
  const filter = auditQuerySchema.omit({ page: true }).parse(Object.fromEntries(request.nextUrl.searchParams));
  const { csv, rows } = await exportAuditEvents(auth.tenant.id, filter, (type) => eventName(t, type));
  await recordAuditEvent(getDb(), {
    ...auth.context, type: 'audit.exported', tenantId: auth.tenant.id, actorUserId: auth.session.user.id,
    details: { filter, rows, capped: rows >= AUDIT_EXPORT_MAX },
  });
  const stamp = new Date().toISOString().slice(0, 10);
  return new NextResponse(csv, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="audit-${auth.tenant.slug}-${stamp}.csv"`,
      'cache-control': 'no-store',
    },
  });
}

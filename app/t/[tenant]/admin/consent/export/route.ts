import { NextResponse, type NextRequest } from 'next/server';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { authorizeTenant } from '@/lib/auth/tenant-guard';
import { exportConsentGrants } from '@/lib/consent/export-consent-grants';
import { getDb } from '@/lib/db/client';
import { errorPage } from '@/lib/http/html-page';

type Params = { params: Promise<{ tenant: string }> };

/** GET ?format=csv|json: every consent grant and decline of the tenant, as audit evidence. Tenant admins only. */
export async function GET(request: NextRequest, { params }: Params) {
  const { tenant: slug } = await params;
  const auth = await authorizeTenant(slug, 'admin', 'export consent grants');
  if (!auth.ok) {
    const status = auth.status;
    return errorPage({ status, title: status === 401 ? 'Please sign in' : status === 404 ? 'Not found' : 'Not allowed', message: 'Only an administrator of this organization can export consent records.', code: auth.code, requestId: auth.context.requestId });
  }
  const format = request.nextUrl.searchParams.get('format') ?? 'csv';
  if (format !== 'csv' && format !== 'json') {
    return errorPage({ status: 400, title: 'Unknown format', message: 'Use format=csv or format=json.', code: 'bad_request', requestId: auth.context.requestId });
  }
  const body = await exportConsentGrants(auth.tenant, format);
  await recordAuditEvent(getDb(), { ...auth.context, type: 'consent.exported', tenantId: auth.tenant.id, actorUserId: auth.session.user.id, details: { format } });
  const stamp = new Date().toISOString().slice(0, 10);
  return new NextResponse(body, {
    headers: {
      'content-type': format === 'json' ? 'application/json; charset=utf-8' : 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="consent-${auth.tenant.slug}-${stamp}.${format}"`,
      'cache-control': 'no-store',
    },
  });
}

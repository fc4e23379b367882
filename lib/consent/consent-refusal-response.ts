/**
 * The answer to a refused consent post: a `consent.refused` audit event with the code, a clear page with
 * the code and request id, and the pending cookie cleared. Nothing else is written: no grant, no session.
 */
import { NextResponse } from 'next/server';
import { consentCookie } from '@/lib/auth/cookies';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { getDb } from '@/lib/db/client';
import { errorPage } from '@/lib/http/html-page';
import type { RequestContext } from '@/lib/http/request-context';
import { DEFAULT_LOCALE } from '@/lib/i18n/locales';
import { translatorFor } from '@/lib/i18n/translator';
import { getTenantBranding } from '@/lib/tenants/get-tenant-branding';
import { getLog } from '@/lib/log';
import { describeConsentError, type ConsentError } from './consent-error';

export async function consentRefusalResponse(
  error: ConsentError,
  context: RequestContext,
  attempt: { tenantId?: string; sub?: string; slug: string },
): Promise<Response> {
  const entry = describeConsentError(error.code);
  getLog().warn({ code: error.code, reason: error.message, tenant: attempt.slug, requestId: context.requestId }, 'consent post refused');
  try {
    await recordAuditEvent(getDb(), {
      ...context, type: 'consent.refused', code: error.code, tenantId: attempt.tenantId ?? null, details: { sub: attempt.sub, reason: error.message },
    });
  } catch (auditError) {
    getLog().error({ err: auditError, requestId: context.requestId }, 'could not write the consent audit event');
  }
  const locale = context.locale ?? DEFAULT_LOCALE;
  const t = translatorFor(locale, 'errorPages');
  const branding = await getTenantBranding(attempt.slug).catch(() => null);
  const page = errorPage({
    status: entry.status,
    title: t(`consent.codes.${error.code}.title`),
    message: `${t(`consent.codes.${error.code}.message`)} ${t('consent.startAgain')}`,
    code: error.code,
    requestId: context.requestId,
    actions: [{ href: `/api/auth/signin?tenant=${encodeURIComponent(attempt.slug)}`, label: t('consent.signInAgain') }],
    locale,
    branding,
  });
  const response = new NextResponse(page.body, { status: page.status, headers: page.headers });
  response.cookies.set(consentCookie().name, '', { ...consentCookie(0).options, maxAge: 0 });
  return response;
}

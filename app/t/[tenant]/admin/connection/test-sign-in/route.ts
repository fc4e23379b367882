import type { NextRequest } from 'next/server';
import { redirectToIdp } from '@/lib/auth/responses';
import { signInFailureResponse } from '@/lib/auth/sign-in-failure';
import { startSignIn } from '@/lib/auth/start-sign-in';
import { authorizeTenant } from '@/lib/auth/tenant-guard';
import { getEnv } from '@/lib/env';
import { errorPage } from '@/lib/http/html-page';
import { isSameOriginRequest } from '@/lib/http/same-origin';
import { localeOf, translatorFor } from '@/lib/i18n/translator';

type Params = { params: Promise<{ tenant: string }> };

/**
 * POST from the admin connection page: a test sign-in through the tenant's pending connection (flow
 * `connection_test`). Tenant admins only, same-origin only. Success brings the admin back to the connection
 * page with the pending connection now live and proven; the admin's session is untouched.
 */
export async function POST(request: NextRequest, { params }: Params) {
  const { tenant: slug } = await params;
  const locale = localeOf(request);
  const t = translatorFor(locale, 'adminConnection');
  const auth = await authorizeTenant(slug, 'admin', 'test pending connection');
  if (!auth.ok) {
    const status = auth.status;
    const title = t(status === 401 ? 'testSignIn.signInTitle' : status === 404 ? 'testSignIn.notFoundTitle' : 'testSignIn.notAllowedTitle');
    return errorPage({ status, title, message: t('testSignIn.adminsOnly'), code: auth.code, requestId: auth.context.requestId, locale });
  }
  const { tenant, session, context } = auth;
  if (!isSameOriginRequest(request.headers, getEnv().APP_URL)) {
    return errorPage({ status: 403, title: t('testSignIn.refusedTitle'), message: t('testSignIn.fromConnectionPage'), code: 'cross_site_request', requestId: context.requestId, locale });
  }
  const pending = tenant.pendingConnection;
  if (!pending) {
    return errorPage({
      status: 409, title: t('testSignIn.nothingTitle'), message: t('testSignIn.nothingPending'), code: 'no_pending_connection', requestId: context.requestId, locale,
      actions: [{ href: `/t/${tenant.slug}/admin/connection`, label: t('testSignIn.backToConnection') }],
    });
  }
  const attempt = { tenantId: tenant.id, tenantSlug: tenant.slug, flow: 'connection_test' };
  try {
    const { authorizeUrl, sealedTransaction } = await startSignIn({
      tenant,
      flow: 'connection_test',
      connectionTest: { issuer: pending.issuer, clientId: pending.clientId, actorUserId: session.user.id },
      returnTo: `/t/${tenant.slug}/admin/connection`,
      context,
    });
    return redirectToIdp(authorizeUrl, sealedTransaction);
  } catch (error) {
    return signInFailureResponse(error, context, attempt);
  }
}

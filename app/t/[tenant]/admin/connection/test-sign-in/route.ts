import type { NextRequest } from 'next/server';
import { redirectToIdp } from '@/lib/auth/responses';
import { signInFailureResponse } from '@/lib/auth/sign-in-failure';
import { startSignIn } from '@/lib/auth/start-sign-in';
import { authorizeTenant } from '@/lib/auth/tenant-guard';
import { getEnv } from '@/lib/env';
import { errorPage } from '@/lib/http/html-page';
import { isSameOriginRequest } from '@/lib/http/same-origin';

type Params = { params: Promise<{ tenant: string }> };

/**
 * POST from the admin connection page: a test sign-in through the tenant's pending connection (flow
 * `connection_test`). Tenant admins only, same-origin only. Success brings the admin back to the connection
 * page with the pending connection now live and proven; the admin's session is untouched.
 */
export async function POST(request: NextRequest, { params }: Params) {
  const { tenant: slug } = await params;
  const auth = await authorizeTenant(slug, 'admin', 'test pending connection');
  if (!auth.ok) {
    const status = auth.status;
    return errorPage({ status, title: status === 401 ? 'Please sign in' : status === 404 ? 'Not found' : 'Not allowed', message: 'Only an administrator of this organization can test its connection.', code: auth.code, requestId: auth.context.requestId });
  }
  const { tenant, session, context } = auth;
  if (!isSameOriginRequest(request.headers, getEnv().APP_URL)) {
    return errorPage({ status: 403, title: 'Request refused', message: 'The test sign-in must be started from the connection page.', code: 'cross_site_request', requestId: context.requestId });
  }
  const pending = tenant.pendingConnection;
  if (!pending) {
    return errorPage({ status: 409, title: 'Nothing to test', message: 'There is no pending connection: change the issuer or client ID first.', code: 'no_pending_connection', requestId: context.requestId, actions: [{ href: `/t/${tenant.slug}/admin/connection`, label: 'Back to the connection settings' }] });
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

import type { NextRequest } from 'next/server';
import { redirectToIdp } from '@/lib/auth/responses';
import { signInFailureResponse } from '@/lib/auth/sign-in-failure';
import { startSignIn } from '@/lib/auth/start-sign-in';
import { getEnv } from '@/lib/env';
import { errorPage } from '@/lib/http/html-page';
import { discardBodyCapped, isBodyTooLargeError, payloadTooLargeResponse } from '@/lib/http/read-body';
import { requestContextOf } from '@/lib/http/request-context';
import { isSameOriginRequest } from '@/lib/http/same-origin';
import { currentOnboarding } from '@/lib/onboarding/onboarding-cookie';

/**
 * The wizard's test sign-in (step 5): a POST from the wizard starts the code flow for the draft tenant with
 * flow `onboarding_test`, bound to this browser's invitation. The callback is the normal one.
 */
export async function POST(request: NextRequest) {
  const context = requestContextOf(request.headers);
  if (!isSameOriginRequest(request.headers, getEnv().APP_URL)) {
    return errorPage({ status: 403, title: 'Request refused', message: 'The test sign-in must be started from the setup wizard.', code: 'cross_site_request', requestId: context.requestId });
  }
  const tooLarge = await discardBodyCapped(request).then(() => null, (error: unknown) => {
    if (isBodyTooLargeError(error)) return payloadTooLargeResponse(context.requestId, context.locale);
    throw error;
  });
  if (tooLarge) return tooLarge;
  const current = await currentOnboarding();
  const tenant = current.ok ? current.onboarding.tenant : null;
  if (!current.ok || !tenant || (current.onboarding.frontier !== 'test' && current.onboarding.frontier !== 'activate')) {
    return errorPage({ status: 409, title: 'Not ready for a test sign-in', message: 'Connect and check your Okta first, in the setup wizard.', code: 'onboarding_not_ready', requestId: context.requestId, actions: [{ href: '/onboarding', label: 'Back to the setup' }] });
  }
  const attempt = { tenantId: tenant.id, tenantSlug: tenant.slug, flow: 'onboarding_test' };
  try {
    const { authorizeUrl, sealedTransaction } = await startSignIn({
      tenant,
      flow: 'onboarding_test',
      invitationId: current.onboarding.invitationId,
      returnTo: '/onboarding?step=test',
      context,
    });
    return redirectToIdp(authorizeUrl, sealedTransaction);
  } catch (error) {
    return signInFailureResponse(error, context, attempt);
  }
}

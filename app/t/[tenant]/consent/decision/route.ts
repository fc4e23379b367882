import { NextResponse, type NextRequest } from 'next/server';
import { consentCookie } from '@/lib/auth/cookies';
import { readForm } from '@/lib/auth/read-form';
import { redirectWithSession } from '@/lib/auth/responses';
import { signInFailureResponse } from '@/lib/auth/sign-in-failure';
import { acceptConsent } from '@/lib/consent/accept-consent';
import { ConsentError } from '@/lib/consent/consent-error';
import { consentRefusalResponse } from '@/lib/consent/consent-refusal-response';
import { declineConsent } from '@/lib/consent/decline-consent';
import { openConsentPost, type ConsentPost } from '@/lib/consent/open-consent-post';
import { getEnv } from '@/lib/env';
import { isBodyTooLargeError, payloadTooLargeResponse } from '@/lib/http/read-body';
import { requestContextOf } from '@/lib/http/request-context';

type Params = { params: Promise<{ tenant: string }> };

/**
 * The consent page's form. Accept → grant and session in one transaction (through `establishSession`), then
 * the original destination. Decline → no session, an audit event, the page that says what happens now.
 * Forged, replayed, expired, cross-site or other-tenant posts → a clear 4xx page and no grant.
 */
export async function POST(request: NextRequest, { params }: Params) {
  const { tenant: slug } = await params;
  const context = requestContextOf(request.headers);
  const attempt: { tenantId?: string; sub?: string } = {};
  let post: ConsentPost;
  try {
    const form = await readForm(request).catch((error: unknown) => {
      if (isBodyTooLargeError(error)) throw error;
      throw new ConsentError('consent_bad_request', 'Unreadable form');
    });
    post = await openConsentPost({ slug, headers: request.headers, form, cookieToken: request.cookies.get(consentCookie().name)?.value, attempt });
    if (post.decision === 'decline') {
      await declineConsent(post, context);
      const response = NextResponse.redirect(new URL(`/t/${post.tenant.slug}/consent/declined`, getEnv().APP_URL), 303);
      response.cookies.set(consentCookie().name, '', { ...consentCookie(0).options, maxAge: 0 });
      response.headers.set('cache-control', 'no-store');
      return response;
    }
    return redirectWithSession(await acceptConsent(post, context));
  } catch (error) {
    if (isBodyTooLargeError(error)) return payloadTooLargeResponse(context.requestId, context.locale);
    if (error instanceof ConsentError) return consentRefusalResponse(error, context, { ...attempt, slug });
    return signInFailureResponse(error, context, { tenantId: attempt.tenantId, tenantSlug: slug, flow: 'consent' });
  }
}

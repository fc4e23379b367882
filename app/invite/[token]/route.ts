import { NextResponse, type NextRequest } from 'next/server';
import { getEnv } from '@/lib/env';
import { errorPage, escapeHtml, htmlResponse } from '@/lib/http/html-page';
import { discardBodyCapped, isBodyTooLargeError, payloadTooLargeResponse } from '@/lib/http/read-body';
import { requestContextOf, type RequestContext } from '@/lib/http/request-context';
import { rateLimitedResponse } from '@/lib/auth/rate-limited-response';
import { enforceRateLimit } from '@/lib/rate-limit/consume';
import { RateLimitedError } from '@/lib/rate-limit/rate-limited-error';
import { isSameOriginRequest } from '@/lib/http/same-origin';
import { claimInvitation, lookUpInvitation } from '@/lib/invitations/claim-invitation';
import { INVITATION_REFUSALS, type InvitationRefusal } from '@/lib/invitations/invitation-status';
import { currentOnboarding, setOnboardingCookie } from '@/lib/onboarding/onboarding-cookie';
import { brand } from '@/lib/branding/brand';

/**
 * The invitation link. GET only looks (mail scanners may open links): a usable link shows a "Start" button,
 * any other gets a clear page with the reason. POST (that button, same origin only) uses the link up and
 * gives this browser the onboarding cookie.
 */
type Params = { params: Promise<{ token: string }> };

const STATUS: Record<InvitationRefusal, number> = { unknown: 404, used: 409, completed: 410, revoked: 410, expired: 410 };

export async function GET(request: NextRequest, { params }: Params) {
  const { token } = await params;
  const context = requestContextOf(request.headers);
  const limited = await invitationAttemptsExceeded(context);
  if (limited) return limited;
  const lookup = await lookUpInvitation(token);
  if (!lookup.ok) {
    // The browser that claimed this link may come back to it: resume its wizard.
    const mine = await currentOnboarding();
    if (mine.ok && mine.onboarding.invitationId === lookup.id) return NextResponse.redirect(new URL('/onboarding', getEnv().APP_URL), 303);
    return refusal(lookup.reason, context.requestId);
  }
  const body = `<h1>Connect your organization to ${escapeHtml(brand.productName)}</h1>
<p>This invitation lets you connect your organization's Okta to ${escapeHtml(brand.productName)}. The setup takes about ten minutes and needs an Okta administrator account.</p>
<p>The link works once: it continues in this browser. It expires on ${escapeHtml(lookup.expiresAt.toUTCString())}.</p>
<form method="post"><button type="submit" style="margin-top:1rem;padding:.55rem 1rem;border:0;border-radius:.5rem;background:#1d4ed8;color:#fff;font-size:1rem;cursor:pointer">Start the setup</button></form>
<p class="meta">How it works: <a href="/guide">configuration guide</a></p>`;
  return htmlResponse(200, 'Invitation', body);
}

export async function POST(request: NextRequest, { params }: Params) {
  const { token } = await params;
  const context = requestContextOf(request.headers);
  if (!isSameOriginRequest(request.headers, getEnv().APP_URL)) {
    return errorPage({ status: 403, title: 'Request refused', message: 'The setup must be started from the invitation page.', code: 'cross_site_request', requestId: context.requestId });
  }
  const limited = await invitationAttemptsExceeded(context);
  if (limited) return limited;
  const tooLarge = await discardBodyCapped(request).then(() => null, (error: unknown) => {
    if (isBodyTooLargeError(error)) return payloadTooLargeResponse(context.requestId);
    throw error;
  });
  if (tooLarge) return tooLarge;
  const claimed = await claimInvitation(token, context);
  if (!claimed.ok) return refusal(claimed.reason, context.requestId);
  await setOnboardingCookie(claimed.claimToken, claimed.expiresAt);
  const response = NextResponse.redirect(new URL('/onboarding', getEnv().APP_URL), 303);
  response.headers.set('cache-control', 'no-store');
  return response;
}

/** Invitation links are guessable only by brute force: `invitation.ip` caps attempts per client address. */
async function invitationAttemptsExceeded(context: RequestContext): Promise<Response | null> {
  try {
    await enforceRateLimit('invitation.ip', { ip: context.ip }, context);
    return null;
  } catch (error) {
    if (error instanceof RateLimitedError) return rateLimitedResponse(error, context, {});
    throw error;
  }
}

function refusal(reason: InvitationRefusal, requestId: string) {
  const { title, message } = INVITATION_REFUSALS[reason];
  return errorPage({ status: STATUS[reason], title, message, code: `invitation_${reason}`, requestId, actions: [{ href: '/guide', label: 'Read the configuration guide', secondary: true }] });
}

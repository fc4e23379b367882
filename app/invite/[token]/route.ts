import { NextResponse, type NextRequest } from 'next/server';
import { getEnv } from '@/lib/env';
import { BUTTON_CLASS, errorPage, escapeHtml, htmlResponse } from '@/lib/http/html-page';
import { discardBodyCapped, isBodyTooLargeError, payloadTooLargeResponse } from '@/lib/http/read-body';
import { requestContextOf, type RequestContext } from '@/lib/http/request-context';
import { rateLimitedResponse } from '@/lib/auth/rate-limited-response';
import { enforceRateLimit } from '@/lib/rate-limit/consume';
import { RateLimitedError } from '@/lib/rate-limit/rate-limited-error';
import { isSameOriginRequest } from '@/lib/http/same-origin';
import { getLog } from '@/lib/log';
import { claimInvitation, lookUpInvitation } from '@/lib/invitations/claim-invitation';
import type { InvitationRefusal } from '@/lib/invitations/invitation-status';
import { DEFAULT_LOCALE } from '@/lib/i18n/locales';
import { timeZoneOf, translatorFor } from '@/lib/i18n/translator';
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
    return refusal(lookup.reason, context);
  }
  const locale = context.locale ?? DEFAULT_LOCALE;
  const t = translatorFor(locale, 'errorPages');
  const expires = t('invite.once', {
    expires: new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: timeZoneOf(request) }).format(lookup.expiresAt),
  });
  const body = `<h1 class="text-2xl font-semibold">${escapeHtml(t('invite.heading', { product: brand.productName }))}</h1>
<p class="text-fg-muted">${escapeHtml(t('invite.intro', { product: brand.productName }))}</p>
<p class="text-fg-muted">${escapeHtml(expires)}</p>
<form method="post"><button type="submit" class="${BUTTON_CLASS}">${escapeHtml(t('invite.start'))}</button></form>
<p class="text-sm text-fg-muted">${escapeHtml(t('invite.howItWorks'))} <a class="text-accent underline" href="/guide">${escapeHtml(t('invite.guide'))}</a></p>`;
  return htmlResponse(200, t('invite.pageTitle'), body, {}, { locale });
}

export async function POST(request: NextRequest, { params }: Params) {
  const { token } = await params;
  const context = requestContextOf(request.headers);
  if (!isSameOriginRequest(request.headers, getEnv().APP_URL)) {
    const t = translatorFor(context.locale ?? DEFAULT_LOCALE, 'errorPages');
    return errorPage({ status: 403, title: t('invite.crossSiteTitle'), message: t('invite.crossSite'), code: 'cross_site_request', requestId: context.requestId, locale: context.locale });
  }
  const limited = await invitationAttemptsExceeded(context);
  if (limited) return limited;
  const tooLarge = await discardBodyCapped(request).then(() => null, (error: unknown) => {
    if (isBodyTooLargeError(error)) return payloadTooLargeResponse(context.requestId, context.locale);
    throw error;
  });
  if (tooLarge) return tooLarge;
  const claimed = await claimInvitation(token, context);
  if (!claimed.ok) return refusal(claimed.reason, context);
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
    if (!(error instanceof RateLimitedError)) throw error;
    getLog().warn({ policy: error.policy, requestId: context.requestId }, 'invitation rate-limited');
    return rateLimitedResponse(error, context);
  }
}

function refusal(reason: InvitationRefusal, context: RequestContext) {
  const t = translatorFor(context.locale ?? DEFAULT_LOCALE, 'errorPages');
  return errorPage({
    status: STATUS[reason],
    title: t(`invite.refusals.${reason}.title`),
    message: t(`invite.refusals.${reason}.message`),
    code: `invitation_${reason}`,
    requestId: context.requestId,
    actions: [{ href: '/guide', label: t('invite.readGuide'), secondary: true }],
    locale: context.locale,
  });
}

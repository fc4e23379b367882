import { NextResponse, type NextRequest } from 'next/server';
import { sessionCookie } from '@/lib/auth/cookies';
import { signOut } from '@/lib/auth/sign-out';
import { getEnv } from '@/lib/env';
import { errorPage } from '@/lib/http/html-page';
import { discardBodyCapped, isBodyTooLargeError, payloadTooLargeResponse } from '@/lib/http/read-body';
import { requestContextOf } from '@/lib/http/request-context';
import { DEFAULT_LOCALE } from '@/lib/i18n/locales';
import { translatorFor } from '@/lib/i18n/translator';
import { isSameOriginRequest } from '@/lib/http/same-origin';

/** POST (a form on the app's pages): ends the app session, then signs out at the IdP. */
export async function POST(request: NextRequest) {
  const context = requestContextOf(request.headers);
  if (!isSameOriginRequest(request.headers, getEnv().APP_URL)) {
    const t = translatorFor(context.locale ?? DEFAULT_LOCALE, 'errorPages');
    return errorPage({
      status: 403,
      title: t('signOut.title'),
      message: t('signOut.message'),
      code: 'cross_site_request',
      requestId: context.requestId,
      actions: [{ href: '/', label: t('backToApp') }],
      locale: context.locale,
    });
  }
  try {
    await discardBodyCapped(request);
  } catch (error) {
    if (isBodyTooLargeError(error)) return payloadTooLargeResponse(context.requestId, context.locale);
    throw error;
  }
  const cookie = sessionCookie();
  const location = await signOut(request.cookies.get(cookie.name)?.value, context);
  const response = NextResponse.redirect(location, 303);
  response.cookies.set(cookie.name, '', { ...cookie.options, maxAge: 0 });
  response.headers.set('cache-control', 'no-store');
  return response;
}

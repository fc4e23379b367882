/** Redirect answers of the sign-in routes, with the cookies they set or clear. */
import { NextResponse } from 'next/server';
import { getEnv } from '@/lib/env';
import type { ConsentRequired } from '@/lib/consent/consent-required';
import { consentCookie, sessionCookie, transactionCookie } from './cookies';
import type { EstablishedSession } from './establish-session';

/** 303 to the IdP's authorize endpoint, with the sealed transaction cookie. */
export function redirectToIdp(authorizeUrl: string, sealedTransaction: string): NextResponse {
  const response = NextResponse.redirect(authorizeUrl, 303);
  const cookie = transactionCookie();
  response.cookies.set(cookie.name, sealedTransaction, cookie.options);
  noStore(response);
  return response;
}

/** 303 to the landing page (always a path of this app) with the new session cookie. */
export function redirectWithSession(session: EstablishedSession): NextResponse {
  const appUrl = getEnv().APP_URL;
  const target = new URL(session.landing, appUrl);
  // Belt and braces: landing paths are parsed by parseReturnTarget, but never leave the app's origin here.
  const response = NextResponse.redirect(target.origin === appUrl ? target : new URL('/', appUrl), 303);
  const ttl = Math.max(60, Math.floor((session.expiresAt.getTime() - Date.now()) / 1000));
  const cookie = sessionCookie(ttl);
  response.cookies.set(cookie.name, session.token, cookie.options);
  response.cookies.set(transactionCookie().name, '', { ...transactionCookie(0).options, maxAge: 0 });
  response.cookies.set(consentCookie().name, '', { ...consentCookie(0).options, maxAge: 0 });
  noStore(response);
  return response;
}

/** 303 to the tenant's consent page, with the pending sign-in's cookie (no session yet). */
export function redirectToConsent(outcome: ConsentRequired): NextResponse {
  const response = NextResponse.redirect(new URL(`/t/${outcome.tenantSlug}/consent`, getEnv().APP_URL), 303);
  const ttl = Math.max(1, Math.floor((outcome.expiresAt.getTime() - Date.now()) / 1000));
  const cookie = consentCookie(ttl);
  response.cookies.set(cookie.name, outcome.pendingToken, cookie.options);
  response.cookies.set(transactionCookie().name, '', { ...transactionCookie(0).options, maxAge: 0 });
  noStore(response);
  return response;
}

/** 303 back to the admin connection page after a connection test sign-in (no new session: the admin keeps theirs). */
export function redirectAfterConnectionTest(landing: string): NextResponse {
  const response = NextResponse.redirect(new URL(landing, getEnv().APP_URL), 303);
  response.cookies.set(transactionCookie().name, '', { ...transactionCookie(0).options, maxAge: 0 });
  noStore(response);
  return response;
}

function noStore(response: NextResponse) {
  response.headers.set('cache-control', 'no-store');
  response.headers.set('referrer-policy', 'no-referrer');
}

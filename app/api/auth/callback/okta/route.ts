import type { NextRequest } from 'next/server';
import { completeCodeSignIn, type SignInAttempt } from '@/lib/auth/complete-code-sign-in';
import { completeIdTokenPost } from '@/lib/auth/complete-id-token-post';
import { transactionCookie } from '@/lib/auth/cookies';
import { readForm } from '@/lib/auth/read-form';
import { redirectWithSession } from '@/lib/auth/responses';
import { signInFailureResponse } from '@/lib/auth/sign-in-failure';
import { requestContextOf } from '@/lib/http/request-context';

/**
 * The one redirect URI of every tenant.
 * GET: the code flow's callback (`code` + `state`, or `error`).
 * POST: Okta Simplified — a form with `id_token` and no `state`.
 */
export async function GET(request: NextRequest) {
  const context = requestContextOf(request.headers);
  const attempt: SignInAttempt = { flow: 'sp' };
  try {
    const sealed = request.cookies.get(transactionCookie().name)?.value;
    return redirectWithSession(await completeCodeSignIn(request.nextUrl.searchParams, sealed, context, attempt));
  } catch (error) {
    return signInFailureResponse(error, context, attempt);
  }
}

export async function POST(request: NextRequest) {
  const context = requestContextOf(request.headers);
  const attempt: SignInAttempt = { flow: 'okta_id_token' };
  try {
    return redirectWithSession(await completeIdTokenPost(await readForm(request), context, attempt));
  } catch (error) {
    return signInFailureResponse(error, context, attempt);
  }
}

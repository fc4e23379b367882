import type { NextRequest } from 'next/server';
import type { SignInAttempt } from '@/lib/auth/complete-code-sign-in';
import { completeIdTokenPost } from '@/lib/auth/complete-id-token-post';
import { initiateSignIn } from '@/lib/auth/initiate-sign-in';
import { readForm } from '@/lib/auth/read-form';
import { redirectToIdp, redirectWithSession } from '@/lib/auth/responses';
import { signInFailureResponse } from '@/lib/auth/sign-in-failure';
import { requestContextOf, type RequestContext } from '@/lib/http/request-context';

/**
 * The initiate login URI (OIDC Core §4) for the Okta tile. GET or POST with `iss` starts a code flow.
 * A POST carrying `id_token` is Okta Simplified (some Okta pages send it here rather than to the redirect URI).
 */
export async function GET(request: NextRequest) {
  return initiate(request.nextUrl.searchParams, requestContextOf(request.headers));
}

export async function POST(request: NextRequest) {
  const context = requestContextOf(request.headers);
  const attempt: SignInAttempt = {};
  let form: URLSearchParams;
  try {
    form = await readForm(request);
    if (form.has('id_token')) return redirectWithSession(await completeIdTokenPost(form, context, attempt));
  } catch (error) {
    return signInFailureResponse(error, context, attempt);
  }
  return initiate(form, context);
}

async function initiate(params: URLSearchParams, context: RequestContext) {
  const attempt: SignInAttempt = { flow: 'okta_redirect' };
  try {
    const { authorizeUrl, sealedTransaction } = await initiateSignIn(params, context, attempt);
    return redirectToIdp(authorizeUrl, sealedTransaction);
  } catch (error) {
    return signInFailureResponse(error, context, attempt);
  }
}

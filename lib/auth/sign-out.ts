/**
 * Ends the app session for a cookie token and works out where the browser goes next: through the IdP's
 * logout (`id_token_hint`, `post_logout_redirect_uri` = /signed-out) when the IdP offers one, else straight
 * to /signed-out. The session row is gone before the redirect, whatever the IdP then does.
 */
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { getDb } from '@/lib/db/client';
import { getEnv } from '@/lib/env';
import type { RequestContext } from '@/lib/http/request-context';
import { getIdpRuntime } from '@/lib/idp/idp-runtime';
import { getLog } from '@/lib/log';
import { deleteSessionByToken } from './session-store';

export const SIGNED_OUT_PATH = '/signed-out';

export async function signOut(token: string | undefined, context: RequestContext): Promise<string> {
  const appUrl = getEnv().APP_URL;
  const signedOut = `${appUrl}${SIGNED_OUT_PATH}`;
  const session = await deleteSessionByToken(token);
  if (!session) return signedOut;
  await recordAuditEvent(getDb(), {
    ...context,
    type: 'signout',
    tenantId: session.tenant.id,
    actorUserId: session.user.id,
  });
  try {
    const metadata = await getIdpRuntime().cache.getMetadata(session.tenant.issuer);
    if (!metadata.end_session_endpoint) return signedOut;
    const url = new URL(metadata.end_session_endpoint);
    // The hint's token was recorded as used when it made the session: seen in this URL, it opens nothing.
    if (session.idToken) url.searchParams.set('id_token_hint', session.idToken);
    url.searchParams.set('post_logout_redirect_uri', signedOut);
    return url.toString();
  } catch (error) {
    getLog().warn({ err: error, requestId: context.requestId }, 'IdP logout skipped: discovery unavailable');
    return signedOut;
  }
}

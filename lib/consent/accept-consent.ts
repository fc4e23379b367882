/**
 * Accepting on the consent page: back through the one way to a session, `establishSession`, with
 * `grantConsent` — the pending sign-in is consumed, and the grant (tenant, user, version, scopes, time, IP,
 * user agent) and the session are written in one transaction. The caller has checked the post
 * (`openConsentPost`).
 */
import { establishSession, type EstablishedSession } from '@/lib/auth/establish-session';
import type { RequestContext } from '@/lib/http/request-context';
import type { ConsentPost } from './open-consent-post';

export async function acceptConsent(post: ConsentPost, context: RequestContext): Promise<EstablishedSession> {
  const { tenant, pending } = post;
  return establishSession({
    tenant,
    claims: pending.claims,
    idToken: pending.idToken,
    flow: pending.flow,
    returnTo: pending.returnTo,
    context,
    grantConsent: { pendingId: pending.id, versionId: post.versionId },
  });
}

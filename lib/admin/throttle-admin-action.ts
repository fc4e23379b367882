/**
 * The throttle in front of every administrative change: one point of `admin.action.user` per admin action
 * (tenant admin area) and one of `onboarding.action.invitation` per wizard step, taken after authorization
 * and before anything is parsed or changed. A refusal is audited (aggregated per minute) and comes back as
 * figures (the limit, the wait), never as a thrown error: the caller words it in the person's language
 * (catalogue `adminActions.errors.throttled`, shared by the admin area and the onboarding wizard).
 */
import type { RequestContext } from '@/lib/http/request-context';
import { enforceRateLimit } from '@/lib/rate-limit/consume';
import { RateLimitedError } from '@/lib/rate-limit/rate-limited-error';

export type ThrottleResult = { ok: true } | { ok: false; retryAfterSeconds: number; limit: number };

// By name too: a production build may bundle a class once per route group (see DESIGN.md).
const isRateLimited = (error: unknown): error is RateLimitedError =>
  error instanceof RateLimitedError || (error instanceof Error && error.name === 'RateLimitedError');

async function take(run: () => Promise<unknown>): Promise<ThrottleResult> {
  try {
    await run();
    return { ok: true };
  } catch (error) {
    if (!isRateLimited(error)) throw error;
    return { ok: false, retryAfterSeconds: error.retryAfterSeconds, limit: error.limit };
  }
}

/** Counts one admin action of `userId` (an authorized admin); `ok: false` once the minute's budget is spent. */
export function throttleAdminAction(userId: string, context: RequestContext): Promise<ThrottleResult> {
  return take(() => enforceRateLimit('admin.action.user', { userId }, context));
}

/** Counts one wizard step of the invitation whose cookie authorized the call. */
export function throttleWizardAction(invitationId: string, context: RequestContext): Promise<ThrottleResult> {
  return take(() => enforceRateLimit('onboarding.action.invitation', { invitationId }, context));
}

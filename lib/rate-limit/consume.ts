/**
 * The one way code checks a rate limit: name a policy (lib/rate-limit/policies.ts) and who is asking.
 * `enforceRateLimit` takes a point and throws {@link RateLimitedError} when over the limit; refusals go to the
 * audit trail aggregated per minute (record-refusal.ts). Callers decide where the check sits; this module
 * only counts.
 */
import { getDb } from '@/lib/db/client';
import type { RequestContext } from '@/lib/http/request-context';
import { peekPoints, takePoint, type LimitState } from './limiter';
import { getPolicy, type PolicyName, type RateLimitPolicy } from './policies';
import { RateLimitedError } from './rate-limited-error';
import { recordRefusal } from './record-refusal';
import { ipKey } from './subject-key';
import { getEffectiveLimit } from './tenant-limits';

export type RateLimitSubject = {
  tenant?: { id: string; displayName: string };
  ip?: string | null;
  userId?: string;
  invitationId?: string;
};

function keyFor(policy: RateLimitPolicy, subject: RateLimitSubject): string {
  switch (policy.keyKind) {
    case 'tenant':
      if (!subject.tenant) throw new Error(`${policy.name} needs a tenant`);
      return subject.tenant.id;
    case 'user':
      if (!subject.userId) throw new Error(`${policy.name} needs a user`);
      return subject.userId;
    case 'invitation':
      if (!subject.invitationId) throw new Error(`${policy.name} needs an invitation`);
      return subject.invitationId;
    case 'ip':
      return ipKey(subject.ip);
    case 'tenant_ip':
      if (!subject.tenant) throw new Error(`${policy.name} needs a tenant`);
      return `${subject.tenant.id}|${ipKey(subject.ip)}`;
  }
}

async function limitFor(policy: RateLimitPolicy, subject: RateLimitSubject): Promise<number> {
  if (policy.keyKind !== 'tenant' || !subject.tenant) return policy.limit;
  return (await getEffectiveLimit(policy.name, subject.tenant.id)).limit;
}

function refuse(policy: RateLimitPolicy, state: LimitState, subject: RateLimitSubject): RateLimitedError {
  const tenantName = policy.keyKind === 'tenant' ? subject.tenant?.displayName : undefined;
  return new RateLimitedError(policy.name, policy.keyKind, state.limit, policy.windowSeconds, state.resetSeconds, tenantName);
}

/** Takes one point under `name`. Throws `RateLimitedError` (after auditing it) when the limit is used up. */
export async function enforceRateLimit(name: PolicyName, subject: RateLimitSubject, context: RequestContext): Promise<LimitState> {
  const state = await countAgainstLimit(name, subject, context);
  if (!state.allowed) throw refuse(getPolicy(name), state, subject);
  return state;
}

/** Takes one point under `name` and audits a refusal, without throwing: for counting failures. */
export async function countAgainstLimit(name: PolicyName, subject: RateLimitSubject, context: RequestContext): Promise<LimitState> {
  const policy = getPolicy(name);
  const key = keyFor(policy, subject);
  const limit = await limitFor(policy, subject);
  const state = await takePoint(getDb(), policy, limit, key);
  if (!state.allowed) await recordRefusal({ policy, key, tenantId: subject.tenant?.id ?? null, limit }, context);
  return state;
}

/** Throws `RateLimitedError` when `name`'s limit is already used up, without taking a point. */
export async function assertUnderLimit(name: PolicyName, subject: RateLimitSubject): Promise<void> {
  const state = await getRateLimitUse(name, subject);
  if (!state.allowed) throw refuse(getPolicy(name), state, subject);
}

/** Current use under `name` (for the admin page and checks), without taking a point. */
export async function getRateLimitUse(name: PolicyName, subject: RateLimitSubject): Promise<LimitState> {
  const policy = getPolicy(name);
  return peekPoints(getDb(), policy, await limitFor(policy, subject), keyFor(policy, subject));
}

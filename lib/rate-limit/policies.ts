/**
 * Every rate-limit policy of the app, by name, in this one file. A policy counts requests per key — a tenant,
 * a client IP (IPv6 by /64), a (tenant, client IP) pair, a user or an onboarding invitation — in a fixed window.
 *
 * Fair budgets: anonymous traffic must not be able to spend a tenant's budget. Sign-in starts are anonymous
 * by nature, so per-address caps come first — `signin.start.tenant_ip` (one address, one tenant), then
 * `signin.start.ip` — and the tenant-wide `signin.start.tenant` is sized to protect the customer's Okta
 * `/authorize` budget (an app instance gets half of an org's per-minute bucket by default), not as the first
 * line. Completions count against the tenant only after the cheap authenticity checks passed
 * (lib/rate-limit/sign-in-gates.ts). The operator can change any default and ceiling
 * with `RATE_LIMIT_OVERRIDES` (lib/env.ts); a tenant admin can set their own limit for `tenantAdjustable`
 * policies, anywhere from 1 up to the ceiling. README "Rate limits" lists them.
 */
import { getEnv } from '@/lib/env';

export type PolicyKeyKind = 'tenant' | 'ip' | 'tenant_ip' | 'user' | 'invitation';

export type RateLimitPolicy = {
  name: PolicyName;
  /** What people are told the limit is about. */
  description: string;
  keyKind: PolicyKeyKind;
  windowSeconds: number;
  /** The limit when no tenant admin has set one. */
  limit: number;
  /** The most a tenant admin may set (operator-controlled). */
  ceiling: number;
  tenantAdjustable: boolean;
};

const DEFAULTS = {
  'signin.start.tenant': {
    description: 'Sign-ins started for the organization (from the app or the Okta tile)',
    keyKind: 'tenant', windowSeconds: 60, limit: 600, ceiling: 6000, tenantAdjustable: true,
  },
  'signin.start.tenant_ip': {
    description: 'Sign-ins started for the organization from one network address',
    keyKind: 'tenant_ip', windowSeconds: 60, limit: 60, ceiling: 60, tenantAdjustable: false,
  },
  'signin.start.ip': {
    description: 'Sign-ins started from one network address',
    keyKind: 'ip', windowSeconds: 60, limit: 120, ceiling: 120, tenantAdjustable: false,
  },
  'signin.callback.tenant': {
    description: 'Sign-in callbacks and Okta ID-token posts for the organization that passed the first checks',
    keyKind: 'tenant', windowSeconds: 60, limit: 300, ceiling: 3000, tenantAdjustable: true,
  },
  'signin.callback.ip': {
    description: 'Sign-in callbacks and Okta ID-token posts from one network address',
    keyKind: 'ip', windowSeconds: 60, limit: 120, ceiling: 120, tenantAdjustable: false,
  },
  'signin.unknown.ip': {
    description: 'Sign-in attempts naming an unknown Okta issuer or organization, from one network address',
    keyKind: 'ip', windowSeconds: 60, limit: 30, ceiling: 30, tenantAdjustable: false,
  },
  'admin.action.user': {
    description: 'Administrative changes by one user',
    keyKind: 'user', windowSeconds: 60, limit: 60, ceiling: 60, tenantAdjustable: false,
  },
  'onboarding.action.invitation': {
    description: 'Onboarding wizard steps (save, check, activate) of one invitation',
    keyKind: 'invitation', windowSeconds: 60, limit: 30, ceiling: 30, tenantAdjustable: false,
  },
  'invitation.ip': {
    description: 'Invitation attempts from one network address',
    keyKind: 'ip', windowSeconds: 900, limit: 20, ceiling: 20, tenantAdjustable: false,
  },
  // Okta sends Universal Logout requests from shared egress addresses, so the per-address cap is generous;
  // the tenant cap counts only requests whose signature verified.
  'logout.universal.ip': {
    description: 'Universal Logout requests from one network address',
    keyKind: 'ip', windowSeconds: 60, limit: 600, ceiling: 600, tenantAdjustable: false,
  },
  'logout.universal.tenant': {
    description: 'Universal Logout requests signed by the organization\'s Okta',
    keyKind: 'tenant', windowSeconds: 60, limit: 600, ceiling: 600, tenantAdjustable: false,
  },
} as const satisfies Record<string, Omit<RateLimitPolicy, 'name'>>;

export type PolicyName = keyof typeof DEFAULTS;

export const POLICY_NAMES = Object.keys(DEFAULTS) as PolicyName[];

export function isPolicyName(value: string): value is PolicyName {
  return Object.hasOwn(DEFAULTS, value);
}

type Overrides = Record<string, { limit?: number; ceiling?: number; windowSeconds?: number }>;

let resolved: Record<PolicyName, RateLimitPolicy> | undefined;

/** The policies with the operator's overrides applied. Throws at first use on an unknown policy name. */
export function getPolicies(): Record<PolicyName, RateLimitPolicy> {
  resolved ??= resolvePolicies(getEnv().RATE_LIMIT_OVERRIDES);
  return resolved;
}

/** The defaults with `overrides` (from `RATE_LIMIT_OVERRIDES`) applied; exported for tests. */
export function resolvePolicies(overrides: Overrides): Record<PolicyName, RateLimitPolicy> {
  for (const name of Object.keys(overrides)) {
    if (!isPolicyName(name)) throw new Error(`RATE_LIMIT_OVERRIDES names an unknown policy ${name} (known: ${POLICY_NAMES.join(', ')})`);
  }
  const entries = POLICY_NAMES.map((name): [PolicyName, RateLimitPolicy] => {
    const base = DEFAULTS[name];
    const o = overrides[name] ?? {};
    // A lowered ceiling caps the default too; a raised default lifts the ceiling only when it is not set.
    const ceiling = o.ceiling ?? Math.max(base.ceiling, o.limit ?? 0);
    const limit = Math.min(o.limit ?? base.limit, ceiling);
    return [name, { ...base, name, limit, ceiling, windowSeconds: o.windowSeconds ?? base.windowSeconds }];
  });
  return Object.fromEntries(entries) as Record<PolicyName, RateLimitPolicy>;
}

export function getPolicy(name: PolicyName): RateLimitPolicy {
  return getPolicies()[name];
}

/** The tenant-scoped policies a tenant admin sees and may change. */
export function tenantAdjustablePolicies(): RateLimitPolicy[] {
  return Object.values(getPolicies()).filter((p) => p.tenantAdjustable);
}

/**
 * Where the sign-in pipeline meets the rate-limit policies (fair budgets, README "Rate limits"):
 * - starts: per-(tenant, address) cap, then per-address cap, then the tenant-wide limit, all before Okta is
 *   involved; a few addresses cannot spend a tenant's start budget.
 * - completions: the per-address cap before anything else ({@link gateCompletionByAddress}); the tenant's
 *   own limit only for requests that passed the cheap authenticity checks ({@link gateCompletionForTenant}:
 *   a valid sealed transaction for that tenant whose `state` matches, or an ID token whose signature
 *   verified), so anonymous floods of garbage never spend it.
 */
import type { RequestContext } from '@/lib/http/request-context';
import type { Tenant } from '@/lib/tenants/tenant';
import { assertUnderLimit, countAgainstLimit, enforceRateLimit } from './consume';
import { awaitIdpBudget } from './idp-rate-limits';

/** Sign-in start (SP-initiated and the initiate login URI). Also refuses while Okta's token endpoint is paused. */
export async function gateSignInStart(tenant: Tenant, context: RequestContext): Promise<void> {
  await enforceRateLimit('signin.start.tenant_ip', { ip: context.ip, tenant }, context);
  await enforceRateLimit('signin.start.ip', { ip: context.ip, tenant }, context);
  await enforceRateLimit('signin.start.tenant', { tenant }, context);
  // A code would not be redeemable before Okta's reset: say so now, not after the user typed a password.
  await awaitIdpBudget(tenant.id, 'token', { wait: false });
}

/** The code callback and Okta Simplified ID-token POSTs, first thing: the caller's address. */
export async function gateCompletionByAddress(context: RequestContext): Promise<void> {
  await enforceRateLimit('signin.callback.ip', { ip: context.ip }, context);
}

/** The same, once the request proved itself (valid transaction and state, or a verified signature). */
export async function gateCompletionForTenant(tenant: Tenant, context: RequestContext): Promise<void> {
  await enforceRateLimit('signin.callback.tenant', { tenant }, context);
}

/** Before looking an issuer or organization up: refuses an address that keeps naming unknown ones. */
export async function gateUnknownLookups(context: RequestContext): Promise<void> {
  await assertUnderLimit('signin.unknown.ip', { ip: context.ip });
}

/** Counts one unknown-issuer or unknown-organization refusal against the caller's address. */
export async function countUnknownLookup(context: RequestContext): Promise<void> {
  await countAgainstLimit('signin.unknown.ip', { ip: context.ip }, context);
}

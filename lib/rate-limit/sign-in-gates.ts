/**
 * Where the sign-in pipeline meets the rate-limit policies. Each gate runs as soon as the tenant is known and
 * before anything is sent to Okta or any signature is checked, so a flood costs one database round trip and
 * never spends the customer's Okta budget. The client IP is checked first: one noisy address is stopped
 * before it uses up its tenant's limit.
 */
import type { RequestContext } from '@/lib/http/request-context';
import type { Tenant } from '@/lib/tenants/tenant';
import { assertUnderLimit, countAgainstLimit, enforceRateLimit } from './consume';
import { awaitIdpBudget } from './idp-rate-limits';

/** Sign-in start (SP-initiated and the initiate login URI). Also refuses while Okta's token endpoint is paused. */
export async function gateSignInStart(tenant: Tenant, context: RequestContext): Promise<void> {
  await enforceRateLimit('signin.start.ip', { ip: context.ip, tenant }, context);
  await enforceRateLimit('signin.start.tenant', { tenant }, context);
  // A code would not be redeemable before Okta's reset: say so now, not after the user typed a password.
  await awaitIdpBudget(tenant.id, 'token', { wait: false });
}

/** The code callback and Okta Simplified ID-token POSTs. */
export async function gateSignInCompletion(tenant: Tenant, context: RequestContext): Promise<void> {
  await enforceRateLimit('signin.callback.ip', { ip: context.ip, tenant }, context);
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

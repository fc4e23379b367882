/**
 * The callback of the code flow (SP-initiated and Okta tile redirect): the transaction cookie names the
 * tenant that started it — the callback is accepted for that tenant only — then the response is checked,
 * the code redeemed with the tenant's client authentication, the ID token verified, and `establishSession`
 * runs. `attempt.tenantId` is filled in as soon as it is known, for the refusal's audit event.
 */
import { getEnv } from '@/lib/env';
import type { RequestContext } from '@/lib/http/request-context';
import { getIdpRuntime } from '@/lib/idp/idp-runtime';
import { exchangeCodeWithEach, validateCallback } from '@/lib/oidc/code-exchange';
import { callWithinIdpBudget } from '@/lib/rate-limit/idp-rate-limits';
import { gateCompletionByAddress, gateCompletionForTenant } from '@/lib/rate-limit/sign-in-gates';
import { verifyIdToken } from '@/lib/oidc/verify-id-token';
import { getClientCredentialsList } from '@/lib/tenants/get-client-credentials';
import { getTenantById } from '@/lib/tenants/get-tenant';
import { finishConnectionTest } from '@/lib/tenants/pending-connection';
import { getDpopSigner } from '@/lib/tenants/tenant-dpop-key';
import { establishSession, type EstablishedSession } from './establish-session';
import { SignInError } from './sign-in-error';
import { openTransaction } from './sign-in-transaction';
import type { SignInAttempt } from './record-sign-in-refusal';
import { redirectUri } from './start-sign-in';

export type { SignInAttempt };

export async function completeCodeSignIn(
  params: URLSearchParams,
  sealedTransaction: string | undefined,
  context: RequestContext,
  attempt: SignInAttempt,
): Promise<EstablishedSession> {
  await gateCompletionByAddress(context);
  const tx = await openTransaction(sealedTransaction);
  if (!tx) {
    throw new SignInError(sealedTransaction ? 'transaction_invalid' : 'transaction_missing', 'No valid sign-in transaction');
  }
  attempt.flow = tx.flow;
  const tenant = await getTenantById(tx.tenantId);
  if (!tenant) throw new SignInError('unknown_tenant', 'Transaction tenant no longer exists');
  attempt.tenantId = tenant.id;
  attempt.tenantSlug = tenant.slug;

  const env = getEnv();
  const { cache, fetch, allowInsecureLocal } = getIdpRuntime();
  // A connection test (admin page) signs in through the tenant's pending issuer/client, not the live one.
  const connectionTest = tx.flow === 'connection_test' ? tx.connection : undefined;
  const { issuer, clientId } = connectionTest ?? tenant;
  const metadata = await cache.getMetadata(issuer);
  const callbackParams = validateCallback(metadata, clientId, params, tx.state);
  // Only now, with a sealed transaction of this tenant and its state, does the request count against the tenant.
  await gateCompletionForTenant(tenant, context);
  // During a client secret or key rotation Okta accepts either credential: try each (see rotate-client-credentials.ts).
  const credentials = (await getClientCredentialsList(tenant.id)).map((c) => ({ ...c, clientId }));
  const dpop = await getDpopSigner(tenant); // a DPoP proof when the tenant's Okta app requires one (RFC 9449)
  const { idToken } = await callWithinIdpBudget(tenant.id, 'token', () => exchangeCodeWithEach({
    server: metadata,
    credentials,
    callbackParams,
    redirectUri: redirectUri(),
    codeVerifier: tx.codeVerifier,
    fetchImpl: fetch,
    allowInsecure: allowInsecureLocal,
    dpop,
  }));
  const claims = await verifyIdToken(idToken, {
    issuer,
    clientId,
    expectedNonce: tx.nonce,
    clockSkewSeconds: env.CLOCK_SKEW_SECONDS,
    now: new Date(),
    getKey: (header) => cache.getKey(issuer, header),
  });
  if (connectionTest) return finishConnectionTest({ tenant, connection: connectionTest, claims, idToken, context });
  const onboarding = tx.flow === 'onboarding_test' && tx.invitationId ? { invitationId: tx.invitationId } : undefined;
  return establishSession({ tenant, claims, idToken, flow: tx.flow, returnTo: tx.returnTo, context, onboarding });
}

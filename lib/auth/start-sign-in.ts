/**
 * Starts the code flow for a tenant (SP-initiated, or the Okta tile's initiate login URI): fresh state,
 * nonce and PKCE, sealed into the transaction cookie together with the tenant, the flow and where to land.
 * Returns the authorize URL and the sealed transaction; the route sets the cookie and redirects.
 */
import { getEnv } from '@/lib/env';
import type { RequestContext } from '@/lib/http/request-context';
import { getIdpRuntime } from '@/lib/idp/idp-runtime';
import { buildAuthorizationRequest } from '@/lib/oidc/authorization-request';
import { gateSignInStart } from '@/lib/rate-limit/sign-in-gates';
import type { Tenant } from '@/lib/tenants/tenant';
import { SignInError } from './sign-in-error';
import { sealTransaction, type SignInFlow } from './sign-in-transaction';

export const CALLBACK_PATH = '/api/auth/callback/okta';

export const redirectUri = () => `${getEnv().APP_URL}${CALLBACK_PATH}`;

export async function startSignIn(input: {
  tenant: Tenant;
  flow: Extract<SignInFlow, 'sp' | 'okta_redirect' | 'onboarding_test' | 'connection_test'>;
  loginHint?: string | null;
  returnTo?: string | null;
  /** With flow `onboarding_test` (lib/onboarding/start-test-sign-in.ts): the invitation it belongs to. */
  invitationId?: string;
  /** With flow `connection_test`: the tenant's pending connection to sign in through, and the admin testing it. */
  connectionTest?: { issuer: string; clientId: string; actorUserId: string };
  /** Who is asking: the per-tenant and per-IP sign-in limits count it. */
  context: RequestContext;
}): Promise<{ authorizeUrl: string; sealedTransaction: string }> {
  const connection = input.flow === 'connection_test' ? input.connectionTest : undefined;
  if (input.flow === 'connection_test' && !connection) throw new SignInError('bad_request', 'A connection test names its connection');
  // A connection test talks to the pending issuer with the pending client ID; everything else is the tenant's.
  const tenant = connection ? { ...input.tenant, issuer: connection.issuer, clientId: connection.clientId } : input.tenant;
  const onboardingTest = input.flow === 'onboarding_test' && input.invitationId && tenant.status === 'draft';
  if (tenant.status !== 'active' && !onboardingTest) throw new SignInError('tenant_not_active', `Tenant ${tenant.slug} is ${tenant.status}`);
  await gateSignInStart(tenant, input.context);
  const metadata = await getIdpRuntime().cache.getMetadata(tenant.issuer);
  const request = await buildAuthorizationRequest({
    authorizationEndpoint: metadata.authorization_endpoint,
    clientId: tenant.clientId,
    redirectUri: redirectUri(),
    scopes: tenant.scopes,
    loginHint: input.loginHint?.slice(0, 256) || undefined,
  });
  const sealedTransaction = await sealTransaction({
    tenantId: tenant.id,
    state: request.state,
    nonce: request.nonce,
    codeVerifier: request.codeVerifier,
    returnTo: input.returnTo ?? null,
    flow: input.flow,
    ...(onboardingTest ? { invitationId: input.invitationId } : {}),
    ...(connection ? { connection } : {}),
  });
  return { authorizeUrl: request.url.toString(), sealedTransaction };
}

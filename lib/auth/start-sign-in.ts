/**
 * Starts the code flow for a tenant (SP-initiated, or the Okta tile's initiate login URI): fresh state,
 * nonce and PKCE, sealed into the transaction cookie together with the tenant, the flow and where to land.
 * Returns the authorize URL and the sealed transaction; the route sets the cookie and redirects.
 */
import { getEnv } from '@/lib/env';
import { getIdpRuntime } from '@/lib/idp/idp-runtime';
import { buildAuthorizationRequest } from '@/lib/oidc/authorization-request';
import type { Tenant } from '@/lib/tenants/tenant';
import { SignInError } from './sign-in-error';
import { sealTransaction, type SignInFlow } from './sign-in-transaction';

export const CALLBACK_PATH = '/api/auth/callback/okta';

export const redirectUri = () => `${getEnv().APP_URL}${CALLBACK_PATH}`;

export async function startSignIn(input: {
  tenant: Tenant;
  flow: Extract<SignInFlow, 'sp' | 'okta_redirect'>;
  loginHint?: string | null;
  returnTo?: string | null;
}): Promise<{ authorizeUrl: string; sealedTransaction: string }> {
  const { tenant } = input;
  if (tenant.status !== 'active') throw new SignInError('tenant_not_active', `Tenant ${tenant.slug} is ${tenant.status}`);
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
  });
  return { authorizeUrl: request.url.toString(), sealedTransaction };
}

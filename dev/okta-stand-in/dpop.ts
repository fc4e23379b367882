/**
 * DPoP (RFC 9449) in the stand-in, as Okta's "Require DPoP header in token requests" app setting: a client
 * with `requireDpop` gets a token only with a DPoP proof, and like Okta the org first answers a proof without
 * its nonce with `400 use_dpop_nonce` and a `DPoP-Nonce` header to retry with.
 */
import { randomBytes } from 'node:crypto';
import type { KoaContext, KoaNext } from './oidc';
import { OKTA_ROUTES } from './provider';
import type { StandInApp } from './types';

/** oidc-provider's `features.dPoP`: on, with server nonces required in every proof (Okta always asks for one). */
export function dpopFeature(): Record<string, unknown> {
  return { enabled: true, nonceSecret: randomBytes(32), requireNonce: () => true };
}

/** Client metadata for an app that requires DPoP: oidc-provider then refuses token requests without a proof. */
export function dpopClientMetadata(app: StandInApp): Record<string, unknown> {
  return app.requireDpop ? { dpop_bound_access_tokens: true } : {};
}

/**
 * Koa middleware (register before the org's routes): a token request without a proof from an app that
 * requires DPoP gets Okta's answer, `400 invalid_dpop_proof` "The DPoP proof JWT header is missing.", instead
 * of oidc-provider's generic `invalid_grant`. The code is untouched either way.
 */
export async function missingProofLikeOkta(ctx: KoaContext & { oidc?: { client?: { dpopBoundAccessTokens?: boolean } } }, next: KoaNext) {
  await next();
  if (ctx.method !== 'POST' || ctx.path !== OKTA_ROUTES.token || ctx.get('dpop') || ctx.status !== 400) return;
  if (!ctx.oidc?.client?.dpopBoundAccessTokens) return;
  ctx.body = { error: 'invalid_dpop_proof', error_description: 'The DPoP proof JWT header is missing.' };
}

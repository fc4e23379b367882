/**
 * The wizard's and the admin area's connection check: what the admin typed → discovery through the hardened
 * fetch (https only, no private addresses, timeout, size cap; see lib/oidc/safe-fetch.ts) → issuer equality,
 * RS256, a JWKS with keys → an Okta *org* authorization server. Returns the issuer exactly as Okta states it,
 * or a code with a specific message. Never throws for a failed check; callers authorize.
 */
import type { Locale } from '@/lib/i18n/locales';
import { isOidcError } from '@/lib/oidc/errors';
import { isOktaOrgServer } from '@/lib/oidc/discovery';
import { verifyIssuer } from '@/lib/tenants/verify-issuer';
import { describeConnectionFailure, type ConnectionCheckCode } from './discovery-messages';

export type ConnectionCheck =
  | { ok: true; issuer: string; authorizationEndpoint: string; tokenEndpoint: string; jwksUri: string }
  | { ok: false; code: ConnectionCheckCode; message: string; details?: Record<string, unknown> };

export async function checkConnection(input: string, locale: Locale = 'en'): Promise<ConnectionCheck> {
  try {
    const verified = await verifyIssuer(input);
    if (!isOktaOrgServer({ issuer: verified.issuer, authorization_endpoint: verified.authorizationEndpoint })) {
      return { ok: false, code: 'not_okta_org_server', message: describeConnectionFailure('not_okta_org_server', {}, locale) };
    }
    return { ok: true, ...verified };
  } catch (error) {
    if (isOidcError(error)) {
      return { ok: false, code: error.code, message: describeConnectionFailure(error.code, error.details, locale), details: error.details };
    }
    return { ok: false, code: 'unexpected', message: describeConnectionFailure('unexpected', {}, locale) };
  }
}

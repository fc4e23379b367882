/**
 * What a customer admin is told when their Okta connection does not check out: one specific message per
 * failure, naming what to change. Pure: maps `OidcError` codes (and the wizard's own checks) to text.
 */
import type { OidcErrorCode } from '@/lib/oidc/errors';

export type ConnectionCheckCode = OidcErrorCode | 'not_okta_org_server' | 'unexpected';

export function describeConnectionFailure(code: ConnectionCheckCode, details: Record<string, unknown> = {}): string {
  const host = typeof details.host === 'string' ? details.host : 'The server';
  switch (code) {
    case 'issuer_input_invalid':
      return 'That is not an Okta domain or issuer URL. Enter your Okta domain, e.g. https://your-org.okta.com.';
    case 'insecure_url':
      return 'The issuer must use https. Enter your Okta domain as https://your-org.okta.com.';
    case 'address_refused':
      return `${host} resolves to a private, loopback or link-local address, which this app never connects to. Enter your public Okta domain.`;
    case 'redirect_refused':
      return `The address answered with a redirect${typeof details.location === 'string' ? ` to ${details.location}` : ''}; redirects are not followed. Enter the final Okta domain (the one your Okta sign-in page is on).`;
    case 'fetch_timeout':
      return `${host} did not answer in time. Check the Okta domain and try again.`;
    case 'response_too_large':
      return `${host} answered with far more data than an OpenID configuration holds, so the answer was refused. Check the Okta domain.`;
    case 'idp_unreachable':
      return `${host} could not be reached (no such host, or the connection failed). Check the spelling of your Okta domain.`;
    case 'idp_http_error':
      return `The address did not serve an OpenID configuration (HTTP ${String(details.status ?? 'error')} at /.well-known/openid-configuration). Enter your Okta domain, without any path.`;
    case 'discovery_invalid':
      return 'The address answered, but not with a valid OpenID configuration. Enter your Okta domain.';
    case 'issuer_mismatch':
      return `Okta states its issuer as ${String(details.received ?? 'another URL')}, not ${String(details.expected ?? 'the one entered')}. Enter exactly ${String(details.received ?? 'the issuer Okta states')} (check the app's Issuer setting in Okta: Okta URL or custom domain).`;
    case 'not_okta_org_server':
      return 'This is a custom authorization server (…/oauth2/<id>). OIN apps must use the org authorization server: enter just your Okta domain, e.g. https://your-org.okta.com.';
    case 'no_rs256':
      return 'This issuer does not sign ID tokens with RS256, which the app requires.';
    case 'jwks_invalid':
      return 'The issuer publishes no usable signing keys (JWKS), so sign-ins could not be verified.';
    default:
      return 'The connection check failed unexpectedly. Try again; if it keeps failing, contact support with the request id.';
  }
}

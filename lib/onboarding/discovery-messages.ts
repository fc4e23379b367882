/**
 * What a customer admin is told when their Okta connection does not check out: one specific message per
 * failure, naming what to change, in the person's language (catalogue `discovery`, shared by the wizard and the admin area). Pure: maps
 * `OidcError` codes (and the wizard's own checks) to text.
 */
import { translatorFor } from '@/lib/i18n/translator';
import type { Locale } from '@/lib/i18n/locales';
import type { OidcErrorCode } from '@/lib/oidc/errors';

export type ConnectionCheckCode = OidcErrorCode | 'not_okta_org_server' | 'unexpected';

const SPECIFIC = new Set<string>([
  'issuer_input_invalid', 'insecure_url', 'address_refused', 'redirect_refused', 'fetch_timeout', 'response_too_large',
  'idp_unreachable', 'idp_http_error', 'discovery_invalid', 'issuer_mismatch', 'not_okta_org_server', 'no_rs256', 'jwks_invalid',
]);

/** Whether `code` has its own text (else `describeConnectionFailure` gives the generic one). */
export const hasConnectionFailureText = (code: string): code is ConnectionCheckCode => SPECIFIC.has(code);

export function describeConnectionFailure(code: ConnectionCheckCode, details: Record<string, unknown> = {}, locale: Locale = 'en'): string {
  const t = translatorFor(locale, 'discovery');
  const text = (value: unknown, fallback: string) => (typeof value === 'string' || typeof value === 'number' ? String(value) : fallback);
  const host = text(details.host, t('theServer'));
  if (!SPECIFIC.has(code)) return t('unexpected');
  switch (code) {
    case 'address_refused':
    case 'fetch_timeout':
    case 'response_too_large':
    case 'idp_unreachable':
      return t(code, { host });
    case 'redirect_refused':
      return typeof details.location === 'string'
        ? t('redirect_refused', { location: details.location })
        : t('redirect_refused_bare');
    case 'idp_http_error':
      return t('idp_http_error', { status: text(details.status, t('error')) });
    case 'issuer_mismatch':
      return t('issuer_mismatch', {
        received: text(details.received, t('anotherUrl')),
        expected: text(details.expected, t('theOneEntered')),
      });
    default:
      return t(code as 'issuer_input_invalid' | 'insecure_url' | 'discovery_invalid' | 'not_okta_org_server' | 'no_rs256' | 'jwks_invalid');
  }
}

/**
 * What a customer admin is told when their Okta connection does not check out: one specific message per
 * failure, naming what to change, in the person's language (catalogue `onboarding.discovery`). Pure: maps
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

export function describeConnectionFailure(code: ConnectionCheckCode, details: Record<string, unknown> = {}, locale: Locale = 'en'): string {
  const t = translatorFor(locale, 'onboarding');
  const text = (value: unknown, fallback: string) => (typeof value === 'string' || typeof value === 'number' ? String(value) : fallback);
  const host = text(details.host, t('discovery.theServer'));
  if (!SPECIFIC.has(code)) return t('discovery.unexpected');
  switch (code) {
    case 'address_refused':
    case 'fetch_timeout':
    case 'response_too_large':
    case 'idp_unreachable':
      return t(`discovery.${code}`, { host });
    case 'redirect_refused':
      return typeof details.location === 'string'
        ? t('discovery.redirect_refused', { location: details.location })
        : t('discovery.redirect_refused_bare');
    case 'idp_http_error':
      return t('discovery.idp_http_error', { status: text(details.status, t('discovery.error')) });
    case 'issuer_mismatch':
      return t('discovery.issuer_mismatch', {
        received: text(details.received, t('discovery.anotherUrl')),
        expected: text(details.expected, t('discovery.theOneEntered')),
      });
    default:
      return t(`discovery.${code as 'issuer_input_invalid' | 'insecure_url' | 'discovery_invalid' | 'not_okta_org_server' | 'no_rs256' | 'jwks_invalid'}`);
  }
}

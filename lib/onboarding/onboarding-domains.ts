/**
 * The wizard's email-domains step (step 5): the draft tenant's domains are saved through lib/tenants (the same
 * rules as the admin page: public email domains refused, a domain routes only once verified) and each one is
 * verified on demand by its DNS TXT record (`checkEmailDomain`, the token of the tenant). The caller's
 * onboarding (its cookie) is the authorization; the domains belong to the invitation's draft tenant only.
 */
import { translatorFor } from '@/lib/i18n/translator';
import type { Locale } from '@/lib/i18n/locales';
import type { AuditContext } from '@/lib/audit/record-audit-event';
import { checkEmailDomain, type DomainCheck } from '@/lib/tenants/check-email-domain';
import { isPublicEmailDomain } from '@/lib/tenants/public-email-domains';
import { TenantError } from '@/lib/tenants/tenant-error';
import { updateTenant } from '@/lib/tenants/update-tenant';
import { domainInput, domainsInput, fieldErrorsOf, parseDomainList } from './onboarding-schemas';
import type { Onboarding } from './onboarding-state';
import type { StepResult } from './onboarding-steps';

const actorOf = (o: Onboarding) => `invitation:${o.invitationId}`;

export async function saveOnboardingDomains(o: Onboarding, raw: Record<string, unknown>, context: AuditContext, locale: Locale = 'en'): Promise<StepResult> {
  const t = translatorFor(locale, 'onboarding');
  if (!o.tenant) return { ok: false, message: t('errors.connectFirst') };
  const input = domainsInput.safeParse(raw);
  if (!input.success) return fieldError(t('errors.domainsTooMany'));
  const list = parseDomainList(input.data.domains);
  if (!list.ok) {
    return fieldError(list.reason === 'too_many' ? t('errors.domainsTooMany') : t('errors.domainInvalid', { domain: list.domain ?? '' }));
  }
  const publicOne = list.domains.find(isPublicEmailDomain);
  if (publicOne) return fieldError(t('errors.domainPublic', { domain: publicOne }), 'public_domain');
  try {
    await updateTenant(o.tenant.slug, { emailDomains: list.domains }, { ...context, actor: actorOf(o) });
  } catch (error) {
    if (error instanceof TenantError && error.code === 'domain_taken') return fieldError(t('errors.domainTaken'), error.code);
    if (error instanceof TenantError && error.code === 'public_domain') return fieldError(t('errors.domainPublic', { domain: String(error.params.domain ?? '') }), error.code);
    throw error;
  }
  return { ok: true, message: list.domains.length ? t('domains.saved') : t('domains.savedNone') };
}

const CHECK_MESSAGE = {
  record_missing: 'domains.checkRecord_missing',
  wrong_value: 'domains.checkWrong_value',
  dns_error: 'domains.checkDns_error',
  taken: 'domains.checkTaken',
} as const;

/** "Check now": looks up the domain's TXT record; a found record verifies it (one audit event). */
export async function checkOnboardingDomain(o: Onboarding, raw: Record<string, unknown>, context: AuditContext, locale: Locale = 'en'): Promise<StepResult & { check?: DomainCheck }> {
  const t = translatorFor(locale, 'onboarding');
  if (!o.tenant) return { ok: false, message: t('errors.connectFirst') };
  const input = domainInput.safeParse(raw);
  if (!input.success) return { ok: false, message: Object.values(fieldErrorsOf(input.error, locale, raw))[0] ?? '', code: 'invalid' };
  const { domain } = input.data;
  try {
    const check = await checkEmailDomain(o.tenant.id, domain, { ...context, actor: actorOf(o) });
    if (check.verified) return { ok: true, message: t('domains.verified', { domain }), check };
    return { ok: false, message: t(CHECK_MESSAGE[check.code as keyof typeof CHECK_MESSAGE] ?? 'domains.checkRecord_missing', { domain }), code: check.code, check };
  } catch (error) {
    if (error instanceof TenantError && error.code === 'not_found') return { ok: false, message: t('errors.domainUnknown', { domain }), code: error.code };
    throw error;
  }
}

function fieldError(message: string, code = 'invalid'): StepResult {
  return { ok: false, message, code, fieldErrors: { domains: message } };
}

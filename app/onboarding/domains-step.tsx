import Link from 'next/link';
import { getTranslations } from '@/lib/i18n/server';
import { ActionForm } from '@/app/_components/action-form';
import { CopyValue } from '@/app/_components/copy-button';
import { Card } from '@/app/_components/fields';
import type { Onboarding } from '@/lib/onboarding/onboarding-state';
import { listEmailDomains, verificationRecord, type EmailDomainStatus } from '@/lib/tenants/email-domains';
import { checkDomainAction, saveDomainsAction } from './actions';
import { DomainsField } from './domains-field';

const STATUS = {
  record_missing: 'domains.statusRecord_missing',
  wrong_value: 'domains.statusWrong_value',
  dns_error: 'domains.statusDns_error',
  taken: 'domains.statusTaken',
} as const;

/**
 * Step 5: the email domains that send people typing a work email at /login to this organization's Okta. Each
 * routes only once verified by its DNS TXT record (`_oin-saas-verification.<domain>`); the step may be left
 * for later, and says what that means.
 */
export async function DomainsStep({ o, title }: { o: Onboarding; title: string }) {
  const t = await getTranslations('onboarding');
  const tenant = o.tenant!;
  const domains = await listEmailDomains(tenant.id);
  const token = tenant.domainVerificationToken;
  const name = o.displayName ?? '';
  const statusOf = (d: EmailDomainStatus) =>
    d.verified
      ? t(d.verifiedBy === 'operator' ? 'domains.statusVerifiedOperator' : 'domains.statusVerifiedDns')
      : d.lastCheckCode && d.lastCheckCode in STATUS ? t(STATUS[d.lastCheckCode as keyof typeof STATUS]) : t('domains.statusNew');
  const allVerified = domains.length > 0 && domains.every((d) => d.verified);
  return (
    <div className="space-y-6">
      <Card title={title} testId="domains-step">
        <p className="text-fg">{t('domains.intro', { name })}</p>
        <ActionForm action={saveDomainsAction} submitLabel={t('domains.save')}>
          <DomainsField label={t('domains.field')} hint={t('domains.fieldHint')} defaultValue={domains.map((d) => d.domain).join('\n')} />
        </ActionForm>
      </Card>
      {domains.map((d) => {
        const record = token ? verificationRecord(d.domain, token) : null;
        return (
          <Card key={d.domain} title={d.domain} testId={`domain-${d.domain}`}>
            <p className="text-sm">
              {t('domains.status')} <b data-testid="domain-status">{statusOf(d)}</b>
            </p>
            {!d.verified && record ? (
              <>
                <p className="text-sm text-fg">{t('domains.createRecord', { domain: d.domain })}</p>
                <CopyValue label={t('domains.recordName')} value={record.name} testId="txt-name" />
                <CopyValue label={t('domains.recordType')} value={record.type} testId="txt-type" />
                <CopyValue label={t('domains.recordValue')} value={record.value} testId="txt-value" />
              </>
            ) : null}
            {!d.verified ? (
              <ActionForm action={checkDomainAction} submitLabel={t('domains.checkNow')} variant="secondary">
                <input type="hidden" name="domain" value={d.domain} />
              </ActionForm>
            ) : null}
          </Card>
        );
      })}
      <Card>
        {allVerified ? null : <p className="text-fg" data-testid="domains-later">{t('domains.laterNote', { name })}</p>}
        <Link href="/onboarding?step=activate" className="inline-block rounded-lg bg-accent px-4 py-2 font-medium text-on-accent hover:bg-accent-hover">
          {allVerified ? t('domains.continue') : t('domains.later')}
        </Link>
      </Card>
    </div>
  );
}

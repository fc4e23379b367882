import type { Metadata } from 'next';
import { getTranslations } from '@/lib/i18n/server';
import { ActionForm } from '@/app/_components/action-form';
import { CopyValue } from '@/app/_components/copy-button';
import { Card } from '@/app/_components/fields';
import { requireTenantPage } from '@/lib/auth/tenant-guard';
import { listEmailDomains, verificationRecord, type EmailDomainStatus } from '@/lib/tenants/email-domains';
import { checkDomainAction, updateDomainsAction } from '../actions';
import { TextAreaField } from '../_components/form-fields';
import { LocalTime } from '../_components/local-time';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('adminDomains'))('title') };
}

type T = Awaited<ReturnType<typeof getTranslations<'adminDomains'>>>;
const LAST_CHECKS = ['record_missing', 'wrong_value', 'dns_error', 'taken'] as const;

function statusOf(t: T, d: EmailDomainStatus): string {
  if (d.verified) return d.verifiedBy === 'operator' ? t('verifiedOperator') : t('verifiedDns');
  const code = LAST_CHECKS.find((c) => c === d.lastCheckCode);
  if (code) return t('notVerifiedBecause', { reason: t(`lastCheck.${code}`) });
  return d.lastCheckCode ? t('notVerifiedBecause', { reason: d.lastCheckCode }) : t('notVerifiedYet');
}

/** The tenant's email domains: what each routes, the DNS TXT record that verifies it, and its state. */
export default async function DomainsPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant } = await requireTenantPage((await params).tenant, 'admin', 'view email domains');
  const [domains, t] = await Promise.all([listEmailDomains(tenant.id), getTranslations('adminDomains')]);
  const token = tenant.domainVerificationToken;
  return (
    <>
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <Card>
        <p className="text-fg-muted">{t('intro')}</p>
        <ActionForm action={updateDomainsAction.bind(null, tenant.slug)} submitLabel={t('save')}>
          <TextAreaField label={t('domainsLabel')} name="domains" rows={5} defaultValue={tenant.emailDomains.join('\n')} mono />
        </ActionForm>
      </Card>
      {domains.length === 0 ? <p className="rounded-xl border border-line bg-surface p-6 text-fg-muted" data-testid="no-domains">{t('empty')}</p> : null}
      {domains.map((d) => {
        const record = token ? verificationRecord(d.domain, token) : null;
        return (
          <Card key={d.domain} title={d.domain} testId={`domain-${d.domain}`}>
            <p className="text-sm">
              {t('status')} <b data-testid="domain-status">{statusOf(t, d)}</b>
              {d.lastCheckedAt ? <span className="text-fg-muted"> · {t('lastChecked')} <LocalTime value={d.lastCheckedAt} /></span> : null}
            </p>
            {!d.verified && record ? (
              <>
                <p className="text-sm text-fg-muted">{t('createRecord', { domain: d.domain })}</p>
                <CopyValue label={t('recordName')} value={record.name} testId="txt-name" />
                <CopyValue label={t('recordType')} value={record.type} />
                <CopyValue label={t('recordValue')} value={record.value} testId="txt-value" />
              </>
            ) : null}
            {d.verifiedBy !== 'operator' ? (
              <ActionForm action={checkDomainAction.bind(null, tenant.slug)} submitLabel={d.verified ? t('checkAgain') : t('checkNow')} variant="secondary">
                <input type="hidden" name="domain" value={d.domain} />
              </ActionForm>
            ) : null}
          </Card>
        );
      })}
    </>
  );
}

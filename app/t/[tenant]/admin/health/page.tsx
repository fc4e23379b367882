import type { Metadata } from 'next';
import { getLocale } from 'next-intl/server';
import { getTranslations } from '@/lib/i18n/server';
import { ActionForm } from '@/app/_components/action-form';
import { Card } from '@/app/_components/fields';
import { requireTenantPage } from '@/lib/auth/tenant-guard';
import { getConnectionHealth } from '@/lib/admin/connection-health';
import { describeConnectionFailure, hasConnectionFailureText, type ConnectionCheckCode } from '@/lib/onboarding/discovery-messages';
import { recheckConnectionAction } from '../actions';
import { dataTable as dt } from '../_components/data-table';
import { LocalTime } from '../_components/local-time';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('adminHealth'))('title') };
}

export default async function HealthPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant } = await requireTenantPage((await params).tenant, 'admin', 'view connection health');
  const [h, t, ta, locale] = await Promise.all([getConnectionHealth(tenant), getTranslations('adminHealth'), getTranslations('admin'), getLocale()]);
  // Discovery/JWKS failures in the admin's language, with the same texts as the onboarding wizard (catalogue `discovery`).
  const failure = (code: string) => describeConnectionFailure(code as ConnectionCheckCode, {}, locale);
  const when = (v: number | Date | null | undefined) => (v ? <LocalTime value={new Date(v)} /> : ta('never'));
  return (
    <>
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <Card title={t('okta')}>
        <dl className="grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[14rem_1fr]" data-testid="health">
          <dt className="text-fg-muted">{t('lastCheck')}</dt>
          <dd>{when(h.lastCheckAt)} — {h.lastCheckAt ? (h.lastCheckCode ? <span data-testid="last-check-failure">{failure(h.lastCheckCode)}</span> : t('passed')) : ta('none')}</dd>
          <dt className="text-fg-muted">{t('discovery')}</dt><dd>{when(h.cache?.metadataFetchedAt)}</dd>
          <dt className="text-fg-muted">{t('jwks')}</dt><dd>{when(h.cache?.jwksFetchedAt)} {h.cache ? `· ${t('keys', { count: h.cache.keyCount })}` : ''}</dd>
          <dt className="text-fg-muted">{t('lastError')}</dt><dd>{h.cache?.lastError ? (
            <span data-testid="last-error">
              {hasConnectionFailureText(h.cache.lastError.code) ? <>{failure(h.cache.lastError.code)} </> : null}
              <code>{h.cache.lastError.code}</code> · {when(h.cache.lastError.at)}
            </span>
          ) : t('noError')}</dd>
          <dt className="text-fg-muted">{t('signIns')}</dt><dd>{t('signInCounts', { ok: h.successesLast24h, failed: h.failuresLast24h })}</dd>
        </dl>
        <ActionForm action={recheckConnectionAction.bind(null, tenant.slug)} submitLabel={t('checkNow')} variant="secondary" />
      </Card>
      <Card title={t('recentFailures')}>
        {h.recentFailures.length === 0 ? <p className="text-fg-muted" data-testid="no-failures">{t('noFailures')}</p> : (
          <table className={dt.table} data-testid="recent-failures">
            <caption className="sr-only">{t('recentFailures')}</caption>
            <thead className={dt.thead}>
              <tr className="border-b border-line">
                <th scope="col" className={dt.th}>{t('when')}</th>
                <th scope="col" className={dt.th}>{t('code')}</th>
                <th scope="col" className={dt.th}>{t('flow')}</th>
                <th scope="col" className={dt.th}>{t('requestId')}</th>
              </tr>
            </thead>
            <tbody className={dt.tbody}>
              {h.recentFailures.map((f, i) => (
                <tr key={i} className={dt.tr}>
                  <td className={dt.td} data-label={t('when')}>{when(f.at)}</td>
                  <td className={dt.td} data-label={t('code')}><code>{f.code}</code></td>
                  <td className={dt.td} data-label={t('flow')}>{f.flow ?? ta('none')}</td>
                  <td className={`${dt.td} font-mono text-xs`} data-label={t('requestId')}>{f.requestId}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
    </>
  );
}

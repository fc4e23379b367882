import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from '@/lib/i18n/server';
import { requireTenantPage } from '@/lib/auth/tenant-guard';
import { getConsentStats } from '@/lib/consent/get-consent-stats';
import { dataTable as dt } from '../_components/data-table';
import { LocalTime } from '../_components/local-time';
import { saveConsentSettingsAction } from './actions';
import { publishConsentVersionFormAction } from './publish-action';
import { PublishVersionForm } from './publish-version-form';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('adminConsent'))('title') };
}

type Props = { params: Promise<{ tenant: string }>; searchParams: Promise<{ saved?: string; error?: string }> };

const columns = ['version', 'title', 'published', 'reconsent', 'granted', 'declined', 'pending'] as const;
const input = 'mt-1 w-full rounded-lg border border-control px-3 py-2';

/** Tenant admins: the consent policy, its versions with granted/declined/pending counts, and the evidence export. */
export default async function ConsentAdminPage({ params, searchParams }: Props) {
  const { tenant: slug } = await params;
  const { saved, error } = await searchParams;
  const { tenant } = await requireTenantPage(slug, 'admin', 'view consent admin');
  const [{ policy, versions }, t, ta] = await Promise.all([getConsentStats(tenant.id), getTranslations('adminConsent'), getTranslations('admin')]);
  const current = policy.current;
  return (
    <section className="space-y-8">
      <div>
        <h1 className="text-2xl font-bold">{t('heading')}</h1>
        <p className="mt-1 text-fg-muted">{t('intro')}</p>
        {saved && <p className="mt-3 rounded-lg bg-success-soft px-4 py-2 text-success" role="status">{t('settings.saved')}</p>}
        {error && <p className="mt-3 rounded-lg bg-danger-soft px-4 py-2 text-danger" role="alert">{t('settings.notSaved', { error: error.slice(0, 200) })}</p>}
      </div>

      <form action={saveConsentSettingsAction} className="space-y-4 rounded-xl border border-line bg-surface p-6">
        <h2 className="text-lg font-semibold">{t('settings.heading')}</h2>
        <input type="hidden" name="slug" value={tenant.slug} />
        <label className="flex items-center gap-2">
          <input type="checkbox" name="required" defaultChecked={policy.required} /> {t('settings.required')}
        </label>
        {policy.required && !current && <p className="text-sm text-warning">{t('settings.publishFirst')}</p>}
        <label className="block">{t('settings.supportContact')}
          <input name="supportContact" defaultValue={policy.supportContact ?? ''} className={input} />
        </label>
        <p className="text-sm text-fg-muted">
          {t('settings.brandingBefore')}{' '}
          <Link href={`/t/${tenant.slug}/admin/branding`} className="text-accent underline">{t('settings.brandingLink')}</Link>.
        </p>
        <button type="submit" className="rounded-lg bg-accent px-4 py-2 font-medium text-on-accent">{t('settings.save')}</button>
      </form>

      <section className="space-y-4 rounded-xl border border-line bg-surface p-6">
        <h2 className="text-lg font-semibold">{current ? t('publishNext', { version: current.version + 1 }) : t('publishFirst')}</h2>
        <p className="text-sm text-fg-muted">{t('versionsNeverEdited')}</p>
        <PublishVersionForm action={publishConsentVersionFormAction.bind(null, tenant.slug)} nextVersion={(current?.version ?? 0) + 1}
          current={current ? { title: current.title, bodyMarkdown: current.bodyMarkdown, scopes: [...current.scopes] } : null} tenantScopes={[...tenant.scopes]} />
      </section>

      <div className="rounded-xl border border-line bg-surface p-6">
        <div className="flex flex-wrap items-center justify-between gap-4">
          <h2 className="text-lg font-semibold">{t('versions')}</h2>
          <div className="flex flex-wrap gap-3 text-sm">
            <a className="text-accent underline" href={`/t/${tenant.slug}/admin/consent/export?format=csv`}>{t('exportCsv')}</a>
            <a className="text-accent underline" href={`/t/${tenant.slug}/admin/consent/export?format=json`}>{t('exportJson')}</a>
          </div>
        </div>
        {versions.length === 0 ? (
          <p className="mt-2 text-fg-muted" data-testid="consent-versions-empty">{t('noVersions')}</p>
        ) : (
          <table className={`mt-4 ${dt.table}`} data-testid="consent-stats">
            <caption className="sr-only">{t('versions')}</caption>
            <thead className={dt.thead}>
              <tr className="border-b border-line">
                {columns.map((c) => <th key={c} scope="col" className={dt.th}>{t(`column.${c}`)}</th>)}
              </tr>
            </thead>
            <tbody className={dt.tbody}>
              {versions.map((v) => (
                <tr key={v.version} className={dt.tr} data-testid={`consent-version-${v.version}`}>
                  <td className={dt.td} data-label={t('column.version')}>{v.version}</td>
                  <td className={dt.td} data-label={t('column.title')}>{v.title}</td>
                  <td className={dt.td} data-label={t('column.published')}><LocalTime value={v.publishedAt} /></td>
                  <td className={dt.td} data-label={t('column.reconsent')}>{v.requireReconsent ? ta('yes') : ta('no')}</td>
                  <td className={dt.td} data-label={t('column.granted')}><span data-testid="granted">{v.granted}</span></td>
                  <td className={dt.td} data-label={t('column.declined')}><span data-testid="declined">{v.declined}</span></td>
                  <td className={dt.td} data-label={t('column.pending')}><span data-testid="pending">{v.pending ?? ta('none')}</span></td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
}

import type { Metadata } from 'next';
import { getTranslations } from '@/lib/i18n/server';
import { ActionForm } from '@/app/_components/action-form';
import { requireTenantPage } from '@/lib/auth/tenant-guard';
import { getTenantRateLimits } from '@/lib/rate-limit/get-tenant-rate-limits';
import { dataTable as dt } from '../_components/data-table';
import { NumberField } from '../_components/form-fields';
import { LocalTime } from '../_components/local-time';
import { saveTenantRateLimitAction } from './actions';
import { policyName } from './policy-name';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('adminRateLimits'))('title') };
}

/** Tenant admins: their sign-in limits (own value within the operator's ceiling, current use) and Okta's last figures. */
export default async function RateLimitsAdminPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant } = await requireTenantPage((await params).tenant, 'admin', 'view rate limits');
  const [{ policies, okta }, t] = await Promise.all([getTenantRateLimits(tenant), getTranslations('adminRateLimits')]);
  const save = saveTenantRateLimitAction.bind(null, tenant.slug);
  return (
    <>
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="text-fg-muted">{t('intro')}</p>
      <ul className="space-y-4" data-testid="policies">
        {policies.map((p) => {
          const name = policyName(t, p.name);
          return (
            <li key={p.name} className="space-y-3 rounded-xl border border-line bg-surface p-4" data-policy={p.name}>
              <div>
                <h2 className="font-semibold">{name}</h2>
                <div className="font-mono text-xs text-fg-muted">{p.name}</div>
              </div>
              <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-3">
                <div><dt className="text-fg-muted">{t('inForce')}</dt><dd>{t('perWindow', { limit: p.limit, seconds: p.windowSeconds })}</dd></div>
                <div><dt className="text-fg-muted">{t('usedNow')}</dt><dd data-testid="used">{t('used', { used: p.used, seconds: p.resetSeconds })}</dd></div>
                <div><dt className="text-fg-muted">{t('defaultCeiling')}</dt><dd>{p.defaultLimit} / {p.ceiling}</dd></div>
              </dl>
              <ActionForm action={save} submitLabel={t('save')} className="space-y-2">
                <input type="hidden" name="policy" value={p.name} />
                <NumberField label={t('yourLimit', { name })} name="limit" defaultValue={p.own} placeholder={String(p.defaultLimit)} min={1} max={p.ceiling} />
                <p className="text-xs text-fg-muted">{t('emptyForDefault', { limit: p.defaultLimit })}</p>
              </ActionForm>
            </li>
          );
        })}
      </ul>
      {policies.length === 0 ? <p className="text-fg-muted">{t('noPolicies')}</p> : null}

      <section className="space-y-2">
        <h2 className="text-lg font-semibold">{t('oktaTitle')}</h2>
        <p className="text-sm text-fg-muted">{t('oktaIntro')}</p>
        {okta.length === 0 ? (
          <p className="rounded-xl border border-line bg-surface p-4 text-sm text-fg-muted" data-testid="okta-none">{t('oktaNone')}</p>
        ) : (
          <table className={dt.table} data-testid="okta-limits">
            <caption className="sr-only">{t('oktaTitle')}</caption>
            <thead className={dt.thead}>
              <tr className="border-b border-line">
                <th scope="col" className={dt.th}>{t('endpoint')}</th>
                <th scope="col" className={dt.th}>{t('remaining')}</th>
                <th scope="col" className={dt.th}>{t('resets')}</th>
                <th scope="col" className={dt.th}>{t('status')}</th>
                <th scope="col" className={dt.th}>{t('seen')}</th>
              </tr>
            </thead>
            <tbody className={dt.tbody}>
              {okta.map((o) => (
                <tr key={o.endpoint} className={dt.tr}>
                  <td className={`${dt.td} font-mono`} data-label={t('endpoint')}>/oauth2/v1/{o.endpoint}</td>
                  <td className={dt.td} data-label={t('remaining')}>{o.remaining} / {o.limit}</td>
                  <td className={dt.td} data-label={t('resets')}><LocalTime value={o.resetAt} /></td>
                  <td className={dt.td} data-label={t('status')}>{o.paused && o.pausedUntil ? <span>{t('pausedUntil')} <LocalTime value={o.pausedUntil} /></span> : t('ok')}</td>
                  <td className={dt.td} data-label={t('seen')}><LocalTime value={o.seenAt} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}

import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from '@/lib/i18n/server';
import { requireTenantPage } from '@/lib/auth/tenant-guard';
import { AUDIT_EVENT_TYPES } from '@/lib/audit/audit-event-types';
import { AUDIT_EXPORT_MAX } from '@/lib/admin/export-audit-events';
import { formatAuditDetails } from '@/lib/admin/format-audit-details';
import { auditQuerySchema, queryAuditEvents, type AuditQuery } from '@/lib/admin/query-audit-events';
import { dataTable as dt } from '../_components/data-table';
import { LocalTime } from '../_components/local-time';
import { eventName } from './event-name';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('adminAudit'))('title') };
}

type Props = { params: Promise<{ tenant: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const field = 'mt-1 block w-full rounded-lg border border-control bg-surface px-3 py-2';

/** The filters of a query as URL parameters (for paging and the CSV export). */
function filterParams(query: AuditQuery, page?: number): URLSearchParams {
  const q = new URLSearchParams();
  for (const key of ['type', 'actor', 'from', 'to'] as const) if (query[key]) q.set(key, query[key]);
  if (page) q.set('page', String(page));
  return q;
}

/** Who did what, when and from where, for this organization only: filter by event, actor and day, paged, exported as CSV. */
export default async function AuditPage({ params, searchParams }: Props) {
  const { tenant } = await requireTenantPage((await params).tenant, 'admin', 'view audit log');
  const query = auditQuerySchema.parse(await searchParams);
  const [{ entries, hasMore }, t, ta] = await Promise.all([queryAuditEvents(tenant.id, query), getTranslations('adminAudit'), getTranslations('admin')]);
  const base = `/t/${tenant.slug}/admin/audit`;
  const filtered = Boolean(query.type || query.actor || query.from || query.to);
  const types = [...AUDIT_EVENT_TYPES].map((type) => ({ type, name: eventName(t, type) })).sort((a, b) => a.name.localeCompare(b.name));
  return (
    <>
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="text-fg-muted">{t('intro')}</p>
      <form method="get" aria-label={t('filters')} className="grid gap-3 rounded-xl border border-line bg-surface p-4 sm:grid-cols-2 lg:grid-cols-4" data-testid="audit-filters">
        <label className="block text-sm font-medium">{t('type')}
          <select name="type" defaultValue={query.type ?? ''} className={field}>
            <option value="">{t('allTypes')}</option>
            {types.map(({ type, name }) => <option key={type} value={type}>{name}</option>)}
          </select>
        </label>
        <label className="block text-sm font-medium">{t('actor')}
          <input type="search" name="actor" defaultValue={query.actor ?? ''} maxLength={200} placeholder={t('actorPlaceholder')} className={field} />
        </label>
        <label className="block text-sm font-medium">{t('from')}
          <input type="date" name="from" defaultValue={query.from} className={field} />
        </label>
        <label className="block text-sm font-medium">{t('to')}
          <input type="date" name="to" defaultValue={query.to} className={field} />
        </label>
        <div className="flex flex-wrap items-center gap-4 sm:col-span-2 lg:col-span-4">
          <button type="submit" className="rounded-lg bg-accent px-4 py-2 font-medium text-on-accent hover:bg-accent-hover">{t('filter')}</button>
          {filtered ? <Link href={base} className="text-sm text-accent underline">{t('clearFilters')}</Link> : null}
          <a href={`${base}/export?${filterParams(query)}`} className="text-sm text-accent underline" data-testid="audit-export" aria-describedby="audit-export-hint">{t('export')}</a>
          <span id="audit-export-hint" className="text-xs text-fg-muted">{t('exportHint', { max: AUDIT_EXPORT_MAX })}</span>
        </div>
      </form>
      {entries.length === 0 ? (
        <p className="rounded-xl border border-line bg-surface p-6 text-fg-muted" data-testid="audit-empty">{filtered || query.page > 1 ? t('emptyFiltered') : t('empty')}</p>
      ) : (
        <table className={dt.table} data-testid="audit-log">
          <caption className="sr-only">{t('title')}</caption>
          <thead className={dt.thead}>
            <tr className="border-b border-line">
              <th scope="col" className={dt.th}>{t('when')}</th>
              <th scope="col" className={dt.th}>{t('what')}</th>
              <th scope="col" className={dt.th}>{t('who')}</th>
              <th scope="col" className={dt.th}>{t('where')}</th>
              <th scope="col" className={dt.th}>{t('details')}</th>
            </tr>
          </thead>
          <tbody className={dt.tbody}>
            {entries.map((e) => {
              const lines = formatAuditDetails(e.details);
              return (
                <tr key={e.id} className={dt.tr} data-testid="audit-entry">
                  <td className={dt.td} data-label={t('when')}><LocalTime value={e.at} /></td>
                  <td className={dt.td} data-label={t('what')}>
                    <div className="min-w-0">
                      <div className="font-medium" data-testid="audit-event">{eventName(t, e.type)}</div>
                      {e.code ? <div className="text-xs text-danger">{t('code', { code: e.code })}</div> : null}
                    </div>
                  </td>
                  <td className={dt.td} data-label={t('who')}><span data-testid="audit-actor">{e.actor ?? t('system')}</span></td>
                  <td className={dt.td} data-label={t('where')}>
                    <div className="min-w-0 text-xs">
                      <div>{e.ip ?? ta('none')}</div>
                      {e.userAgent ? <div className="max-w-[14rem] truncate text-fg-muted" title={e.userAgent}>{e.userAgent}</div> : null}
                    </div>
                  </td>
                  <td className={dt.td} data-label={t('details')}>
                    {lines.length === 0 ? <span className="text-fg-muted">{t('noDetails')}</span> : (
                      <details className="min-w-0">
                        <summary className="cursor-pointer text-xs text-accent">{t('showDetails')}</summary>
                        <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-xs">
                          {lines.map((l) => (
                            <div key={l.key} className="contents">
                              <dt className="font-medium text-fg-muted">{l.key}</dt>
                              <dd className="min-w-0 [overflow-wrap:anywhere]">{l.value}</dd>
                            </div>
                          ))}
                        </dl>
                      </details>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {query.page > 1 || hasMore ? (
        <nav aria-label={ta('pagination')} className="flex flex-wrap items-center gap-4 text-sm" data-testid="audit-pager">
          {query.page > 1 ? <Link href={`${base}?${filterParams(query, query.page - 1)}`} rel="prev" className="text-accent underline">{t('newer')}</Link> : null}
          <span className="text-fg-muted">{t('pageN', { page: query.page })}</span>
          {hasMore ? <Link href={`${base}?${filterParams(query, query.page + 1)}`} rel="next" className="text-accent underline">{t('older')}</Link> : null}
        </nav>
      ) : null}
    </>
  );
}

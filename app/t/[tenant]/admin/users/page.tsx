import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from '@/lib/i18n/server';
import { requireTenantPage } from '@/lib/auth/tenant-guard';
import { searchUsers, usersQuerySchema } from '@/lib/admin/search-users';
import { setUserStatusAction } from '../actions';
import { ConfirmActionForm } from '@/app/_components/confirm-action-form';
import { dataTable as dt } from '../_components/data-table';
import { LocalTime } from '../_components/local-time';
import { Pager } from '../_components/pager';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('adminUsers'))('title') };
}

type Props = { params: Promise<{ tenant: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Users are created just in time at their first sign-in; admins search them, page through them, deactivate and reactivate them. */
export default async function UsersPage({ params, searchParams }: Props) {
  const { tenant, session } = await requireTenantPage((await params).tenant, 'admin', 'view users');
  const query = usersQuerySchema.parse(await searchParams);
  const [{ users, total, page, pageCount, pageSize }, t, ta] = await Promise.all([
    searchUsers(tenant.id, query),
    getTranslations('adminUsers'),
    getTranslations('admin'),
  ]);
  const base = `/t/${tenant.slug}/admin/users`;
  const href = (p: number) => `${base}?${new URLSearchParams({ ...(query.q ? { q: query.q } : {}), page: String(p) })}`;
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  return (
    <>
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="text-fg-muted">{t('intro')}</p>
      <form method="get" role="search" className="flex flex-wrap items-end gap-3">
        <label className="block min-w-0 flex-1">
          <span className="text-sm font-medium">{t('searchLabel')}</span>
          <input type="search" name="q" defaultValue={query.q ?? ''} maxLength={200} placeholder={t('searchPlaceholder')}
            className="mt-1 block w-full rounded-lg border border-control bg-surface px-3 py-2" />
        </label>
        <button type="submit" className="rounded-lg border border-control bg-surface px-4 py-2 font-medium hover:bg-surface-muted">{t('search')}</button>
        {query.q ? <Link href={base} className="py-2 text-sm text-accent underline">{t('clearSearch')}</Link> : null}
      </form>
      <p className="text-sm text-fg-muted" data-testid="users-count">
        {query.q ? t('countSearch', { from, to, total, q: query.q }) : t('count', { from, to, total })}
        {pageCount > 1 ? ` · ${t('pageOf', { page, pageCount })}` : ''}
      </p>
      {users.length === 0 ? (
        <p className="rounded-xl border border-line bg-surface p-6 text-fg-muted" data-testid="users-empty">
          {query.q ? t('emptySearch', { q: query.q }) : t('empty')}
        </p>
      ) : (
        <table className={dt.table} data-testid="users">
          <caption className="sr-only">{t('title')}</caption>
          <thead className={dt.thead}>
            <tr className="border-b border-line">
              <th scope="col" className={dt.th}>{t('person')}</th>
              <th scope="col" className={dt.th}>{t('role')}</th>
              <th scope="col" className={dt.th}>{t('status')}</th>
              <th scope="col" className={dt.th}>{t('lastSignIn')}</th>
              <th scope="col" className={dt.th}><span className="sr-only">{ta('actions')}</span></th>
            </tr>
          </thead>
          <tbody className={dt.tbody}>
            {users.map((u) => {
              const who = u.email ?? u.sub;
              return (
                <tr key={u.id} className={dt.tr} data-testid={`user-${who}`}>
                  <td className={dt.td} data-label={t('person')}>
                    <div className="min-w-0">
                      <div className="font-medium">{u.name ?? who}</div>
                      <div className="text-xs text-fg-muted">{who}</div>
                    </div>
                  </td>
                  <td className={dt.td} data-label={t('role')}>{ta(`role.${u.role}`)}</td>
                  <td className={dt.td} data-label={t('status')}>
                    <span className={u.status === 'active' ? 'text-success' : 'text-danger'} data-testid="user-status">{ta(`status.${u.status}`)}</span>
                  </td>
                  <td className={dt.td} data-label={t('lastSignIn')}>{u.lastLoginAt ? <LocalTime value={u.lastLoginAt} /> : ta('never')}</td>
                  <td className={dt.td} data-label={ta('actions')}>
                    {u.id === session.user.id ? <span className="text-xs text-fg-muted">{ta('you')}</span> : (
                      <ConfirmActionForm action={setUserStatusAction.bind(null, tenant.slug)} className="flex items-center gap-2"
                        submitLabel={u.status === 'active' ? t('deactivate') : t('reactivate')} variant={u.status === 'active' ? 'danger' : 'secondary'}
                        confirmation={u.status === 'active'
                          ? { title: t('confirmDeactivateTitle', { user: who }), body: t('confirmDeactivateBody', { user: who }), confirmLabel: t('confirmDeactivate', { user: who }) }
                          : undefined}>
                        <input type="hidden" name="userId" value={u.id} />
                        <input type="hidden" name="status" value={u.status === 'active' ? 'deactivated' : 'active'} />
                      </ConfirmActionForm>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <Pager href={href} page={page} hasPrevious={page > 1} hasNext={page < pageCount} testId="users-pager" />
    </>
  );
}

import type { Metadata } from 'next';
import Link from 'next/link';
import { requireTenantPage } from '@/lib/auth/tenant-guard';
import { AUDIT_EVENT_TYPES } from '@/lib/audit/audit-event-types';
import { auditQuerySchema, queryAuditEvents } from '@/lib/admin/query-audit-events';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Audit log' };

type Props = { params: Promise<{ tenant: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Who did what, when and from where, for this organization only: filter by type and date, paged. */
export default async function AuditPage({ params, searchParams }: Props) {
  const { tenant } = await requireTenantPage((await params).tenant, 'admin', 'view audit log');
  const query = auditQuerySchema.parse(await searchParams);
  const { entries, hasMore } = await queryAuditEvents(tenant.id, query);
  const link = (page: number) => {
    const q = new URLSearchParams();
    if (query.type) q.set('type', query.type);
    if (query.from) q.set('from', query.from);
    if (query.to) q.set('to', query.to);
    q.set('page', String(page));
    return `/t/${tenant.slug}/admin/audit?${q}`;
  };
  return (
    <>
      <h1 className="text-2xl font-bold">Audit log</h1>
      <form method="get" className="flex flex-wrap items-end gap-3 text-sm">
        <label>Type<select name="type" defaultValue={query.type ?? ''} className="ml-2 rounded border border-control px-2 py-1">
          <option value="">all</option>
          {AUDIT_EVENT_TYPES.map((t) => <option key={t} value={t}>{t}</option>)}
        </select></label>
        <label>From<input type="date" name="from" defaultValue={query.from} className="ml-2 rounded border border-control px-2 py-1" /></label>
        <label>To<input type="date" name="to" defaultValue={query.to} className="ml-2 rounded border border-control px-2 py-1" /></label>
        <button type="submit" className="rounded-lg border border-control bg-surface px-3 py-1">Filter</button>
      </form>
      <table className="w-full text-sm" data-testid="audit-log">
        <thead><tr className="border-b text-left"><th className="py-2">When (UTC)</th><th>What</th><th>Who</th><th>From</th><th>Details</th></tr></thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id} className="border-b align-top">
              <td className="py-1 whitespace-nowrap">{e.at.toISOString().slice(0, 19).replace('T', ' ')}</td>
              <td><code>{e.type}</code>{e.code ? <div className="text-xs text-danger">{e.code}</div> : null}</td>
              <td>{e.actor ?? '—'}</td>
              <td className="text-xs">{e.ip ?? '—'}<div className="max-w-[12rem] truncate text-fg-muted" title={e.userAgent ?? ''}>{e.userAgent}</div></td>
              <td><details><summary className="cursor-pointer text-xs text-accent">show</summary><pre className="max-w-md overflow-x-auto text-xs">{JSON.stringify(e.details, null, 2)}</pre></details></td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="flex gap-3 text-sm">
        {query.page > 1 ? <Link href={link(query.page - 1)} className="text-accent underline">← Newer</Link> : null}
        {hasMore ? <Link href={link(query.page + 1)} className="text-accent underline">Older →</Link> : null}
      </div>
    </>
  );
}

import type { Metadata } from 'next';
import { ActionForm } from '@/app/_components/action-form';
import { Card } from '@/app/_components/fields';
import { requireTenantPage } from '@/lib/auth/tenant-guard';
import { getConnectionHealth } from '@/lib/admin/connection-health';
import { describeConnectionFailure, type ConnectionCheckCode } from '@/lib/onboarding/discovery-messages';
import { recheckConnectionAction } from '../actions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Connection health' };

const when = (ms: number | Date | null | undefined) => (ms ? new Date(ms).toISOString().slice(0, 19).replace('T', ' ') + ' UTC' : 'never');

export default async function HealthPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant } = await requireTenantPage((await params).tenant, 'admin', 'view connection health');
  const h = await getConnectionHealth(tenant);
  return (
    <>
      <h1 className="text-2xl font-bold">Connection health</h1>
      <Card title="Okta connection">
        <dl className="grid grid-cols-[14rem_1fr] gap-2 text-sm" data-testid="health">
          <dt className="text-fg-muted">Last connection check</dt>
          <dd>{when(h.lastCheckAt)} — {h.lastCheckAt ? (h.lastCheckCode ? describeConnectionFailure(h.lastCheckCode as ConnectionCheckCode) : 'passed') : '—'}</dd>
          <dt className="text-fg-muted">Discovery fetched (this server)</dt><dd>{when(h.cache?.metadataFetchedAt)}</dd>
          <dt className="text-fg-muted">JWKS fetched (this server)</dt><dd>{when(h.cache?.jwksFetchedAt)} {h.cache ? `· ${h.cache.keyCount} key(s)` : ''}</dd>
          <dt className="text-fg-muted">Last fetch error</dt><dd>{h.cache?.lastError ? `${h.cache.lastError.code} at ${when(h.cache.lastError.at)}` : 'none'}</dd>
          <dt className="text-fg-muted">Sign-ins, last 24 h</dt><dd>{h.successesLast24h} succeeded · {h.failuresLast24h} failed</dd>
        </dl>
        <ActionForm action={recheckConnectionAction.bind(null, tenant.slug)} submitLabel="Check now" variant="secondary" />
      </Card>
      <Card title="Recent sign-in failures">
        {h.recentFailures.length === 0 ? <p className="text-fg-muted">None.</p> : (
          <table className="w-full text-sm" data-testid="recent-failures">
            <thead><tr className="border-b text-left"><th className="py-1">When</th><th>Code</th><th>Flow</th><th>Request id</th></tr></thead>
            <tbody>
              {h.recentFailures.map((f, i) => (
                <tr key={i} className="border-b"><td className="py-1">{when(f.at)}</td><td><code>{f.code}</code></td><td>{f.flow ?? '—'}</td><td className="font-mono text-xs">{f.requestId}</td></tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
    </>
  );
}

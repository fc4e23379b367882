import type { Metadata } from 'next';
import { requireTenantPage } from '@/lib/auth/tenant-guard';
import { getTenantRateLimits } from '@/lib/rate-limit/get-tenant-rate-limits';
import { saveTenantRateLimitAction } from './actions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Rate limits' };

type Props = { params: Promise<{ tenant: string }>; searchParams: Promise<{ saved?: string; error?: string }> };

const cell = 'px-3 py-2 text-left';
const time = (d: Date) => d.toISOString().replace('T', ' ').slice(0, 19) + ' UTC';

/** Tenant admins: their sign-in limits (own value within the operator's ceiling, current use) and Okta's last figures. */
export default async function RateLimitsAdminPage({ params, searchParams }: Props) {
  const { tenant: slug } = await params;
  const { saved, error } = await searchParams;
  const { tenant } = await requireTenantPage(slug, 'admin', 'view rate limits');
  const { policies, okta } = await getTenantRateLimits(tenant);
  return (
    <section className="space-y-8">
      <div>
        <p className="text-sm font-medium uppercase tracking-wide text-accent">{tenant.displayName} · Admin</p>
        <h1 className="mt-1 text-3xl font-bold">Rate limits</h1>
        <p className="mt-1 text-fg-muted">
          Limits keep one script or misconfigured tile from slowing sign-in for your people. Set your own, up to the ceiling your
          provider allows; leave it empty for the default.
        </p>
        {saved && <p className="mt-3 rounded-lg bg-success-soft px-4 py-2 text-success" role="status">Saved.</p>}
        {error && <p className="mt-3 rounded-lg bg-danger-soft px-4 py-2 text-danger" role="alert">Not saved: {error.slice(0, 200)}</p>}
      </div>

      <div className="overflow-x-auto rounded-xl border border-line bg-surface">
        <table className="w-full text-sm" data-testid="policies">
          <thead className="bg-surface-muted text-fg-muted">
            <tr><th className={cell}>Limit</th><th className={cell}>In force</th><th className={cell}>Used now</th><th className={cell}>Default / ceiling</th><th className={cell}>Your limit</th></tr>
          </thead>
          <tbody>
            {policies.map((p) => (
              <tr key={p.name} className="border-t border-line" data-policy={p.name}>
                <td className={cell}>{p.description}<div className="font-mono text-xs text-fg-muted">{p.name}</div></td>
                <td className={cell}>{p.limit} per {p.windowSeconds} s</td>
                <td className={cell} data-testid="used">{p.used} ({p.resetSeconds} s left)</td>
                <td className={cell}>{p.defaultLimit} / {p.ceiling}</td>
                <td className={cell}>
                  <form action={saveTenantRateLimitAction} className="flex gap-2">
                    <input type="hidden" name="slug" value={tenant.slug} />
                    <input type="hidden" name="policy" value={p.name} />
                    <input name="limit" type="number" min={1} max={p.ceiling} defaultValue={p.own ?? ''} placeholder={String(p.defaultLimit)}
                      aria-label={`Your limit for ${p.description}`} className="w-28 rounded-lg border border-control px-2 py-1" />
                    <button type="submit" className="rounded-lg bg-accent px-3 py-1 font-medium text-on-accent">Save</button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <div className="space-y-2">
        <h2 className="text-lg font-semibold">Your Okta org&apos;s limits, as last seen</h2>
        <p className="text-sm text-fg-muted">
          Okta reports its own per-minute budget with every answer. After Okta says &ldquo;too many&rdquo;, this app sends nothing more to
          that endpoint until Okta&apos;s reset, and it slows down when little is left.
        </p>
        {okta.length === 0 ? (
          <p className="text-sm text-fg-muted" data-testid="okta-none">No calls to Okta seen yet.</p>
        ) : (
          <table className="w-full rounded-xl border border-line bg-surface text-sm" data-testid="okta-limits">
            <thead className="bg-surface-muted text-fg-muted">
              <tr><th className={cell}>Endpoint</th><th className={cell}>Remaining / limit</th><th className={cell}>Resets</th><th className={cell}>Status</th><th className={cell}>Seen</th></tr>
            </thead>
            <tbody>
              {okta.map((o) => (
                <tr key={o.endpoint} className="border-t border-line">
                  <td className={`${cell} font-mono`}>/oauth2/v1/{o.endpoint}</td>
                  <td className={cell}>{o.remaining} / {o.limit}</td>
                  <td className={cell}>{time(o.resetAt)}</td>
                  <td className={cell}>{o.paused && o.pausedUntil ? `Paused until ${time(o.pausedUntil)}` : 'OK'}</td>
                  <td className={cell}>{time(o.seenAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
}

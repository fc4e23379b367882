import type { Metadata } from 'next';
import Link from 'next/link';
import { requireTenantPage } from '@/lib/auth/tenant-guard';
import { SCOPE_ITEMS } from '@/lib/consent/consent-scopes';
import { getConsentStats } from '@/lib/consent/get-consent-stats';
import { publishConsentVersionAction, saveConsentSettingsAction } from './actions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Consent' };

type Props = { params: Promise<{ tenant: string }>; searchParams: Promise<{ saved?: string; error?: string }> };

const OPTIONAL_SCOPES = ['profile', 'email', 'address', 'phone'] as const;
const input = 'mt-1 w-full rounded-lg border border-control px-3 py-2';

/** Tenant admins: the consent policy, its versions with granted/declined/pending counts, and the evidence export. */
export default async function ConsentAdminPage({ params, searchParams }: Props) {
  const { tenant: slug } = await params;
  const { saved, error } = await searchParams;
  const { tenant } = await requireTenantPage(slug, 'admin', 'view consent admin');
  const { policy, versions } = await getConsentStats(tenant.id);
  const current = policy.current;
  return (
    <section className="space-y-8">
      <div>
        <p className="text-sm font-medium uppercase tracking-wide text-accent">{tenant.displayName} · Admin</p>
        <h1 className="mt-1 text-3xl font-bold">User consent</h1>
        <p className="mt-1 text-fg-muted">Okta asks no consent for OIN apps; this app asks your people itself, records each answer, and lets them withdraw it.</p>
        {saved && <p className="mt-3 rounded-lg bg-success-soft px-4 py-2 text-success" role="status">Saved.</p>}
        {error && <p className="mt-3 rounded-lg bg-danger-soft px-4 py-2 text-danger" role="alert">Not saved: {error.slice(0, 200)}</p>}
      </div>

      <form action={saveConsentSettingsAction} className="space-y-4 rounded-xl border border-line bg-surface p-6">
        <h2 className="text-lg font-semibold">Settings</h2>
        <input type="hidden" name="slug" value={tenant.slug} />
        <label className="flex items-center gap-2">
          <input type="checkbox" name="required" defaultChecked={policy.required} /> Require consent before anyone signs in
        </label>
        {policy.required && !current && <p className="text-sm text-warning">Publish a statement below: until then nobody is asked.</p>}
        <label className="block">Support contact shown to people who decline (email or https URL)
          <input name="supportContact" defaultValue={policy.supportContact ?? ''} className={input} />
        </label>
        <p className="text-sm text-fg-muted">
          The logo and accent colour of your consent pages are set under{' '}
          <Link href={`/t/${tenant.slug}/admin/branding`} className="text-accent underline">Branding</Link>.
        </p>
        <button type="submit" className="rounded-lg bg-accent px-4 py-2 font-medium text-on-accent">Save settings</button>
      </form>

      <form action={publishConsentVersionAction} className="space-y-4 rounded-xl border border-line bg-surface p-6">
        <h2 className="text-lg font-semibold">{current ? `Publish version ${current.version + 1}` : 'Publish the first statement'}</h2>
        <p className="text-sm text-fg-muted">Versions are never edited: a material change publishes a new one.</p>
        <input type="hidden" name="slug" value={tenant.slug} />
        <label className="block">Title
          <input name="title" required maxLength={120} defaultValue={current?.title ?? ''} className={input} />
        </label>
        <label className="block">Statement (Markdown: what the app receives and why; links to your terms and privacy notice)
          <textarea name="bodyMarkdown" required rows={8} maxLength={8000} defaultValue={current?.bodyMarkdown ?? ''} className={`${input} font-mono text-sm`} />
        </label>
        <fieldset>
          <legend>Data the app keeps (your account identifier always)</legend>
          {OPTIONAL_SCOPES.map((s) => (
            <label key={s} className="mr-4 inline-flex items-center gap-2">
              <input type="checkbox" name="scopes" value={s} defaultChecked={current ? current.scopes.includes(s) : tenant.scopes.includes(s)} />
              {SCOPE_ITEMS[s].label} <code className="text-xs text-fg-muted">{s}</code>
            </label>
          ))}
        </fieldset>
        <label className="flex items-center gap-2">
          <input type="checkbox" name="requireReconsent" /> Require existing users to consent again
        </label>
        <button type="submit" className="rounded-lg bg-accent px-4 py-2 font-medium text-on-accent">Publish</button>
      </form>

      <div className="rounded-xl border border-line bg-surface p-6">
        <div className="flex flex-wrap items-center justify-between gap-4">
          <h2 className="text-lg font-semibold">Versions</h2>
          <div className="space-x-3 text-sm">
            <a className="text-accent underline" href={`/t/${tenant.slug}/admin/consent/export?format=csv`}>Export grants (CSV)</a>
            <a className="text-accent underline" href={`/t/${tenant.slug}/admin/consent/export?format=json`}>Export grants (JSON)</a>
          </div>
        </div>
        {versions.length === 0 ? (
          <p className="mt-2 text-fg-muted">No statement published yet.</p>
        ) : (
          <table className="mt-4 w-full text-left text-sm" data-testid="consent-stats">
            <thead><tr className="text-fg-muted"><th>Version</th><th>Title</th><th>Published</th><th>Re-consent</th><th>Granted</th><th>Declined</th><th>Pending</th></tr></thead>
            <tbody>
              {versions.map((v) => (
                <tr key={v.version} className="border-t border-line" data-testid={`consent-version-${v.version}`}>
                  <td>{v.version}</td><td>{v.title}</td><td>{v.publishedAt.toISOString().slice(0, 10)}</td><td>{v.requireReconsent ? 'yes' : 'no'}</td>
                  <td data-testid="granted">{v.granted}</td><td data-testid="declined">{v.declined}</td><td data-testid="pending">{v.pending ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
}

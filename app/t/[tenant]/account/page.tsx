import type { Metadata } from 'next';
import Link from 'next/link';
import { requireTenantPage } from '@/lib/auth/tenant-guard';
import { SCOPE_ITEMS } from '@/lib/consent/consent-scopes';
import { listUserGrants } from '@/lib/consent/list-user-grants';
import { revokeGrantAction } from './actions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Your account' };

type Props = { params: Promise<{ tenant: string }> };

const date = (d: Date) => d.toISOString().replace('T', ' ').slice(0, 16) + ' UTC';

/** The signed-in user's account in this tenant: who they are here and the consent they gave, revocable. */
export default async function AccountPage({ params }: Props) {
  const { tenant: slug } = await params;
  const { tenant, session } = await requireTenantPage(slug, 'member', 'view account');
  const grants = await listUserGrants(tenant.id, session.user.id);
  return (
    <section className="space-y-6">
      <div>
        <p className="text-sm font-medium uppercase tracking-wide text-accent">{tenant.displayName}</p>
        <h1 className="mt-1 text-3xl font-bold">Your account</h1>
        <p className="mt-1 text-fg-muted">Signed in as {session.user.email ?? session.user.sub}.</p>
      </div>
      <div className="rounded-xl border border-line bg-surface p-6">
        <h2 className="text-lg font-semibold">Your consent</h2>
        {grants.length === 0 ? (
          <p className="mt-2 text-fg-muted" data-testid="no-grants">{tenant.displayName} does not ask for consent, or you have not given any.</p>
        ) : (
          <ul className="mt-4 divide-y divide-line" data-testid="grants">
            {grants.map((g) => (
              <li key={g.id} className="flex flex-wrap items-center justify-between gap-4 py-3" data-testid="grant">
                <div>
                  <p className="font-medium">{g.title} <span className="text-sm text-fg-muted">(version {g.version})</span></p>
                  <p className="text-sm text-fg-muted">{g.scopes.map((s) => SCOPE_ITEMS[s].label).join(' · ')}</p>
                  <p className="text-sm text-fg-muted">
                    Agreed {date(g.grantedAt)}{g.revokedAt ? ` · withdrawn ${date(g.revokedAt)}` : ''}
                  </p>
                </div>
                {g.revokedAt ? (
                  <span className="text-sm text-fg-muted" data-testid="grant-status">Withdrawn</span>
                ) : (
                  <form action={revokeGrantAction}>
                    <input type="hidden" name="slug" value={tenant.slug} />
                    <input type="hidden" name="grantId" value={g.id} />
                    <button type="submit" className="rounded-lg border border-danger bg-surface px-4 py-2 font-medium text-danger hover:bg-danger-soft">
                      Withdraw consent
                    </button>
                  </form>
                )}
              </li>
            ))}
          </ul>
        )}
        <p className="mt-4 text-sm text-fg-muted">Withdrawing signs you out of {tenant.displayName} here at once; you will be asked again the next time you sign in.</p>
      </div>
      <Link href={`/t/${tenant.slug}`} className="text-accent underline">Back to {tenant.displayName}</Link>
    </section>
  );
}

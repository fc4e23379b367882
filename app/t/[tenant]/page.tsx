import type { Metadata } from 'next';
import Link from 'next/link';
import { requireTenantPage } from '@/lib/auth/tenant-guard';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Home' };

type Props = { params: Promise<{ tenant: string }> };

const FLOW_LABEL: Record<string, string> = {
  sp: 'from this app (SP-initiated)',
  okta_redirect: 'from the Okta tile (redirect to app)',
  okta_id_token: 'from the Okta tile (ID token sent directly)',
};

/** A tenant's landing page: who is signed in and through which org. Only that tenant's sessions see it. */
export default async function TenantHome({ params }: Props) {
  const { tenant: slug } = await params;
  const { tenant, session } = await requireTenantPage(slug, 'member', 'view tenant home');
  return (
    <section className="space-y-6">
      <div>
        <p className="text-sm font-medium uppercase tracking-wide text-accent">{tenant.displayName}</p>
        <h1 className="mt-1 text-3xl font-bold" data-testid="welcome">
          Welcome, {session.user.name ?? session.user.email ?? session.user.sub}
        </h1>
      </div>
      <dl className="grid grid-cols-1 gap-x-6 gap-y-3 rounded-xl border border-line bg-surface p-6 sm:grid-cols-[12rem_1fr]">
        <dt className="text-sm text-fg-muted">Signed in as</dt>
        <dd data-testid="user-email">{session.user.email ?? '—'}</dd>
        <dt className="text-sm text-fg-muted">Subject (sub)</dt>
        <dd className="font-mono text-sm" data-testid="user-sub">{session.user.sub}</dd>
        <dt className="text-sm text-fg-muted">Organization</dt>
        <dd data-testid="tenant-name">{tenant.displayName}</dd>
        <dt className="text-sm text-fg-muted">Through Okta org</dt>
        <dd className="font-mono text-sm" data-testid="tenant-issuer">{session.tenant.issuer}</dd>
        <dt className="text-sm text-fg-muted">Signed in</dt>
        <dd data-testid="sign-in-flow">{FLOW_LABEL[session.flow] ?? session.flow}</dd>
      </dl>
      <p>
        <Link href={`/t/${tenant.slug}/account`} className="text-accent underline">Your account and consent</Link>
      </p>
      <form method="post" action="/api/auth/signout">
        <button type="submit" className="rounded-lg border border-control bg-surface px-4 py-2 font-medium hover:bg-surface-muted">
          Sign out
        </button>
      </form>
    </section>
  );
}

import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from '@/lib/i18n/server';
import { requireTenantPage } from '@/lib/auth/tenant-guard';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ tenant: string }> };

const FLOWS = ['sp', 'okta_redirect', 'okta_id_token'] as const;
const isKnownFlow = (flow: string): flow is (typeof FLOWS)[number] => (FLOWS as readonly string[]).includes(flow);

// No organization name in the title: it shows before the page authorizes (a stranger's 403 keeps it).
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('tenantHome'))('title') };
}

/** A tenant's landing page: who is signed in and through which org. Only that tenant's sessions see it. */
export default async function TenantHome({ params }: Props) {
  const { tenant: slug } = await params;
  const { tenant, session } = await requireTenantPage(slug, 'member', 'view tenant home');
  const [t, format] = await Promise.all([getTranslations('tenantHome'), getFormatter()]);
  const when = (date: Date) => (
    <time dateTime={date.toISOString()} title={`${date.toISOString().replace('T', ' ').slice(0, 16)} UTC`}>
      {format.dateTime(date, { dateStyle: 'long', timeStyle: 'short' })}
    </time>
  );
  const term = 'text-sm text-fg-muted';
  return (
    <section className="space-y-6">
      <div>
        <p className="text-sm font-medium uppercase tracking-wide text-accent">{tenant.displayName}</p>
        <h1 className="mt-1 break-words text-3xl font-bold" data-testid="welcome">
          {t('welcome', { name: session.user.name ?? session.user.email ?? session.user.sub })}
        </h1>
      </div>
      <dl className="grid grid-cols-1 gap-x-6 gap-y-1 rounded-xl border border-line bg-surface p-6 sm:grid-cols-[12rem_1fr] sm:gap-y-3">
        <dt className={term}>{t('signedInAs')}</dt>
        <dd className="mb-2 break-words sm:mb-0" data-testid="user-email">{session.user.email ?? t('none')}</dd>
        <dt className={term}>{t('subject')}</dt>
        <dd className="mb-2 break-all font-mono text-sm sm:mb-0" data-testid="user-sub">{session.user.sub}</dd>
        <dt className={term}>{t('organization')}</dt>
        <dd className="mb-2 sm:mb-0" data-testid="tenant-name">{tenant.displayName}</dd>
        <dt className={term}>{t('issuer')}</dt>
        <dd className="mb-2 break-all font-mono text-sm sm:mb-0" data-testid="tenant-issuer">{session.tenant.issuer}</dd>
        <dt className={term}>{t('flow')}</dt>
        <dd className="mb-2 sm:mb-0" data-testid="sign-in-flow">{isKnownFlow(session.flow) ? t(`flows.${session.flow}`) : t('flows.other', { flow: session.flow })}</dd>
        <dt className={term}>{t('since')}</dt>
        <dd className="mb-2 sm:mb-0" data-testid="signed-in-at">{when(session.createdAt)}</dd>
        <dt className={term}>{t('expires')}</dt>
        <dd data-testid="session-expires">{when(session.expiresAt)}</dd>
      </dl>
      <div className="flex flex-wrap items-center gap-4">
        <Link href={`/t/${tenant.slug}/account`} className="text-accent underline">{t('account')}</Link>
        <form method="post" action="/api/auth/signout">
          <button type="submit" className="rounded-lg border border-control bg-surface px-4 py-2 font-medium hover:bg-surface-muted">
            {t('signOut')}
          </button>
        </form>
      </div>
    </section>
  );
}

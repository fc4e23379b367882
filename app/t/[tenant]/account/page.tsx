import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from '@/lib/i18n/server';
import { ConfirmActionForm } from '@/app/_components/confirm-action-form';
import { requireTenantPage } from '@/lib/auth/tenant-guard';
import { listUserGrants } from '@/lib/consent/list-user-grants';
import { revokeGrantAction } from './actions';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ tenant: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('account'))('title') };
}

/** The signed-in user's account in this tenant: who they are here and the consent they gave, revocable. */
export default async function AccountPage({ params }: Props) {
  const { tenant: slug } = await params;
  const { tenant, session } = await requireTenantPage(slug, 'member', 'view account');
  const [grants, t, tc, format] = await Promise.all([
    listUserGrants(tenant.id, session.user.id),
    getTranslations('account'),
    getTranslations('consent'),
    getFormatter(),
  ]);
  // The person's own zone and language (next-intl), the UTC time on hover, the machine-readable one in datetime.
  const when = (date: Date, message: 'agreed' | 'withdrawnAt') => (
    <time dateTime={date.toISOString()} title={`${date.toISOString().replace('T', ' ').slice(0, 16)} UTC`}>
      {t(message, { date: format.dateTime(date, { dateStyle: 'medium', timeStyle: 'short' }) })}
    </time>
  );
  const organization = tenant.displayName;
  return (
    <section className="space-y-6">
      <div>
        <p className="text-sm font-medium uppercase tracking-wide text-accent">{organization}</p>
        <h1 className="mt-1 text-3xl font-bold">{t('heading')}</h1>
        <p className="mt-1 break-words text-fg-muted">{t('signedInAs', { who: session.user.email ?? session.user.sub })}</p>
      </div>
      <div className="rounded-xl border border-line bg-surface p-6">
        <h2 className="text-lg font-semibold">{t('consentHeading')}</h2>
        {grants.length === 0 ? (
          <p className="mt-2 text-fg-muted" data-testid="no-grants">{t('noGrants', { organization })}</p>
        ) : (
          <ul className="mt-4 divide-y divide-line" data-testid="grants">
            {grants.map((g) => (
              <li key={g.id} className="flex flex-wrap items-center justify-between gap-4 py-3" data-testid="grant">
                <div className="min-w-0">
                  <p className="font-medium">
                    {g.title} <span className="text-sm font-normal text-fg-muted">({t('version', { version: g.version })})</span>
                  </p>
                  <p className="text-sm text-fg-muted">{g.scopes.map((s) => tc(`scopes.${s}.label`)).join(' · ')}</p>
                  <p className="text-sm text-fg-muted">
                    {when(g.grantedAt, 'agreed')}
                    {g.revokedAt ? <> · {when(g.revokedAt, 'withdrawnAt')}</> : null}
                  </p>
                </div>
                {g.revokedAt ? (
                  <span className="text-sm text-fg-muted" data-testid="grant-status">{t('withdrawn')}</span>
                ) : (
                  // "Withdraw consent" asks first, naming the statement and the effect (signed out at once).
                  <ConfirmActionForm action={revokeGrantAction} submitLabel={t('withdraw')} variant="danger" className="space-y-2"
                    confirmation={{
                      title: t('confirm.title', { statement: g.title }), body: t('confirm.body', { organization }),
                      confirmLabel: t('confirm.confirm'), cancelLabel: t('confirm.cancel'),
                    }}>
                    <input type="hidden" name="slug" value={tenant.slug} />
                    <input type="hidden" name="grantId" value={g.id} />
                  </ConfirmActionForm>
                )}
              </li>
            ))}
          </ul>
        )}
        <p className="mt-4 text-sm text-fg-muted">{t('withdrawNote', { organization })}</p>
      </div>
      <Link href={`/t/${tenant.slug}`} className="text-accent underline">{t('back', { organization })}</Link>
    </section>
  );
}

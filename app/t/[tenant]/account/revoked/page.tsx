import type { Metadata } from 'next';
import { getTranslations } from '@/lib/i18n/server';

// Plain <a>, not <Link>: prefetching a sign-in route would start a sign-in and replace its cookie.
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('account'))('revoked.title') };
}

type Props = { params: Promise<{ tenant: string }> };

/** After withdrawing consent: the user's sessions in this tenant have ended. Public. */
export default async function ConsentRevokedPage({ params }: Props) {
  const [{ tenant: slug }, t] = await Promise.all([params, getTranslations('account.revoked')]);
  return (
    <section className="mx-auto max-w-md space-y-4 rounded-xl border border-line bg-surface p-6 text-center shadow-sm sm:p-8">
      <h1 className="text-2xl font-semibold" data-testid="consent-revoked">{t('heading')}</h1>
      <p className="text-fg-muted">{t('body')}</p>
      <a href={`/api/auth/signin?tenant=${encodeURIComponent(slug)}`} className="inline-block rounded-lg bg-accent px-5 py-2.5 font-medium text-on-accent hover:bg-accent-hover">
        {t('signInAgain')}
      </a>
    </section>
  );
}

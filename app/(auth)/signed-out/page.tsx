import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from '@/lib/i18n/server';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('signedOut'))('title') };
}

/** Where Okta's logout returns the browser (the registered sign-out redirect URI). */
export default async function SignedOutPage() {
  const t = await getTranslations('signedOut');
  return (
    <section className="mx-auto max-w-md space-y-4 rounded-xl border border-line bg-surface p-6 text-center shadow-sm sm:p-8">
      <h1 className="text-2xl font-semibold">{t('heading')}</h1>
      <p className="text-fg-muted">{t('body')}</p>
      <Link href="/login" className="inline-block rounded-lg bg-accent px-5 py-2.5 font-medium text-on-accent hover:bg-accent-hover">
        {t('signInAgain')}
      </Link>
    </section>
  );
}

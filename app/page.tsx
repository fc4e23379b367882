import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getLocale } from 'next-intl/server';
import { getTranslations } from '@/lib/i18n/server';
import { getCurrentSession } from '@/lib/auth/current-session';
import { brand } from '@/lib/branding/brand';

export const dynamic = 'force-dynamic';

/** The start page (its title is the product name, the layout's default): signed in → the tenant home. */
export default async function Home() {
  const session = await getCurrentSession();
  if (session) redirect(`/t/${session.tenant.slug}`);
  const [t, locale] = await Promise.all([getTranslations('start'), getLocale()]);
  return (
    <section className="space-y-6">
      <h1 className="text-3xl font-bold">{brand.productName}</h1>
      <p className="max-w-2xl text-fg-muted">{brand.tagline[locale]}</p>
      <Link href="/login" className="inline-block rounded-lg bg-accent px-5 py-2.5 font-medium text-on-accent hover:bg-accent-hover">
        {t('signIn')}
      </Link>
      <p className="text-sm text-fg-muted">
        {t.rich('guide', { link: (chunks) => <Link href="/guide" className="text-accent underline">{chunks}</Link> })}
      </p>
    </section>
  );
}

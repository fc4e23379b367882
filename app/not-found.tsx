import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from '@/lib/i18n/server';
import { brand } from '@/lib/branding/brand';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('refusal');
  return { title: t('notFound.title') };
}

/** The 404 page (unknown paths, and tenants that are unknown, not live, or a stranger's admin area). */
export default async function NotFound() {
  const t = await getTranslations('refusal');
  return (
    <section className="mx-auto max-w-md space-y-4 rounded-xl border border-line bg-surface p-8 shadow-sm">
      {/* Next keeps the page's own metadata title when a page or layout calls notFound(): this one names the 404. */}
      <title>{`${t('notFound.title')} · ${brand.productName}`}</title>
      <h1 className="text-2xl font-semibold">{t('notFound.title')}</h1>
      <p className="text-fg-muted">{t('notFound.message')}</p>
      <p className="text-sm text-fg-muted">{t('errorCode')} <code data-testid="error-code">not_found</code></p>
      <Link href="/login" className="inline-block rounded-lg bg-accent px-5 py-2.5 font-medium text-on-accent hover:bg-accent-hover">{t('goToSignIn')}</Link>
    </section>
  );
}

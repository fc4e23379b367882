import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getTranslations } from 'next-intl/server';
import { brand } from '@/lib/branding/brand';
import stylesheet from '@/lib/generated/stylesheet.json';

export const metadata: Metadata = { title: { default: brand.productName, template: `%s · ${brand.productName}` } };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page renders per request: proxy.ts gives each one a fresh CSP nonce, which Next puts on its scripts
  // (a page prerendered at build time would carry scripts without it, and the CSP would block them).
  await connection();
  const [locale, t] = await Promise.all([getLocale(), getTranslations('common')]);
  return (
    <html lang={locale}>
      <head>
        {/* The one stylesheet, shared with the route-handler pages (lib/branding/build-stylesheet.ts). */}
        <link rel="stylesheet" href={stylesheet.href} precedence="default" />
      </head>
      <body className="min-h-screen bg-bg font-sans text-fg antialiased">
        <a href="#main" className="skip-link">{t('skipToContent')}</a>
        <NextIntlClientProvider>
          <header className="border-b border-line bg-surface">
            <div className="mx-auto flex max-w-4xl items-center justify-between px-6 py-4">
              <Link href="/" className="flex items-center gap-2 text-lg font-semibold text-accent">
                {/* eslint-disable-next-line @next/next/no-img-element -- a small local SVG, no optimisation needed */}
                <img src={brand.logo} alt="" width={28} height={28} />
                {brand.productName}
              </Link>
            </div>
          </header>
          <main id="main" tabIndex={-1} className="mx-auto max-w-4xl px-6 py-10">{children}</main>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}

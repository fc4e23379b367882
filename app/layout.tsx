import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import { connection } from 'next/server';
import { getLocale } from 'next-intl/server';
import { getTranslations } from '@/lib/i18n/server';
import { ClientMessages } from '@/app/_components/client-messages';
import { SiteHeader } from '@/app/_components/shell/site-header';
import { TimeZoneCookie } from '@/app/_components/shell/time-zone-cookie';
import { brand } from '@/lib/branding/brand';
import stylesheet from '@/lib/generated/stylesheet.json';
import { TIME_ZONE_COOKIE } from '@/lib/i18n/locales';

export const metadata: Metadata = { title: { default: brand.productName, template: `%s · ${brand.productName}` } };

/** The app shell of every page: skip link, header (organization, language, the person's menu), main. */
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page renders per request: proxy.ts gives each one a fresh CSP nonce, which Next puts on its scripts
  // (a page prerendered at build time would carry scripts without it, and the CSP would block them).
  await connection();
  const [locale, t, cookieStore] = await Promise.all([getLocale(), getTranslations('common'), cookies()]);
  return (
    <html lang={locale}>
      <head>
        {/* The one stylesheet, shared with the route-handler pages (lib/branding/build-stylesheet.ts). */}
        <link rel="stylesheet" href={stylesheet.href} precedence="default" />
      </head>
      <body className="min-h-screen bg-bg font-sans text-fg antialiased">
        <a href="#main" className="skip-link">{t('skipToContent')}</a>
        <ClientMessages>
          <TimeZoneCookie current={cookieStore.get(TIME_ZONE_COOKIE)?.value} />
          <SiteHeader />
          <main id="main" tabIndex={-1} className="mx-auto max-w-5xl px-4 py-8 sm:px-6 sm:py-10">{children}</main>
        </ClientMessages>
      </body>
    </html>
  );
}

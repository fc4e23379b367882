import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { brand } from '@/lib/branding/brand';
import './globals.css';

export const metadata: Metadata = { title: { default: brand.productName, template: `%s · ${brand.productName}` } };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page renders per request: proxy.ts gives each one a fresh CSP nonce, which Next puts on its scripts
  // (a page prerendered at build time would carry scripts without it, and the CSP would block them).
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">
        <header className="border-b border-slate-200 bg-white">
          <div className="mx-auto flex max-w-4xl items-center justify-between px-6 py-4">
            <Link href="/" className="text-lg font-semibold text-blue-800">
              {brand.productName}
            </Link>
          </div>
        </header>
        <main className="mx-auto max-w-4xl px-6 py-10">{children}</main>
      </body>
    </html>
  );
}

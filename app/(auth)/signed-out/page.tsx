import type { Metadata } from 'next';
import Link from 'next/link';

export const metadata: Metadata = { title: 'Signed out' };

/** Where Okta's logout returns the browser (the registered sign-out redirect URI). */
export default function SignedOutPage() {
  return (
    <section className="mx-auto max-w-md space-y-4 rounded-xl border border-line bg-surface p-8 text-center shadow-sm">
      <h1 className="text-2xl font-semibold">You are signed out</h1>
      <p className="text-fg-muted">You have been signed out of this app and of your organization&apos;s Okta session.</p>
      <Link href="/login" className="inline-block rounded-lg bg-accent px-5 py-2.5 font-medium text-on-accent hover:bg-accent-hover">
        Sign in again
      </Link>
    </section>
  );
}

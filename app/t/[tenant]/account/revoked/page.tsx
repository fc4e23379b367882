import type { Metadata } from 'next';

// Plain <a>, not <Link>: prefetching a sign-in route would start a sign-in and replace its cookie.
export const metadata: Metadata = { title: 'Consent withdrawn' };

type Props = { params: Promise<{ tenant: string }> };

/** After withdrawing consent: the user's sessions in this tenant have ended. Public. */
export default async function ConsentRevokedPage({ params }: Props) {
  const { tenant: slug } = await params;
  return (
    <section className="mx-auto max-w-md space-y-4 rounded-xl border border-line bg-surface p-8 text-center shadow-sm">
      <h1 className="text-2xl font-semibold" data-testid="consent-revoked">Consent withdrawn</h1>
      <p className="text-fg-muted">You are signed out of this organization in the app. The next time you sign in, you will be asked for your consent again.</p>
      <a href={`/api/auth/signin?tenant=${encodeURIComponent(slug)}`} className="inline-block rounded-lg bg-accent px-5 py-2.5 font-medium text-on-accent">
        Sign in again
      </a>
    </section>
  );
}

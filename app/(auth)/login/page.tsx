import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'Sign in' };

type Props = { searchParams: Promise<{ org?: string; returnTo?: string }> };

/** SP-initiated sign-in: an organization slug or a work email finds the tenant. */
export default async function LoginPage({ searchParams }: Props) {
  const { org, returnTo } = await searchParams;
  return (
    <section className="mx-auto max-w-md rounded-xl border border-line bg-surface p-8 shadow-sm">
      <h1 className="text-2xl font-semibold">Sign in</h1>
      <p className="mt-2 text-sm text-fg-muted">
        Enter your work email or your organization&apos;s name in this app. You will continue at your organization&apos;s Okta.
      </p>
      <form method="post" action="/api/auth/signin" className="mt-6 space-y-4">
        <label className="block">
          <span className="text-sm font-medium">Work email or organization</span>
          <input
            name="org"
            required
            maxLength={320}
            defaultValue={org ?? ''}
            autoComplete="username"
            placeholder="you@company.com or acme"
            className="mt-1 block w-full rounded-lg border border-control px-3 py-2 focus:border-accent focus:outline-none focus:ring-2 focus:ring-accent-soft"
          />
        </label>
        {returnTo ? <input type="hidden" name="returnTo" value={returnTo} /> : null}
        <button type="submit" className="w-full rounded-lg bg-accent px-4 py-2.5 font-medium text-on-accent hover:bg-accent-hover">
          Continue
        </button>
      </form>
    </section>
  );
}

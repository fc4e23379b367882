import Link from 'next/link';

export default function Forbidden() {
  return (
    <section className="mx-auto max-w-md space-y-4 rounded-xl border border-line bg-surface p-8 shadow-sm">
      <h1 className="text-2xl font-semibold">Not allowed</h1>
      <p className="text-fg-muted">
        You are signed in to another organization. Sign out first, then sign in to this one.
      </p>
      <p className="text-sm text-fg-muted">Error code <code data-testid="error-code">other_tenant</code></p>
      <div className="flex gap-3">
        <Link href="/" className="rounded-lg bg-accent px-5 py-2.5 font-medium text-on-accent">Back to my organization</Link>
        <form method="post" action="/api/auth/signout">
          <button type="submit" className="rounded-lg border border-control px-5 py-2.5 font-medium">Sign out</button>
        </form>
      </div>
    </section>
  );
}

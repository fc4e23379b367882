import Link from 'next/link';

export default function NotFound() {
  return (
    <section className="mx-auto max-w-md space-y-4 rounded-xl border border-line bg-surface p-8 shadow-sm">
      <h1 className="text-2xl font-semibold">Not found</h1>
      <p className="text-fg-muted">There is no such page or organization here. Check the address, or sign in to find your organization.</p>
      <p className="text-sm text-fg-muted">Error code <code data-testid="error-code">not_found</code></p>
      <Link href="/login" className="inline-block rounded-lg bg-accent px-5 py-2.5 font-medium text-on-accent">Go to sign-in</Link>
    </section>
  );
}

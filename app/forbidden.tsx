import Link from 'next/link';

export default function Forbidden() {
  return (
    <section className="mx-auto max-w-md space-y-4 rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
      <h1 className="text-2xl font-semibold">Not allowed</h1>
      <p className="text-slate-600">
        You are signed in to another organization. Sign out first, then sign in to this one.
      </p>
      <p className="text-sm text-slate-500">Error code <code data-testid="error-code">other_tenant</code></p>
      <div className="flex gap-3">
        <Link href="/" className="rounded-lg bg-blue-700 px-5 py-2.5 font-medium text-white">Back to my organization</Link>
        <form method="post" action="/api/auth/signout">
          <button type="submit" className="rounded-lg border border-slate-300 px-5 py-2.5 font-medium">Sign out</button>
        </form>
      </div>
    </section>
  );
}

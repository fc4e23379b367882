import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getCurrentSession } from '@/lib/auth/current-session';
import { brand } from '@/lib/branding/brand';

export const dynamic = 'force-dynamic';

export default async function Home() {
  const session = await getCurrentSession();
  if (session) redirect(`/t/${session.tenant.slug}`);
  return (
    <section className="space-y-6">
      <h1 className="text-3xl font-bold">{brand.productName}</h1>
      <p className="max-w-2xl text-fg-muted">{brand.tagline}</p>
      <Link href="/login" className="inline-block rounded-lg bg-accent px-5 py-2.5 font-medium text-on-accent hover:bg-accent-hover">
        Sign in
      </Link>
      <p className="text-sm text-fg-muted">
        Setting the app up for your organization? Read the{' '}
        <Link href="/guide" className="text-accent underline">configuration guide</Link>.
      </p>
    </section>
  );
}

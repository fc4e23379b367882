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
      <p className="max-w-2xl text-slate-600">{brand.tagline}</p>
      <Link href="/login" className="inline-block rounded-lg bg-blue-700 px-5 py-2.5 font-medium text-white hover:bg-blue-800">
        Sign in
      </Link>
      <p className="text-sm text-slate-600">
        Setting the app up for your organization? Read the{' '}
        <Link href="/guide" className="text-blue-700 underline">configuration guide</Link>.
      </p>
    </section>
  );
}

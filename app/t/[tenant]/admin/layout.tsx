import Link from 'next/link';
import { requireTenantPage } from '@/lib/auth/tenant-guard';

export const dynamic = 'force-dynamic';

const NAV = [
  ['connection', 'Connection'],
  ['domains', 'Email domains'],
  ['credentials', 'Credentials'],
  ['users', 'Users'],
  ['admins', 'Administrators'],
  ['consent', 'Consent'],
  ['rate-limits', 'Rate limits'],
  ['health', 'Health'],
  ['audit', 'Audit log'],
] as const;

/** The tenant admin area: only admins of this tenant (every page and action checks again on the server). */
export default async function AdminLayout({ children, params }: { children: React.ReactNode; params: Promise<{ tenant: string }> }) {
  const { tenant: slug } = await params;
  const { tenant } = await requireTenantPage(slug, 'admin', 'view admin area');
  return (
    <div className="grid gap-8 md:grid-cols-[12rem_1fr]">
      <nav aria-label="Administration" className="space-y-1">
        <p className="mb-3 text-sm font-medium uppercase tracking-wide text-accent">{tenant.displayName}</p>
        {NAV.map(([path, label]) => (
          <Link key={path} href={`/t/${tenant.slug}/admin/${path}`} className="block rounded-lg px-3 py-1.5 text-fg hover:bg-surface-muted">
            {label}
          </Link>
        ))}
        <Link href={`/t/${tenant.slug}`} className="mt-4 block px-3 text-sm text-fg-muted hover:underline">← Back to the app</Link>
      </nav>
      <div className="min-w-0 space-y-6">{children}</div>
    </div>
  );
}

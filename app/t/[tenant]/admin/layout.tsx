import Link from 'next/link';
import { getTranslations } from '@/lib/i18n/server';
import { requireTenantPage } from '@/lib/auth/tenant-guard';
import { AdminNav } from './admin-nav';

export const dynamic = 'force-dynamic';

const NAV = [
  ['connection', 'connection'],
  ['domains', 'domains'],
  ['credentials', 'credentials'],
  ['users', 'users'],
  ['admins', 'admins'],
  ['consent', 'consent'],
  ['branding', 'branding'],
  ['rate-limits', 'rateLimits'],
  ['health', 'health'],
  ['audit', 'audit'],
] as const;

/** The tenant admin area: only admins of this tenant (every page and action checks again on the server). */
export default async function AdminLayout({ children, params }: { children: React.ReactNode; params: Promise<{ tenant: string }> }) {
  const { tenant: slug } = await params;
  const { tenant } = await requireTenantPage(slug, 'admin', 'view admin area');
  const t = await getTranslations('shell');
  const items = NAV.map(([path, key]) => ({ href: `/t/${tenant.slug}/admin/${path}`, label: t(`nav.${key}`) }));
  return (
    <div className="grid gap-6 md:grid-cols-[12rem_1fr] md:gap-8">
      <nav aria-label={t('adminNav')} className="min-w-0 space-y-1">
        <p className="mb-2 text-sm font-medium uppercase tracking-wide text-accent md:mb-3">{tenant.displayName}</p>
        <AdminNav label={t('adminMenu')} items={items} />
        <Link href={`/t/${tenant.slug}`} className="mt-4 hidden px-3 text-sm text-fg-muted hover:underline md:block">← {t('backToApp')}</Link>
      </nav>
      <div className="min-w-0 space-y-6">{children}</div>
    </div>
  );
}

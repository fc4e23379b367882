/**
 * The app shell's header on every React page: the product, the organization of the signed-in person (its logo
 * and name), the language switcher, and the person's menu (Account, Admin for admins of that organization,
 * Sign out) — or a "Sign in" link. The session comes from the request's one cached lookup (current-session.ts).
 */
import Link from 'next/link';
import { getTranslations } from '@/lib/i18n/server';
import { getCurrentSession } from '@/lib/auth/current-session';
import { brand } from '@/lib/branding/brand';
import { getTenantBranding } from '@/lib/tenants/get-tenant-branding';
import { LanguageSwitcher } from './language-switcher';
import { UserMenu } from './user-menu';

const item = 'block w-full rounded-md px-3 py-2 text-left text-sm text-fg hover:bg-surface-muted';

export async function SiteHeader() {
  const [t, session] = await Promise.all([getTranslations('shell'), getCurrentSession()]);
  const branding = session ? await getTenantBranding(session.tenant.slug) : null;
  const home = session ? `/t/${session.tenant.slug}` : '/';
  const who = session ? (session.user.name ?? session.user.email ?? session.user.sub) : null;
  return (
    <header className="border-b border-line bg-surface">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3 sm:px-6">
        <div className="flex min-w-0 items-center gap-3">
          <Link href={home} className="flex items-center gap-2 text-lg font-semibold text-accent">
            {/* eslint-disable-next-line @next/next/no-img-element -- a small local SVG, no optimisation needed */}
            <img src={brand.logo} alt="" width={28} height={28} />
            <span className={session ? 'sr-only sm:not-sr-only' : undefined}>{brand.productName}</span>
          </Link>
          {session ? (
            <span className="flex min-w-0 items-center gap-2 border-l border-line pl-3" data-testid="header-organization">
              {branding?.logoSrc ? (
                // eslint-disable-next-line @next/next/no-img-element -- the tenant's own logo (uploaded or an https URL)
                <img src={branding.logoSrc} alt="" className="h-7 w-auto max-w-24 object-contain" referrerPolicy="no-referrer" />
              ) : null}
              <span className="truncate font-medium">{session.tenant.displayName}</span>
            </span>
          ) : null}
        </div>
        <div className="flex items-center gap-3">
          <LanguageSwitcher />
          {session && who ? (
            <UserMenu label={t('userMenu', { name: who })} name={who}>
              <ul className="space-y-0.5">
                <li><Link href={`/t/${session.tenant.slug}/account`} className={item}>{t('account')}</Link></li>
                {session.user.role === 'admin' ? (
                  <li><Link href={`/t/${session.tenant.slug}/admin`} className={item}>{t('admin')}</Link></li>
                ) : null}
                <li>
                  <form method="post" action="/api/auth/signout">
                    <button type="submit" className={item} data-testid="header-sign-out">{t('signOut')}</button>
                  </form>
                </li>
              </ul>
            </UserMenu>
          ) : (
            <Link href="/login" className="rounded-lg bg-accent px-3 py-1.5 text-sm font-medium text-on-accent hover:bg-accent-hover">
              {t('signIn')}
            </Link>
          )}
        </div>
      </div>
    </header>
  );
}

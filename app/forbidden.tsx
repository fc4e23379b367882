/**
 * The 403 page of `forbidden()` (lib/auth/tenant-guard.ts), one text per reason. Next gives this page no props,
 * so it names the reason again from the request's session (the one cached lookup) and path (set by proxy.ts):
 * a member in their own organization's admin area is told whom to ask; a person signed in to another
 * organization can sign out and sign in to this one; nobody signed in is sent to sign in.
 */
import type { Metadata } from 'next';
import Link from 'next/link';
import { headers } from 'next/headers';
import { getTranslations } from '@/lib/i18n/server';
import { getCurrentSession } from '@/lib/auth/current-session';
import { isTenantAdminPath, refusalReason } from '@/lib/auth/refusal-reason';
import { brand } from '@/lib/branding/brand';
import { REQUEST_PATH_HEADER } from '@/lib/http/security-headers';
import { listTenantAdminContacts } from '@/lib/tenants/list-tenant-admin-contacts';

const button = 'inline-block rounded-lg bg-accent px-5 py-2.5 font-medium text-on-accent hover:bg-accent-hover';
const secondary = 'inline-block rounded-lg border border-control bg-surface px-5 py-2.5 font-medium text-fg hover:bg-surface-muted';

function pathOfReferer(referer: string | null, host: string | null): string | null {
  try {
    const url = new URL(referer ?? '');
    return url.host === host ? url.pathname : null;
  } catch {
    return null;
  }
}

async function currentRefusal() {
  const [session, headerList] = await Promise.all([getCurrentSession(), headers()]);
  // A server action's POST skips the proxy: its page is the same-origin Referer (only the words depend on it).
  const path = headerList.get(REQUEST_PATH_HEADER) ?? pathOfReferer(headerList.get('referer'), headerList.get('host'));
  const found = refusalReason({ session: session && { tenantSlug: session.tenant.slug, role: session.user.role }, path });
  return { ...found, session, path };
}

export async function generateMetadata(): Promise<Metadata> {
  const [{ reason }, t] = await Promise.all([currentRefusal(), getTranslations('refusal')]);
  return { title: t(`${reason}.title`) };
}

export default async function Forbidden() {
  const [{ reason, slug, session, path }, t] = await Promise.all([currentRefusal(), getTranslations('refusal')]);
  const signInHere = slug ? `/api/auth/signin?tenant=${encodeURIComponent(slug)}` : '/login';
  // Next renders this page on every request, shown or not (vercel/next.js#67532): look the admins up only where
  // a member can be refused, in their organization's admin area, so other pages do not pay for the query.
  const admins = reason === 'not_admin' && session && isTenantAdminPath(path) ? await listTenantAdminContacts(session.tenant.id) : [];
  return (
    <section className="mx-auto max-w-lg space-y-4 rounded-xl border border-line bg-surface p-8 shadow-sm" data-testid={`refusal-${reason}`}>
      {/* Next keeps the refused page's own metadata title when a layout refuses: this one names the refusal. */}
      <title>{`${t(`${reason}.title`)} · ${brand.productName}`}</title>
      <h1 className="text-2xl font-semibold">{t('heading')}</h1>
      <p className="text-lg font-medium">{t(`${reason}.title`)}</p>
      {reason === 'not_admin' && session ? (
        <>
          <p className="text-fg-muted">{t('not_admin.message', { organization: session.tenant.displayName })}</p>
          {admins.length > 0 ? (
            <div>
              <h2 className="text-sm font-medium">{t('not_admin.askAdmins')}</h2>
              <ul className="mt-1 list-disc pl-5 text-sm" data-testid="admin-contacts">
                {admins.map((a, i) => (
                  <li key={i}>
                    {a.name ?? a.email}
                    {a.name && a.email ? <> · <a className="text-accent underline" href={`mailto:${a.email}`}>{a.email}</a></> : null}
                  </li>
                ))}
              </ul>
            </div>
          ) : (
            <p className="text-sm text-fg-muted">
              {t('not_admin.askSupport')} <a className="text-accent underline" href={`mailto:${brand.supportEmail}`}>{brand.supportEmail}</a>
            </p>
          )}
          <p className="text-sm text-fg-muted">{t('errorCode')} <code data-testid="error-code">not_admin</code></p>
          <div className="flex flex-wrap gap-3">
            <Link href={`/t/${session.tenant.slug}`} className={button}>{t('backToMine')}</Link>
          </div>
        </>
      ) : reason === 'other_tenant' && session ? (
        <>
          <p className="text-fg-muted">{t('other_tenant.message', { organization: session.tenant.displayName })}</p>
          <p className="text-sm text-fg-muted">{t('errorCode')} <code data-testid="error-code">other_tenant</code></p>
          <div className="flex flex-wrap gap-3">
            <Link href={`/t/${session.tenant.slug}`} className={button}>{t('backToMine')}</Link>
            <form method="post" action="/api/auth/signout">
              <button type="submit" className={secondary}>{t('signOut')}</button>
            </form>
            {slug ? <a href={signInHere} className={secondary}>{t('other_tenant.signInThere')}</a> : null}
          </div>
        </>
      ) : (
        <>
          <p className="text-fg-muted">{t('signed_out.message')}</p>
          <p className="text-sm text-fg-muted">{t('errorCode')} <code data-testid="error-code">signed_out</code></p>
          <a href={signInHere} className={button}>{t('signIn')}</a>
        </>
      )}
    </section>
  );
}

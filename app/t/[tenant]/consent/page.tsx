import type { Metadata } from 'next';
import { cookies, headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { getTranslations } from '@/lib/i18n/server';
import { consentCookie } from '@/lib/auth/cookies';
import { getConsentPrompt } from '@/lib/consent/get-consent-prompt';
import { requestContextOf } from '@/lib/http/request-context';
import { findPublicTenant } from '@/lib/tenants/find-public-tenant';
import { getTenantBranding } from '@/lib/tenants/get-tenant-branding';
import { renderConsentMarkdown } from '@/lib/consent/render-consent-markdown';
import { TenantBadge } from './tenant-badge';

export const dynamic = 'force-dynamic';
// No 'no-referrer' here: Chromium would then send `Origin: null` with the form, and the decision route checks the origin.
// Plain <a>, not <Link>: prefetching a sign-in route would start a sign-in and replace its cookie.

type Props = { params: Promise<{ tenant: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('consent'))('title') };
}

/**
 * The app's own consent page (not Okta's): the tenant in its accent and logo, its statement and the data
 * items in plain words. Shown only to the browser holding the pending sign-in's cookie; the form posts to ./decision.
 */
export default async function ConsentPage({ params }: Props) {
  const { tenant: slug } = await params;
  // Unknown, draft and suspended alike: 404, counted against signin.unknown.ip.
  if (!(await findPublicTenant(slug, requestContextOf(await headers())))) notFound();
  const [prompt, branding, t] = await Promise.all([
    getConsentPrompt(slug, (await cookies()).get(consentCookie().name)?.value),
    getTenantBranding(slug),
    getTranslations('consent'),
  ]);
  const card = 'mx-auto space-y-6 rounded-xl border border-line bg-surface p-6 shadow-sm sm:p-8';
  if (!prompt.ok) {
    return (
      <section data-accent={branding && branding.accent !== 'brand' ? branding.accent : undefined} className={`${card} max-w-lg`}>
        <h1 className="text-2xl font-semibold" data-testid="consent-invalid">{t('invalidHeading')}</h1>
        <p className="text-fg-muted">{t(`invalid.${prompt.reason}`)} {t('signInAgainHint')}</p>
        <a href={`/api/auth/signin?tenant=${encodeURIComponent(slug)}`} className="inline-block rounded-lg bg-accent px-5 py-2.5 font-medium text-on-accent hover:bg-accent-hover">
          {t('signInAgain')}
        </a>
      </section>
    );
  }
  const { tenant, policy, version } = prompt;
  return (
    <section data-accent={branding && branding.accent !== 'brand' ? branding.accent : undefined} className={`${card} max-w-2xl`}>
      <TenantBadge slug={tenant.slug} name={tenant.displayName} logo={policy} />
      <div>
        <h1 className="text-2xl font-semibold" data-testid="consent-title">{version.title}</h1>
        <p className="mt-1 text-sm text-fg-muted">
          {prompt.email ? t('asksAs', { organization: tenant.displayName, email: prompt.email }) : t('asks', { organization: tenant.displayName })}{' '}
          {t('version', { version: version.version })}
        </p>
      </div>
      <div className="consent-statement space-y-3 leading-relaxed break-words [&_a]:text-accent [&_a]:underline [&_ul]:list-disc [&_ul]:pl-6"
        data-testid="consent-statement" dangerouslySetInnerHTML={{ __html: renderConsentMarkdown(version.bodyMarkdown) }} />
      <div>
        <h2 className="font-semibold">{t('itemsHeading')}</h2>
        <ul className="mt-2 space-y-2" data-testid="consent-items">
          {version.scopes.map((scope) => (
            <li key={scope} className="rounded-lg bg-surface-muted px-4 py-2">
              <span className="font-medium">{t(`scopes.${scope}.label`)}</span>
              <span className="block text-sm text-fg-muted">{t(`scopes.${scope}.description`)}</span>
            </li>
          ))}
        </ul>
        <p className="mt-2 text-sm text-fg-muted">{t('nothingElse')}</p>
      </div>
      <form method="post" action={`/t/${tenant.slug}/consent/decision`} className="flex flex-wrap gap-3">
        <input type="hidden" name="pending" value={prompt.pendingId} />
        <input type="hidden" name="version" value={version.id} />
        <input type="hidden" name="csrf" value={prompt.csrf} />
        <button type="submit" name="decision" value="accept" className="rounded-lg bg-accent px-5 py-2.5 font-medium text-on-accent hover:bg-accent-hover">
          {t('accept')}
        </button>
        <button type="submit" name="decision" value="decline" className="rounded-lg border border-control bg-surface px-5 py-2.5 font-medium hover:bg-surface-muted">
          {t('decline')}
        </button>
      </form>
    </section>
  );
}

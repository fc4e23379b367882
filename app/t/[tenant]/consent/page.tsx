import type { Metadata } from 'next';
import { cookies, headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { consentCookie } from '@/lib/auth/cookies';
import { SCOPE_ITEMS } from '@/lib/consent/consent-scopes';
import { getConsentPrompt } from '@/lib/consent/get-consent-prompt';
import { requestContextOf } from '@/lib/http/request-context';
import { findPublicTenant } from '@/lib/tenants/find-public-tenant';
import { renderConsentMarkdown } from '@/lib/consent/render-consent-markdown';
import { TenantBadge } from './tenant-badge';

export const dynamic = 'force-dynamic';
// No 'no-referrer' here: Chromium would then send `Origin: null` with the form, and the decision route checks the origin.
// Plain <a>, not <Link>: prefetching a sign-in route would start a sign-in and replace its cookie.
export const metadata: Metadata = { title: 'Your consent' };

type Props = { params: Promise<{ tenant: string }> };

const INVALID: Record<string, string> = {
  missing: 'There is no sign-in waiting for your consent in this browser. It may have been answered already, or started in another browser.',
  expired: 'Consent must be given within 10 minutes of signing in, and this request has expired.',
  other_tenant: 'The sign-in waiting in this browser belongs to another organization.',
  no_statement: 'Your organization has no consent statement any more.',
};

/**
 * The app's own consent page (not Okta's): the tenant, its statement and the data items in plain words.
 * Shown only to the browser holding the pending sign-in's cookie; the form posts to ./decision.
 */
export default async function ConsentPage({ params }: Props) {
  const { tenant: slug } = await params;
  // Unknown, draft and suspended alike: 404, counted against signin.unknown.ip.
  if (!(await findPublicTenant(slug, requestContextOf(await headers())))) notFound();
  const prompt = await getConsentPrompt(slug, (await cookies()).get(consentCookie().name)?.value);
  if (!prompt.ok) {
    return (
      <section className="mx-auto max-w-lg space-y-4 rounded-xl border border-line bg-surface p-8 shadow-sm">
        <h1 className="text-2xl font-semibold" data-testid="consent-invalid">This consent request is no longer valid</h1>
        <p className="text-fg-muted">{INVALID[prompt.reason]} Please sign in again.</p>
        <a href={`/api/auth/signin?tenant=${encodeURIComponent(slug)}`} className="inline-block rounded-lg bg-accent px-5 py-2.5 font-medium text-on-accent">
          Sign in again
        </a>
      </section>
    );
  }
  const { tenant, policy, version } = prompt;
  return (
    <section className="mx-auto max-w-2xl space-y-6 rounded-xl border border-line bg-surface p-8 shadow-sm">
      <TenantBadge slug={tenant.slug} name={tenant.displayName} logo={policy} />
      <div>
        <h1 className="text-2xl font-semibold" data-testid="consent-title">{version.title}</h1>
        <p className="mt-1 text-sm text-fg-muted">
          {tenant.displayName} asks you to agree before you use this app{prompt.email ? ` as ${prompt.email}` : ''}. Version {version.version}.
        </p>
      </div>
      <div className="consent-statement space-y-3 leading-relaxed [&_a]:text-accent [&_a]:underline [&_ul]:list-disc [&_ul]:pl-6"
        data-testid="consent-statement" dangerouslySetInnerHTML={{ __html: renderConsentMarkdown(version.bodyMarkdown) }} />
      <div>
        <h2 className="font-semibold">What the app receives and keeps</h2>
        <ul className="mt-2 space-y-2" data-testid="consent-items">
          {version.scopes.map((scope) => (
            <li key={scope} className="rounded-lg bg-surface-muted px-4 py-2">
              <span className="font-medium">{SCOPE_ITEMS[scope].label}</span>
              <span className="block text-sm text-fg-muted">{SCOPE_ITEMS[scope].description}</span>
            </li>
          ))}
        </ul>
        <p className="mt-2 text-sm text-fg-muted">Nothing else from your organization&apos;s sign-in is kept. You can withdraw your consent at any time on your account page.</p>
      </div>
      <form method="post" action={`/t/${tenant.slug}/consent/decision`} className="flex gap-3">
        <input type="hidden" name="pending" value={prompt.pendingId} />
        <input type="hidden" name="version" value={version.id} />
        <input type="hidden" name="csrf" value={prompt.csrf} />
        <button type="submit" name="decision" value="accept" className="rounded-lg bg-accent px-5 py-2.5 font-medium text-on-accent hover:bg-accent-hover">
          I agree
        </button>
        <button type="submit" name="decision" value="decline" className="rounded-lg border border-control bg-surface px-5 py-2.5 font-medium hover:bg-surface-muted">
          I do not agree
        </button>
      </form>
    </section>
  );
}

import type { Metadata } from 'next';
import { getTranslations } from '@/lib/i18n/server';
import { brand } from '@/lib/branding/brand';
import { getEnv } from '@/lib/env';
import { OKTA_APP_SETTINGS, TILE_MODES, oktaAppValues } from '@/lib/oin/oin-values';
import { VERIFICATION_LABEL } from '@/lib/tenants/email-domains';
import { OinValuesSection } from './oin-values-section';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('guide');
  return { title: t('title') };
}

const TILE_CHOICES = ['none', 'redirect', 'id_token'] as const;
const code = 'rounded bg-surface-muted px-1.5 py-0.5 font-mono text-sm break-all';

/**
 * The public configuration guide (the OIN submission's "configuration guide URL"): how a customer admin sets
 * the app up in Okta, with this deployment's real values, built from the same constants the wizard uses. Its
 * text is in the `guide` catalogue (English and German); Okta's own field names and the values stay as they are.
 */
export default async function GuidePage() {
  const t = await getTranslations('guide');
  const tw = await getTranslations('onboarding');
  const v = oktaAppValues(getEnv().APP_URL);
  const product = brand.productName;
  const support = brand.supportEmail;
  const shortName = t.raw('shortNamePlaceholder') as string;
  const loginUrl = v.signInRedirectUri.replace(/\/api\/auth\/callback\/okta$/, '/login');
  const tags = {
    b: (chunks: React.ReactNode) => <b>{chunks}</b>,
    i: (chunks: React.ReactNode) => <i>{chunks}</i>,
    code: (chunks: React.ReactNode) => <code className={code}>{chunks}</code>,
  };
  const h2 = 'text-xl font-semibold';
  return (
    <article className="max-w-3xl space-y-6 leading-relaxed">
      <header>
        <h1 className="text-3xl font-bold">{t('heading', { product })}</h1>
        <p className="mt-2 text-fg-muted">{t('intro', { product })}</p>
      </header>
      <section className="space-y-2">
        <h2 className={h2}>{t('featuresTitle')}</h2>
        <ul className="list-disc pl-6">
          <li>{t('featureSp', { product })}</li>
          <li>{t('featureIdp')}</li>
          <li>{t('featureJit')}</li>
          <li>{t('featureConsent', { product })}</li>
        </ul>
      </section>
      <section className="space-y-2">
        <h2 className={h2}>{t('requirementsTitle')}</h2>
        <p>{t('requirements', { product, support })}</p>
      </section>
      <section className="space-y-3">
        <h2 className={h2}>{t('step1Title')}</h2>
        <ol className="list-decimal space-y-2 pl-6">
          <li>{t.rich('step1Open', tags)}</li>
          <li>{t.rich('step1Method', { ...tags, method: OKTA_APP_SETTINGS.signInMethod, type: OKTA_APP_SETTINGS.applicationType })}</li>
          <li>{t.rich('step1Grant', { ...tags, grant: OKTA_APP_SETTINGS.grantType })}</li>
          <li>{t.rich('step1Redirect', { uri: v.signInRedirectUri, redirect: (c) => <code className={code} data-testid="guide-redirect-uri">{c}</code> })}</li>
          <li>{t.rich('step1SignOut', { uri: v.signOutRedirectUri, signout: (c) => <code className={code} data-testid="guide-signout-uri">{c}</code> })}</li>
          <li>
            {t.rich('step1Initiate', {
              ...tags,
              uri: v.initiateLoginUri(shortName),
              oin: v.initiateLoginUriOin,
              initiate: (c) => <code className={code} data-testid="guide-initiate-uri">{c}</code>,
            })}
          </li>
          <li>{t('step1Assign', { product })}</li>
        </ol>
      </section>
      <section className="space-y-3">
        <h2 className={h2}>{t('step2Title')}</h2>
        <p>{t('step2Intro')}</p>
        <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={t('step2Title')}>
          <table className="w-full border-collapse text-sm">
            <thead>
              <tr className="border-b border-line text-left">
                <th scope="col" className="py-2 pr-4">{t('choice')}</th>
                <th scope="col" className="py-2 pr-4">{t('oktaSettings')}</th>
                <th scope="col" className="py-2">{t('meaning')}</th>
              </tr>
            </thead>
            <tbody>
              {TILE_CHOICES.map((choice, i) => (
                <tr key={choice} className="border-b border-line align-top">
                  <td className="py-2 pr-4 font-medium">{tw(`tile.${choice}`)}</td>
                  <td className="py-2 pr-4">{TILE_MODES[i]!.okta}</td>
                  <td className="py-2">{tw(`tile.${choice}Meaning`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section className="space-y-3">
        <h2 className={h2}>{t('step3Title')}</h2>
        <ul className="list-disc space-y-1 pl-6">
          <li>{t.rich('step3Secret', { ...tags, product })}</li>
          <li>{t.rich('step3Key', { ...tags, product, uri: v.jwksUri(shortName) })}</li>
        </ul>
        <p>{t.rich('step3Scopes', { ...tags, product, optional: OKTA_APP_SETTINGS.scopes.slice(1).join(', ') })}</p>
      </section>
      <section className="space-y-3">
        <h2 className={h2}>{t('step4Title', { product })}</h2>
        <ol className="list-decimal space-y-2 pl-6">
          <li>{t('step4Org')}</li>
          <li>{t.rich('step4Connect', { ...tags, product })}</li>
          <li>{t('step4Test')}</li>
          <li>{t.rich('step4Domains', { ...tags, record: `${VERIFICATION_LABEL}.example.com` })}</li>
          <li>{t.rich('step4Activate', { ...tags, url: loginUrl, orgUrl: `${loginUrl}?org=${shortName}` })}</li>
        </ol>
      </section>
      <section className="space-y-3">
        <h2 className={h2}>{t('rotationTitle')}</h2>
        <p>{t.rich('rotation', { ...tags, product })}</p>
      </section>
      <section className="space-y-3">
        <h2 className={h2}>{t('domainsTitle')}</h2>
        <p>{t.rich('domains', { ...tags, product })}</p>
      </section>
      <section className="space-y-3">
        <h2 className={h2}>{t('consentTitle')}</h2>
        <p>{t.rich('consent1', { ...tags, product })}</p>
        <p>{t.rich('consent2', tags)}</p>
        <p>{t.rich('consent3', tags)}</p>
      </section>
      <section className="space-y-2">
        <h2 className={h2}>{t('rateTitle')}</h2>
        <p>{t.rich('rate', { ...tags, product })}</p>
      </section>
      <section className="space-y-2">
        <h2 className={h2}>{t('logoutTitle')}</h2>
        <p>{t.rich('logout', { product, uri: v.universalLogoutUri, logout: (c) => <code className={code} data-testid="guide-universal-logout-uri">{c}</code> })}</p>
      </section>
      <section className="space-y-2">
        <h2 className={h2}>{t('reviewersTitle')}</h2>
        <p>{t('reviewers', { product })}</p>
      </section>
      <section className="space-y-2">
        <h2 className={h2}>{t('troubleTitle')}</h2>
        <ul className="list-disc pl-6">
          <li>{t('troubleAssign')}</li>
          <li>{t.rich('troubleShared', { ...tags, param: `?tenant=${shortName}` })}</li>
          <li>{t('troubleNotFound')}</li>
          <li>{t('troubleElse', { support })}</li>
        </ul>
      </section>
      <OinValuesSection />
    </article>
  );
}

import Link from 'next/link';
import { getTranslations } from '@/lib/i18n/server';
import { ActionForm } from '@/app/_components/action-form';
import { CopyValue } from '@/app/_components/copy-button';
import { Card, TextField } from '@/app/_components/fields';
import { getEnv } from '@/lib/env';
import { describeConnectionFailure, type ConnectionCheckCode } from '@/lib/onboarding/discovery-messages';
import { RECOMMENDED_TILE, tileChoiceOf } from '@/lib/onboarding/onboarding-schemas';
import { WIZARD_STEPS, stepIndex, type Onboarding, type WizardStep } from '@/lib/onboarding/onboarding-state';
import { OKTA_APP_SETTINGS, TILE_MODES, oktaAppValues } from '@/lib/oin/oin-values';
import { getPublicJwks } from '@/lib/tenants/tenant-keys';
import { getLocale } from 'next-intl/server';
import { activateAction, recheckAction, saveConnectionAction, saveOrganizationAction } from './actions';
import { ClientAuthFields } from './client-auth-fields';
import { ClientMessages } from '@/app/_components/client-messages';
import { DomainsStep } from './domains-step';

const TILE_CHOICES = ['none', 'redirect', 'id_token'] as const;
const primaryLink = 'inline-block rounded-lg bg-accent px-4 py-2 font-medium text-on-accent hover:bg-accent-hover';

/** "Step n of 6 · <title>": the heading of each step's card. */
export async function stepTitle(step: WizardStep) {
  const t = await getTranslations('onboarding');
  return `${t('stepOf', { n: stepIndex(step) + 1, total: WIZARD_STEPS.length })} · ${t(`steps.${step}`)}`;
}

export async function StepView({ step, o }: { step: WizardStep; o: Onboarding }) {
  const t = await getTranslations('onboarding');
  const values = oktaAppValues(getEnv().APP_URL);
  const slug = o.slug ?? 'your-org';
  const title = await stepTitle(step);
  switch (step) {
    case 'organization':
      return (
        <Card title={title}>
          <ActionForm action={saveOrganizationAction} submitLabel={t('organization.submit')}>
            <TextField label={t('organization.name')} name="displayName" defaultValue={o.displayName} required maxLength={64} autoComplete="organization" />
            <TextField label={t('organization.slug')} name="slug" defaultValue={o.slug} required maxLength={40} hint={t('organization.slugHint')} />
          </ActionForm>
        </Card>
      );
    case 'okta':
      return (
        <Card title={title} testId="okta-instructions">
          <ol className="list-decimal space-y-2 pl-5 text-fg">
            <li>{t('okta.open')}</li>
            <li>{t('okta.signInMethod', { method: OKTA_APP_SETTINGS.signInMethod, type: OKTA_APP_SETTINGS.applicationType })}</li>
            <li>{t('okta.grantType', { grant: OKTA_APP_SETTINGS.grantType })}</li>
            <li>{t('okta.paste')}</li>
          </ol>
          <CopyValue label={t('okta.redirectUri')} value={values.signInRedirectUri} testId="value-redirect-uri" />
          <CopyValue label={t('okta.signOutUri')} value={values.signOutRedirectUri} testId="value-signout-uri" />
          <CopyValue label={t('okta.initiateUri')} value={values.initiateLoginUri(slug)} testId="value-initiate-uri" />
          <p className="text-sm text-fg-muted">{t('okta.initiateNote', { slug })}</p>
          <h3 className="font-semibold">{t('okta.tileHeading')}</h3>
          <ul className="space-y-2">
            {TILE_CHOICES.map((choice, i) => (
              <li key={choice} className={`rounded-lg border p-3 ${choice === RECOMMENDED_TILE ? 'border-accent' : 'border-line'}`} data-testid={`tile-${choice}`}>
                <div className="font-medium">{t(`tile.${choice}`)}</div>
                <div className="text-sm text-fg-muted">{t('okta.tileOkta')} {TILE_MODES[i]!.okta}</div>
                <div className="text-sm">{t(`tile.${choice}Meaning`)}</div>
              </li>
            ))}
          </ul>
          <p className="text-fg">{t('okta.assign')}</p>
          <Link href="/onboarding?step=connection" className={primaryLink}>{t('okta.done')}</Link>
        </Card>
      );
    case 'connection':
      return <ConnectionStep o={o} title={title} slug={slug} />;
    case 'test':
      return (
        <Card title={title} testId="test-sign-in">
          <p className="text-fg">{t('test.intro', { name: o.displayName ?? '' })}</p>
          {o.testClaims ? (
            <dl className="grid grid-cols-1 gap-x-4 gap-y-1 rounded-lg border border-success bg-success-soft p-4 sm:grid-cols-[8rem_1fr]" data-testid="test-claims">
              <dt className="text-sm text-fg">{t('test.sub')}</dt><dd className="break-all font-mono text-sm" data-testid="claim-sub">{o.testClaims.sub}</dd>
              <dt className="text-sm text-fg">{t('test.email')}</dt><dd className="break-all" data-testid="claim-email">{o.testClaims.email ?? '—'}</dd>
              <dt className="text-sm text-fg">{t('test.name')}</dt><dd data-testid="claim-name">{o.testClaims.name ?? '—'}</dd>
              <dt className="text-sm text-fg">{t('test.issuer')}</dt><dd className="break-all font-mono text-sm" data-testid="claim-issuer">{o.testClaims.iss}</dd>
            </dl>
          ) : null}
          <div className="flex flex-wrap gap-3">
            <form method="post" action="/onboarding/test-sign-in">
              <button type="submit" className="rounded-lg border border-control bg-surface px-4 py-2 font-medium hover:bg-surface-muted">
                {o.testClaims ? t('test.again') : t('test.start')}
              </button>
            </form>
            {o.testClaims ? <Link href="/onboarding?step=domains" className={primaryLink}>{t('test.continue')}</Link> : null}
          </div>
        </Card>
      );
    case 'domains':
      return <DomainsStep o={o} title={title} />;
    case 'activate': {
      const verified = o.tenant?.verifiedEmailDomains ?? [];
      return (
        <Card title={title} testId="activate">
          <p className="text-fg">{t('activate.intro', { name: o.displayName ?? '', who: o.testClaims?.email ?? o.testClaims?.sub ?? '' })}</p>
          <p className="text-fg" data-testid="activate-domains">
            {verified.length ? t('activate.domainsVerified', { domains: verified.join(', ') }) : t('activate.domainsNone')}
          </p>
          <ActionForm action={activateAction} submitLabel={t('activate.submit', { name: o.displayName ?? '' })} />
        </Card>
      );
    }
  }
}

async function ConnectionStep({ o, title, slug }: { o: Onboarding; title: string; slug: string }) {
  const t = await getTranslations('onboarding');
  const locale = await getLocale();
  const values = oktaAppValues(getEnv().APP_URL);
  const tenant = o.tenant;
  const jwks = tenant?.clientAuthMethod === 'private_key_jwt' ? await getPublicJwks(tenant.id) : null;
  const failed = tenant?.lastDiscoveryCheckCode as ConnectionCheckCode | null | undefined;
  const checked = Boolean(tenant?.lastDiscoveryCheckAt);
  return (
    <div className="space-y-6">
      {tenant && checked ? (
        <Card title={t('connection.checkTitle')}>
          <div id="connection-check" data-testid="connection-check" tabIndex={-1}>
            {failed ? (
              <p role="alert" className="rounded-lg bg-danger-soft px-3 py-2 text-danger">{describeConnectionFailure(failed, {}, locale)}</p>
            ) : (
              <p role="status" className="rounded-lg bg-success-soft px-3 py-2 text-success">{t('connection.checkOk', { issuer: tenant.issuer })}</p>
            )}
          </div>
          <div className="flex flex-wrap items-end gap-3">
            <ActionForm action={recheckAction} submitLabel={t('connection.checkAgain')} variant="secondary" />
            {!failed ? <Link href="/onboarding?step=test" className={primaryLink}>{t('connection.continueTest')}</Link> : null}
          </div>
        </Card>
      ) : null}
      {jwks ? (
        <Card title={t('connection.publicKeyTitle')} testId="public-key">
          <p className="text-fg">{t('connection.publicKeyIntro')}</p>
          <CopyValue label={t('connection.jwksUri')} value={values.jwksUri(slug)} testId="value-jwks-uri" />
          <CopyValue label={t('connection.publicJwk')} value={JSON.stringify(jwks.keys[0], null, 2)} testId="value-public-jwk" />
        </Card>
      ) : null}
      <Card title={title}>
        <ActionForm action={saveConnectionAction} submitLabel={t('connection.submit')}>
          <TextField label={t('connection.issuer')} name="issuer" defaultValue={tenant?.issuer} required placeholder={t('connection.issuerPlaceholder')} />
          <TextField label={t('connection.clientId')} name="clientId" defaultValue={tenant?.clientId} required maxLength={200} />
          <ClientMessages only={['onboarding.connection']}>
            <ClientAuthFields
              initial={tenant?.clientAuthMethod ?? 'client_secret_basic'}
              hasSecret={Boolean(tenant?.hasClientSecret) && tenant?.clientAuthMethod !== 'private_key_jwt'}
              jwksUri={values.jwksUri(slug)}
            />
          </ClientMessages>
          <fieldset className="space-y-2">
            <legend className="text-sm font-medium">{t('connection.tileLegend')}</legend>
            {TILE_CHOICES.map((choice) => (
              <label key={choice} className="flex items-start gap-2">
                <input type="radio" name="tile" value={choice} defaultChecked={(tenant ? tileChoiceOf(tenant) : RECOMMENDED_TILE) === choice} className="mt-1 accent-accent" />
                <span className="font-medium">{t(`tile.${choice}`)}</span>
              </label>
            ))}
          </fieldset>
        </ActionForm>
      </Card>
    </div>
  );
}

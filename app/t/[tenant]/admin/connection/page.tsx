import type { Metadata } from 'next';
import { getTranslations } from '@/lib/i18n/server';
import { ActionForm } from '@/app/_components/action-form';
import { CopyValue } from '@/app/_components/copy-button';
import { Card, Radio, TextField } from '@/app/_components/fields';
import { requireTenantPage } from '@/lib/auth/tenant-guard';
import { getEnv } from '@/lib/env';
import { oktaAppValues } from '@/lib/oin/oin-values';
import { SCOPES } from '@/lib/tenants/tenant-schema';
import { discardPendingConnectionAction, updateConnectionAction } from '../actions';
import { ConfirmActionForm } from '@/app/_components/confirm-action-form';
import { LocalTime } from '../_components/local-time';
import { DpopCard } from './dpop-card';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('adminConnection'))('title') };
}

type Props = { params: Promise<{ tenant: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ConnectionPage({ params, searchParams }: Props) {
  const { tenant } = await requireTenantPage((await params).tenant, 'admin', 'view connection settings');
  const t = await getTranslations('adminConnection');
  const values = oktaAppValues(getEnv().APP_URL);
  const tested = (await searchParams).tested === '1' && !tenant.pendingConnection && tenant.connectionProven;
  const pending = tenant.pendingConnection;
  const code = (chunks: React.ReactNode) => <code className="[overflow-wrap:anywhere]">{chunks}</code>;
  return (
    <>
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      {/* The connection in use, and a changed one waiting for its test sign-in (lib/tenants/pending-connection.ts). */}
      <Card title={t('inUse')} testId="connection-state">
        <p className="text-sm">
          {t.rich('inUseText', { issuer: tenant.issuer, clientId: tenant.clientId, code })}{' '}
          {tenant.connectionProven ? (
            <b data-testid="connection-proven">
              {tenant.connectionProvenAt ? <>{t('provenOn')} <LocalTime value={tenant.connectionProvenAt} dateOnly /></> : t('proven')}
            </b>
          ) : (
            <b data-testid="connection-unproven">{t('unproven')}</b>
          )}
        </p>
        {tested ? <p role="status" data-testid="connection-tested" className="rounded-lg bg-success-soft px-3 py-2 text-sm text-success">{t('tested')}</p> : null}
        {pending ? (
          <div className="space-y-2 rounded-lg border border-warning bg-warning-soft p-3 text-sm" data-testid="pending-connection">
            <p>{t.rich('pendingText', { issuer: pending.issuer, clientId: pending.clientId, code, b: (chunks) => <b>{chunks}</b> })}</p>
            <form method="post" action={`/t/${tenant.slug}/admin/connection/test-sign-in`}>
              <button type="submit" className="rounded-lg bg-accent px-4 py-2 text-on-accent hover:bg-accent-hover">{t('testPending')}</button>
            </form>
            <ConfirmActionForm action={discardPendingConnectionAction.bind(null, tenant.slug)} submitLabel={t('discardPending')} variant="secondary"
              confirmation={{ title: t('confirmDiscardTitle'), body: t('confirmDiscardBody', { issuer: pending.issuer, clientId: pending.clientId }), confirmLabel: t('discardPending') }} />
          </div>
        ) : null}
      </Card>
      <Card>
        <ActionForm action={updateConnectionAction.bind(null, tenant.slug)} submitLabel={t('save')}>
          <TextField label={t('displayName')} name="displayName" defaultValue={tenant.displayName} required maxLength={64} />
          <TextField label={t('issuer')} name="issuer" defaultValue={pending?.issuer ?? tenant.issuer} required hint={t('issuerHint')} />
          <TextField label={t('clientId')} name="clientId" defaultValue={pending?.clientId ?? tenant.clientId} required maxLength={200} hint={t('clientIdHint')} />
          {tenant.clientAuthMethod === 'private_key_jwt' ? (
            <p className="text-sm">{t.rich('authPrivateKey', { b: (chunks) => <b>{chunks}</b> })}</p>
          ) : (
            <fieldset className="space-y-1">
              <legend className="text-sm font-medium">{t('auth')}</legend>
              <Radio name="clientAuthMethod" value="client_secret_basic" label={t('authBasic')} defaultChecked={tenant.clientAuthMethod === 'client_secret_basic'} />
              <Radio name="clientAuthMethod" value="client_secret_post" label={t('authPost')} defaultChecked={tenant.clientAuthMethod === 'client_secret_post'} />
            </fieldset>
          )}
          <fieldset className="space-y-1">
            <legend className="text-sm font-medium">{t('scopes')}</legend>
            {SCOPES.map((s) => (
              <label key={s} className="mr-4 inline-flex items-center gap-1">
                <input type="checkbox" name="scopes" value={s} defaultChecked={s === 'openid' || tenant.scopes.includes(s)} disabled={s === 'openid'} /> {s}
              </label>
            ))}
          </fieldset>
          <fieldset className="space-y-1">
            <legend className="text-sm font-medium">{t('loginInitiatedBy')}</legend>
            <Radio name="loginInitiatedBy" value="app_only" label={t('appOnly')} defaultChecked={tenant.loginInitiatedBy === 'app_only'} />
            <Radio name="loginInitiatedBy" value="either" label={t('either')} defaultChecked={tenant.loginInitiatedBy === 'either'} />
          </fieldset>
          <fieldset className="space-y-1">
            <legend className="text-sm font-medium">{t('tileLoginFlow')}</legend>
            <Radio name="tileLoginFlow" value="redirect" label={t('flowRedirect')} defaultChecked={tenant.tileLoginFlow === 'redirect'} />
            <Radio name="tileLoginFlow" value="id_token" label={t('flowIdToken')} defaultChecked={tenant.tileLoginFlow === 'id_token'} />
          </fieldset>
          <TextField label={t('orgDomain')} name="oktaOrgDomain" defaultValue={tenant.oktaOrgDomain ?? ''} placeholder="acme.okta.com" hint={t('orgDomainHint')} />
        </ActionForm>
      </Card>
      <DpopCard tenant={tenant} />
      <Card title={t('valuesInOkta')}>
        <CopyValue label={t('signInRedirect')} value={values.signInRedirectUri} />
        <CopyValue label={t('signOutRedirect')} value={values.signOutRedirectUri} />
        <CopyValue label={t('initiateLogin')} value={values.initiateLoginUri(tenant.slug)} />
      </Card>
    </>
  );
}

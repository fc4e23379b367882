import type { Metadata } from 'next';
import { ActionForm } from '@/app/_components/action-form';
import { CopyValue } from '@/app/_components/copy-button';
import { Card, Radio, TextField } from '@/app/_components/fields';
import { requireTenantPage } from '@/lib/auth/tenant-guard';
import { getEnv } from '@/lib/env';
import { oktaAppValues } from '@/lib/oin/oin-values';
import { SCOPES } from '@/lib/tenants/tenant-schema';
import { updateConnectionAction } from '../actions';
import { DpopCard } from './dpop-card';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Connection settings' };

export default async function ConnectionPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant } = await requireTenantPage((await params).tenant, 'admin', 'view connection settings');
  const values = oktaAppValues(getEnv().APP_URL);
  return (
    <>
      <h1 className="text-2xl font-bold">Connection settings</h1>
      <Card>
        <ActionForm action={updateConnectionAction.bind(null, tenant.slug)} submitLabel="Save settings">
          <TextField label="Organization name" name="displayName" defaultValue={tenant.displayName} required maxLength={64} />
          <TextField label="Okta issuer" name="issuer" defaultValue={tenant.issuer} required hint="A changed issuer is checked through discovery before it is saved." />
          <TextField label="Client ID" name="clientId" defaultValue={tenant.clientId} required maxLength={200} />
          {tenant.clientAuthMethod === 'private_key_jwt' ? (
            <p className="text-sm">Client authentication: <b>Public key / Private key</b> (keys under Credentials).</p>
          ) : (
            <fieldset className="space-y-1">
              <legend className="text-sm font-medium">Client authentication</legend>
              <Radio name="clientAuthMethod" value="client_secret_basic" label="Client secret (Authorization header)" defaultChecked={tenant.clientAuthMethod === 'client_secret_basic'} />
              <Radio name="clientAuthMethod" value="client_secret_post" label="Client secret (request body)" defaultChecked={tenant.clientAuthMethod === 'client_secret_post'} />
            </fieldset>
          )}
          <fieldset className="space-y-1">
            <legend className="text-sm font-medium">Scopes (openid is always requested; offline access never)</legend>
            {SCOPES.map((s) => (
              <label key={s} className="mr-4 inline-flex items-center gap-1">
                <input type="checkbox" name="scopes" value={s} defaultChecked={s === 'openid' || tenant.scopes.includes(s)} disabled={s === 'openid'} /> {s}
              </label>
            ))}
          </fieldset>
          <fieldset className="space-y-1">
            <legend className="text-sm font-medium">Sign-in from the Okta tile (Okta: Login initiated by)</legend>
            <Radio name="loginInitiatedBy" value="app_only" label="App only: no tile" defaultChecked={tenant.loginInitiatedBy === 'app_only'} />
            <Radio name="loginInitiatedBy" value="either" label="Either Okta or app: the tile signs people in" defaultChecked={tenant.loginInitiatedBy === 'either'} />
          </fieldset>
          <fieldset className="space-y-1">
            <legend className="text-sm font-medium">Tile login flow (Okta: Login flow)</legend>
            <Radio name="tileLoginFlow" value="redirect" label="Redirect to app to initiate login (OIDC Compliant)" defaultChecked={tenant.tileLoginFlow === 'redirect'} />
            <Radio name="tileLoginFlow" value="id_token" label="Send ID Token directly to app (Okta Simplified)" defaultChecked={tenant.tileLoginFlow === 'id_token'} />
          </fieldset>
          <label className="block text-sm">
            <span className="font-medium">Okta org domain (only for an issuer on a custom domain, with Okta Simplified)</span>
            <input name="oktaOrgDomain" defaultValue={tenant.oktaOrgDomain ?? ''} placeholder="acme.okta.com" className="mt-1 block w-full rounded border border-slate-300 px-2 py-1" />
            <span className="text-xs text-slate-500">Okta Simplified sign-ins are accepted only from your issuer or this domain.</span>
          </label>
        </ActionForm>
      </Card>
      <DpopCard tenant={tenant} />
      <Card title="Values in Okta">
        <CopyValue label="Sign-in redirect URI" value={values.signInRedirectUri} />
        <CopyValue label="Sign-out redirect URI" value={values.signOutRedirectUri} />
        <CopyValue label="Initiate login URI" value={values.initiateLoginUriForTenant(tenant.slug)} />
      </Card>
    </>
  );
}

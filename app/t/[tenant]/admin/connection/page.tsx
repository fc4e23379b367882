import type { Metadata } from 'next';
import { ActionForm } from '@/app/_components/action-form';
import { CopyValue } from '@/app/_components/copy-button';
import { Card, Radio, TextField } from '@/app/_components/fields';
import { requireTenantPage } from '@/lib/auth/tenant-guard';
import { getEnv } from '@/lib/env';
import { oktaAppValues } from '@/lib/oin/oin-values';
import { SCOPES } from '@/lib/tenants/tenant-schema';
import { discardPendingConnectionAction, updateConnectionAction } from '../actions';
import { DpopCard } from './dpop-card';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Connection settings' };

type Props = { params: Promise<{ tenant: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ConnectionPage({ params, searchParams }: Props) {
  const { tenant } = await requireTenantPage((await params).tenant, 'admin', 'view connection settings');
  const values = oktaAppValues(getEnv().APP_URL);
  const tested = (await searchParams).tested === '1' && !tenant.pendingConnection && tenant.connectionProven;
  const pending = tenant.pendingConnection;
  return (
    <>
      <h1 className="text-2xl font-bold">Connection settings</h1>
      {/* The connection in use, and a changed one waiting for its test sign-in (lib/tenants/pending-connection.ts). */}
      <Card title="Okta connection in use" testId="connection-state">
        <p className="text-sm">
          Issuer <code>{tenant.issuer}</code>, client ID <code>{tenant.clientId}</code>:{' '}
          {tenant.connectionProven ? (
            <b data-testid="connection-proven">proven{tenant.connectionProvenAt ? ` on ${tenant.connectionProvenAt.toISOString().slice(0, 10)}` : ''}</b>
          ) : (
            <b data-testid="connection-unproven">not proven yet: the Okta tile does not sign anyone in until a test sign-in succeeds</b>
          )}
          .
        </p>
        {tested ? <p role="status" data-testid="connection-tested" className="rounded-lg bg-success-soft px-3 py-2 text-sm text-success">The test sign-in worked: the new connection is now in use.</p> : null}
        {pending ? (
          <div className="space-y-2 rounded-lg border border-warning bg-warning-soft p-3 text-sm" data-testid="pending-connection">
            <p>
              <b>Pending:</b> issuer <code>{pending.issuer}</code>, client ID <code>{pending.clientId}</code>. It is not used until a test sign-in
              through it succeeds; until then the connection above keeps signing people in. Sign in with any account of that Okta org that is
              assigned to the app; your own session here is not changed.
            </p>
            <form method="post" action={`/t/${tenant.slug}/admin/connection/test-sign-in`}>
              <button type="submit" className="rounded-lg bg-accent px-4 py-2 text-on-accent hover:bg-accent-hover">Test sign-in through the pending connection</button>
            </form>
            <ActionForm action={discardPendingConnectionAction.bind(null, tenant.slug)} submitLabel="Discard the pending connection" variant="secondary" />
          </div>
        ) : null}
      </Card>
      <Card>
        <ActionForm action={updateConnectionAction.bind(null, tenant.slug)} submitLabel="Save settings">
          <TextField label="Organization name" name="displayName" defaultValue={tenant.displayName} required maxLength={64} />
          <TextField label="Okta issuer" name="issuer" defaultValue={pending?.issuer ?? tenant.issuer} required hint="A changed issuer is checked through discovery, then waits as the pending connection until a test sign-in through it succeeds." />
          <TextField label="Client ID" name="clientId" defaultValue={pending?.clientId ?? tenant.clientId} required maxLength={200} hint="A changed client ID also waits for a test sign-in." />
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
            <input name="oktaOrgDomain" defaultValue={tenant.oktaOrgDomain ?? ''} placeholder="acme.okta.com" className="mt-1 block w-full rounded border border-control px-2 py-1" />
            <span className="text-xs text-fg-muted">Okta Simplified sign-ins are accepted only from your issuer or this domain.</span>
          </label>
        </ActionForm>
      </Card>
      <DpopCard tenant={tenant} />
      <Card title="Values in Okta">
        <CopyValue label="Sign-in redirect URI" value={values.signInRedirectUri} />
        <CopyValue label="Sign-out redirect URI" value={values.signOutRedirectUri} />
        <CopyValue label="Initiate login URI" value={values.initiateLoginUri(tenant.slug)} />
      </Card>
    </>
  );
}

import type { Metadata } from 'next';
import { ActionForm } from '@/app/_components/action-form';
import { CopyValue } from '@/app/_components/copy-button';
import { Card, TextField } from '@/app/_components/fields';
import { requireTenantPage } from '@/lib/auth/tenant-guard';
import { getEnv } from '@/lib/env';
import { oktaAppValues } from '@/lib/oin/oin-values';
import { getPublicJwks } from '@/lib/tenants/tenant-keys';
import {
  activateKeyAction, addKeyAction, addSecretAction, discardKeyAction, discardSecretAction, promoteSecretAction,
} from '../actions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Credentials' };

/** Client secret rotation (two secrets valid during the switch, as in Okta) or private_key_jwt key rotation. */
export default async function CredentialsPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant } = await requireTenantPage((await params).tenant, 'admin', 'view credentials');
  const slug = tenant.slug;
  if (tenant.clientAuthMethod === 'private_key_jwt') {
    const jwks = await getPublicJwks(tenant.id);
    const next = tenant.keys.find((k) => k.status === 'next');
    return (
      <>
        <h1 className="text-2xl font-bold">Signing keys (Public key / Private key)</h1>
        <Card>
          <CopyValue label="JWKS URL for Okta" value={oktaAppValues(getEnv().APP_URL).jwksUri(slug)} testId="jwks-url" />
          <ul className="space-y-1" data-testid="key-list">
            {tenant.keys.map((k) => (
              <li key={k.kid}><code>{k.kid}</code> — {k.status === 'active' ? 'signs now' : 'new, published, not signing yet'}</li>
            ))}
          </ul>
          {jwks.keys.map((k) => <CopyValue key={k.kid} label={`Public key ${k.kid}`} value={JSON.stringify(k)} />)}
        </Card>
        <Card title="Rotate the key">
          <ol className="list-decimal space-y-1 pl-5 text-fg">
            <li>Add a new key: it appears at the JWKS URL at once (Okta reads it there), or copy its public key into Okta.</li>
            <li>Activate it: the app signs with the new key; the old key is retired and leaves the JWKS.</li>
          </ol>
          {next ? (
            <div className="flex gap-3">
              <ActionForm action={activateKeyAction.bind(null, slug)} submitLabel="Activate the new key" />
              <ActionForm action={discardKeyAction.bind(null, slug)} submitLabel="Discard the new key" variant="danger" />
            </div>
          ) : (
            <ActionForm action={addKeyAction.bind(null, slug)} submitLabel="Add a new key" />
          )}
        </Card>
      </>
    );
  }
  return (
    <>
      <h1 className="text-2xl font-bold">Client secret</h1>
      <Card>
        <p data-testid="secret-state">
          {tenant.hasNextClientSecret
            ? 'Rotation under way: two secrets are saved. Sign-in uses the current one and falls back to the new one.'
            : 'One secret is saved. It is stored encrypted and never shown.'}
        </p>
      </Card>
      <Card title="Rotate the secret">
        <ol className="list-decimal space-y-1 pl-5 text-fg">
          <li>In Okta (app → General → Client Credentials) generate a new secret. Okta keeps both secrets active.</li>
          <li>Save the new secret here. Sign-in works with either secret from now on.</li>
          <li>Deactivate the old secret in Okta, then finish the rotation here.</li>
        </ol>
        <ActionForm action={addSecretAction.bind(null, slug)} submitLabel="Save new secret">
          <TextField label="New client secret" name="clientSecret" type="password" required />
        </ActionForm>
        {tenant.hasNextClientSecret ? (
          <div className="flex gap-3">
            <ActionForm action={promoteSecretAction.bind(null, slug)} submitLabel="Finish rotation" />
            <ActionForm action={discardSecretAction.bind(null, slug)} submitLabel="Discard new secret" variant="danger" />
          </div>
        ) : null}
      </Card>
    </>
  );
}

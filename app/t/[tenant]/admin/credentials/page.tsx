import type { Metadata } from 'next';
import { getTranslations } from '@/lib/i18n/server';
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
import { ConfirmActionForm } from '@/app/_components/confirm-action-form';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('adminCredentials'))('title') };
}

/** Client secret rotation (two secrets valid during the switch, as in Okta) or private_key_jwt key rotation. */
export default async function CredentialsPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant } = await requireTenantPage((await params).tenant, 'admin', 'view credentials');
  const t = await getTranslations('adminCredentials');
  const slug = tenant.slug;
  if (tenant.clientAuthMethod === 'private_key_jwt') {
    const jwks = await getPublicJwks(tenant.id);
    const next = tenant.keys.find((k) => k.status === 'next');
    return (
      <>
        <h1 className="text-2xl font-bold">{t('keysHeading')}</h1>
        <Card>
          <CopyValue label={t('jwksUrl')} value={oktaAppValues(getEnv().APP_URL).jwksUri(slug)} testId="jwks-url" />
          <ul className="space-y-1 [overflow-wrap:anywhere]" data-testid="key-list">
            {tenant.keys.map((k) => (
              <li key={k.kid}><code>{k.kid}</code> — {k.status === 'active' ? t('keySigns') : t('keyNext')}</li>
            ))}
          </ul>
          {jwks.keys.map((k) => <CopyValue key={k.kid} label={t('publicKey', { kid: k.kid })} value={JSON.stringify(k)} />)}
        </Card>
        <Card title={t('rotateKey')}>
          <ol className="list-decimal space-y-1 pl-5 text-fg">
            <li>{t('rotateKeyStep1')}</li>
            <li>{t('rotateKeyStep2')}</li>
          </ol>
          {next ? (
            <div className="flex flex-wrap gap-3">
              <ActionForm action={activateKeyAction.bind(null, slug)} submitLabel={t('activateKey')} />
              <ConfirmActionForm action={discardKeyAction.bind(null, slug)} submitLabel={t('discardKey')} variant="danger"
                confirmation={{ title: t('confirmDiscardKeyTitle'), body: t('confirmDiscardKeyBody', { kid: next.kid }), confirmLabel: t('discardKey') }} />
            </div>
          ) : (
            <ActionForm action={addKeyAction.bind(null, slug)} submitLabel={t('addKey')} />
          )}
        </Card>
      </>
    );
  }
  return (
    <>
      <h1 className="text-2xl font-bold">{t('secretHeading')}</h1>
      <Card>
        <p data-testid="secret-state">{tenant.hasNextClientSecret ? t('secretTwo') : t('secretOne')}</p>
      </Card>
      <Card title={t('rotateSecret')}>
        <ol className="list-decimal space-y-1 pl-5 text-fg">
          <li>{t('rotateSecretStep1')}</li>
          <li>{t('rotateSecretStep2')}</li>
          <li>{t('rotateSecretStep3')}</li>
        </ol>
        <ActionForm action={addSecretAction.bind(null, slug)} submitLabel={t('saveSecret')}>
          <TextField label={t('newSecret')} name="clientSecret" type="password" required />
        </ActionForm>
        {tenant.hasNextClientSecret ? (
          <div className="flex flex-wrap gap-3">
            <ActionForm action={promoteSecretAction.bind(null, slug)} submitLabel={t('finishRotation')} />
            <ConfirmActionForm action={discardSecretAction.bind(null, slug)} submitLabel={t('discardSecret')} variant="danger"
              confirmation={{ title: t('confirmDiscardSecretTitle'), body: t('confirmDiscardSecretBody'), confirmLabel: t('discardSecret') }} />
          </div>
        ) : null}
      </Card>
    </>
  );
}

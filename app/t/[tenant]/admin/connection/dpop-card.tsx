/**
 * The connection page's DPoP section: one switch matching Okta's app setting "Require Demonstrating Proof of
 * Possession (DPoP) header in token requests", and why it cannot go with the Okta Simplified tile flow.
 */
import { getTranslations } from '@/lib/i18n/server';
import { ActionForm } from '@/app/_components/action-form';
import { Card } from '@/app/_components/fields';
import type { Tenant } from '@/lib/tenants/tenant';
import { updateDpopAction } from './dpop-actions';

export async function DpopCard({ tenant }: { tenant: Pick<Tenant, 'slug' | 'requireDpop' | 'tileLoginFlow'> }) {
  const t = await getTranslations('adminConnection');
  const simplified = tenant.tileLoginFlow === 'id_token';
  return (
    <Card title={t('dpopTitle')} testId="dpop-settings">
      <p className="text-sm text-fg-muted">{t.rich('dpopIntro', { i: (chunks) => <i>{chunks}</i> })}</p>
      <ActionForm action={updateDpopAction.bind(null, tenant.slug)} submitLabel={t('dpopSave')}>
        <label className="flex items-start gap-2">
          <input
            type="checkbox"
            name="requireDpop"
            defaultChecked={tenant.requireDpop}
            disabled={simplified && !tenant.requireDpop}
            aria-describedby={simplified ? 'dpop-simplified' : undefined}
            className="mt-1"
          />
          <span className="font-medium">{t('dpopRequire')}</span>
        </label>
        {simplified ? (
          <p id="dpop-simplified" role="note" className="rounded-lg bg-warning-soft px-3 py-2 text-sm text-warning">
            {t('dpopWithSimplified')}
          </p>
        ) : null}
      </ActionForm>
    </Card>
  );
}

/**
 * The connection page's DPoP section: one switch matching Okta's app setting "Require Demonstrating Proof of
 * Possession (DPoP) header in token requests", and why it cannot go with the Okta Simplified tile flow.
 */
import { ActionForm } from '@/app/_components/action-form';
import { Card } from '@/app/_components/fields';
import type { Tenant } from '@/lib/tenants/tenant';
import { DPOP_WITH_SIMPLIFIED_MESSAGE } from '@/lib/tenants/tenant-schema';
import { updateDpopAction } from './dpop-actions';

export function DpopCard({ tenant }: { tenant: Pick<Tenant, 'slug' | 'requireDpop' | 'tileLoginFlow'> }) {
  const simplified = tenant.tileLoginFlow === 'id_token';
  return (
    <Card title="Proof of possession (DPoP)" testId="dpop-settings">
      <p className="text-sm text-fg-muted">
        Match the Okta app&apos;s General tab, <i>Proof of possession</i>: when it requires a DPoP header in token
        requests, so must this app. Each token request is then signed with a key this app keeps for your organization
        (RFC 9449); Okta needs nothing else. Change it in Okta and here together: sign-ins in between fail.
      </p>
      <ActionForm action={updateDpopAction.bind(null, tenant.slug)} submitLabel="Save DPoP setting">
        <label className="flex items-start gap-2">
          <input
            type="checkbox"
            name="requireDpop"
            defaultChecked={tenant.requireDpop}
            disabled={simplified && !tenant.requireDpop}
            aria-describedby={simplified ? 'dpop-simplified' : undefined}
            className="mt-1"
          />
          <span className="font-medium">Require DPoP header in token requests</span>
        </label>
        {simplified ? (
          <p id="dpop-simplified" role="note" className="rounded-lg bg-warning-soft px-3 py-2 text-sm text-warning">
            {DPOP_WITH_SIMPLIFIED_MESSAGE}
          </p>
        ) : null}
      </ActionForm>
    </Card>
  );
}

import type { Metadata } from 'next';
import { ActionForm } from '@/app/_components/action-form';
import { CopyValue } from '@/app/_components/copy-button';
import { Card } from '@/app/_components/fields';
import { requireTenantPage } from '@/lib/auth/tenant-guard';
import { listEmailDomains, verificationRecord, type EmailDomainStatus } from '@/lib/tenants/email-domains';
import { checkDomainAction, updateDomainsAction } from '../actions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Email domains' };

const LAST_CHECK: Record<string, string> = {
  record_missing: 'no record found',
  wrong_value: 'a record with another value',
  dns_error: 'DNS did not answer',
  taken: 'verified by another organization',
};

function statusOf(d: EmailDomainStatus): string {
  if (d.verified) return d.verifiedBy === 'operator' ? 'verified (approved by the operator)' : 'verified (DNS)';
  return d.lastCheckCode ? `not verified: ${LAST_CHECK[d.lastCheckCode] ?? d.lastCheckCode}` : 'not verified yet';
}

/** The tenant's email domains: what each routes, the DNS TXT record that verifies it, and its state. */
export default async function DomainsPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant } = await requireTenantPage((await params).tenant, 'admin', 'view email domains');
  const domains = await listEmailDomains(tenant.id);
  const token = tenant.domainVerificationToken;
  return (
    <>
      <h1 className="text-2xl font-bold">Email domains</h1>
      <Card>
        <p className="text-fg-muted">
          People who type a work email of a <b>verified</b> domain at the sign-in page are sent to your Okta. A domain is verified once its DNS
          holds the record shown below (or the operator approved it); the app checks it when you ask and again every day, and a domain whose
          record disappears stops routing. Public email domains (gmail.com and the like) are refused. Domains only route sign-ins: they never
          decide who someone is.
        </p>
        <ActionForm action={updateDomainsAction.bind(null, tenant.slug)} submitLabel="Save domains">
          <textarea name="domains" rows={5} defaultValue={tenant.emailDomains.join('\n')} aria-label="Email domains, one per line"
            className="block w-full rounded-lg border border-control px-3 py-2 font-mono text-sm" />
        </ActionForm>
      </Card>
      {domains.map((d) => {
        const record = token ? verificationRecord(d.domain, token) : null;
        return (
          <Card key={d.domain} title={d.domain} testId={`domain-${d.domain}`}>
            <p className="text-sm">
              Status: <b data-testid="domain-status">{statusOf(d)}</b>
              {d.lastCheckedAt ? <span className="text-fg-muted"> · last checked {d.lastCheckedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC</span> : null}
            </p>
            {!d.verified && record ? (
              <>
                <p className="text-sm text-fg-muted">In the DNS of {d.domain}, create this record, then check it:</p>
                <CopyValue label="Record name (host)" value={record.name} testId="txt-name" />
                <CopyValue label="Record type" value={record.type} />
                <CopyValue label="Record value" value={record.value} testId="txt-value" />
              </>
            ) : null}
            {d.verifiedBy !== 'operator' ? (
              <ActionForm action={checkDomainAction.bind(null, tenant.slug)} submitLabel={d.verified ? 'Check again' : 'Check the DNS record now'} variant="secondary">
                <input type="hidden" name="domain" value={d.domain} />
              </ActionForm>
            ) : null}
          </Card>
        );
      })}
    </>
  );
}

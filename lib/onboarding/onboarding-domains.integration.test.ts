/**
 * The wizard's email-domains step against a real PostgreSQL and a real DNS server on loopback (dns2): public
 * and malformed domains are refused under the field, saved domains wait unverified, and "Check now" verifies a
 * domain only once its `_oin-saas-verification` TXT record holds the tenant's token.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db/client';
import { createTenant } from '@/lib/tenants/create-tenant';
import { listEmailDomains, verificationRecord } from '@/lib/tenants/email-domains';
import type { Tenant } from '@/lib/tenants/tenant';
import { startTestDnsServer, type TestDnsServer } from '@/lib/tenants/testing/dns-server';
import { checkOnboardingDomain, saveOnboardingDomains } from './onboarding-domains';
import type { Onboarding } from './onboarding-state';

const suffix = randomUUID().slice(0, 8);
const ctx = { requestId: 'it-onboarding-domains', ip: '127.0.0.1', userAgent: 'vitest' };
const domain = `wizard-${suffix}.test`;
let dns: TestDnsServer;
let tenant: Tenant;
let onboarding: Onboarding;

beforeAll(async () => {
  // The resolver is configured before anything reads the environment (getEnv caches it).
  dns = await startTestDnsServer();
  process.env.DNS_SERVERS = dns.address;
  tenant = await createTenant(
    {
      slug: `wizard-${suffix}`, displayName: 'Wizard', status: 'draft', issuer: 'http://127.0.0.1:9', clientId: `wizard-${suffix}`,
      clientSecret: 'wizard-secret-value', clientAuthMethod: 'client_secret_basic', scopes: ['openid', 'email'], emailDomains: [],
      loginInitiatedBy: 'either', tileLoginFlow: 'redirect',
    },
    { ...ctx, actor: 'test' },
  );
  onboarding = {
    invitationId: `inv-${suffix}`, email: null, expiresAt: new Date(Date.now() + 3600_000), displayName: 'Wizard', slug: tenant.slug,
    tenant, testClaims: null, testedAt: new Date(), frontier: 'activate',
  };
});

afterAll(async () => {
  await getDb().tenant.delete({ where: { id: tenant.id } }).catch(() => {});
  await dns.close();
});

describe('onboarding email domains', () => {
  it.each([
    ['gmail.com', /gmail\.com is a public email domain/],
    [`${domain}\noutlook.com`, /outlook\.com is a public email domain/],
    ['not a domain', /“not” is not a domain name/],
  ])('refuses %j under the field and saves nothing', async (domains, message) => {
    const result = await saveOnboardingDomains(onboarding, { domains }, ctx);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.fieldErrors?.domains).toMatch(message);
    expect(await listEmailDomains(tenant.id)).toEqual([]);
  });

  it('answers in German when asked', async () => {
    const result = await saveOnboardingDomains(onboarding, { domains: 'gmail.com' }, ctx, 'de');
    expect(!result.ok && result.fieldErrors?.domains).toMatch(/öffentliche E-Mail-Domain/);
  });

  it('saves domains unverified, and verifies one only once its TXT record holds the token', async () => {
    const saved = await saveOnboardingDomains(onboarding, { domains: `${domain.toUpperCase()}, ${domain}` }, ctx);
    expect(saved.ok).toBe(true);
    expect((await listEmailDomains(tenant.id)).map((d) => [d.domain, d.verified])).toEqual([[domain, false]]);

    const missing = await checkOnboardingDomain(onboarding, { domain }, ctx);
    expect(missing).toMatchObject({ ok: false, code: 'record_missing' });

    const record = verificationRecord(domain, tenant.domainVerificationToken!);
    dns.txt.set(record.name, ['oin-saas-verification=someone-else']);
    expect(await checkOnboardingDomain(onboarding, { domain }, ctx)).toMatchObject({ ok: false, code: 'wrong_value' });

    dns.txt.set(record.name, [record.value]);
    const verified = await checkOnboardingDomain(onboarding, { domain }, ctx);
    expect(verified).toMatchObject({ ok: true });
    expect(verified.message).toContain(`${domain} is verified`);
    expect((await listEmailDomains(tenant.id))[0]).toMatchObject({ domain, verified: true, verifiedBy: 'dns' });
  });

  it('refuses a domain the organization has not saved', async () => {
    expect(await checkOnboardingDomain(onboarding, { domain: `other-${suffix}.test` }, ctx)).toMatchObject({ ok: false, code: 'not_found' });
  });
});

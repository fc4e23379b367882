/** `--tenants N`: N more active tenants on the acme org's issuer, through the tenant CLI's import (timed). */
import { performance } from 'node:perf_hooks';
import { importTenants } from '@/lib/tenants/import-tenants';
import type { BenchStack } from './bench-stack';

export async function seedTenants(stack: BenchStack, count: number): Promise<number> {
  const tenants = Array.from({ length: count }, (_, i) => ({
    slug: `bench-${String(i).padStart(6, '0')}`,
    displayName: `Bench ${i}`,
    status: 'active',
    issuer: stack.issuers.acme,
    clientId: `bench-client-${i}`,
    clientSecret: `bench-secret-${i}`,
    emailDomains: [`bench-${i}.test`],
    loginInitiatedBy: 'either',
  }));
  const started = performance.now();
  await importTenants({ format: 'okta-oin-saas/tenants@1', tenants }, { actor: 'bench', requestId: 'bench-seed' }, () => undefined);
  return (performance.now() - started) / 1000;
}

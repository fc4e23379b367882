/** `--tenants N`: N more active tenants on the acme org's issuer, through the tenant CLI's import (timed). */
import { performance } from 'node:perf_hooks';
import { importTenants } from '@/lib/tenants/import-tenants';
import type { BenchStack } from './bench-stack';

/** Returns the wall time and this process's CPU time (user + system) of the import, in seconds. */
export async function seedTenants(stack: BenchStack, count: number): Promise<{ wall: number; cpu: number }> {
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
  const cpu = process.cpuUsage();
  await importTenants({ format: 'okta-oin-saas/tenants@1', tenants }, { actor: 'bench', requestId: 'bench-seed' }, () => undefined);
  const used = process.cpuUsage(cpu);
  return { wall: (performance.now() - started) / 1000, cpu: (used.user + used.system) / 1e6 };
}

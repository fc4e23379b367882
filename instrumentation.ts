/**
 * Runs once when the server starts; the checks live in a Node-only module (see instrumentation-node.ts).
 * Also starts the hourly email-domain DNS re-check (lib/tenants/schedule-domain-rechecks.ts) and the
 * background purge of expired ID-token uses (lib/auth/purge-used-id-tokens.ts).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { checkConfigurationAtStart } = await import('./instrumentation-node');
    checkConfigurationAtStart();
    const { scheduleDomainRechecks } = await import('./lib/tenants/schedule-domain-rechecks');
    scheduleDomainRechecks();
    const { scheduleUsedIdTokenPurge } = await import('./lib/auth/purge-used-id-tokens');
    scheduleUsedIdTokenPurge();
  }
}

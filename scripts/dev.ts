/**
 * `npm run dev`: everything a newcomer needs to click through every sign-in path, in one command.
 * Starts the local Okta stand-in (two orgs), applies pending migrations to the database (embedded PGlite
 * under .data/ unless DATABASE_URL is set), seeds the demo tenants, then runs `next dev` and prints where
 * to click. Ctrl-C stops everything.
 */
import { spawn } from 'node:child_process';
import { demoTenantFile, seedDemoAdmins, seedDemoTenants } from '@/dev/demo-tenants';
import { demoStandInConfig } from '@/dev/okta-stand-in/demo';
import { startOktaStandIn } from '@/dev/okta-stand-in/index';
import { closeDb, getPglite } from '@/lib/db/client';
import { buildStylesheet, watchStylesheet } from '@/lib/branding/build-stylesheet';
import { applyMigrations } from '@/lib/db/migrate';
import { getEnv } from '@/lib/env';
import { describeRuntime } from '@/lib/runtime/node-runtime';

process.env.ALLOW_INSECURE_LOCAL_ISSUERS ??= 'true';
process.env.NEXT_TELEMETRY_DISABLED ??= '1';

async function main() {
  console.log(describeRuntime('npm run dev'));
  const env = getEnv();
  const standIn = await startOktaStandIn(demoStandInConfig(env.APP_URL));
  const issuer = (key: string) => standIn.orgs.find((o) => o.key === key)!.issuer;
  const issuers = { acme: issuer('acme'), globex: issuer('globex') };

  const pglite = getPglite();
  const { applied } = await applyMigrations(pglite ? { pglite } : { url: env.DATABASE_URL! });
  console.log(applied.length ? `Applied ${applied.length} migration(s).` : 'Database is up to date.');
  await seedDemoTenants(issuers);
  await seedDemoAdmins();
  await closeDb();
  await buildStylesheet();
  const stopWatching = watchStylesheet((error) => console.error(`Stylesheet: ${error instanceof Error ? error.message : String(error)}`));

  const next = spawn('npx', ['next', 'dev', '-p', String(env.PORT)], {
    stdio: ['inherit', 'inherit', 'inherit'],
    env: { ...process.env, APP_URL: env.APP_URL },
  });
  printWelcome(env.APP_URL, issuers);

  const stop = async (code: number) => {
    next.kill('SIGTERM');
    stopWatching();
    await standIn.close();
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
  next.on('exit', (code) => void stop(code ?? 0));
}

function printWelcome(appUrl: string, issuers: { acme: string; globex: string }) {
  const tenants = demoTenantFile(issuers).tenants.map((t) => `    ${t.slug.padEnd(12)} ${t.displayName} — ${t.tileLoginFlow === 'id_token' ? 'tile sends the ID token directly' : 'tile redirects to the app'}${t.slug === 'acme-labs' ? '; asks user consent' : ''}${'requireDpop' in t && t.requireDpop ? '; DPoP in token requests' : ''}`);
  console.log(`
  ┌───────────────────────────────────────────────────────────────────────┐
    App:               ${appUrl}/login
    Okta dashboards:   ${issuers.acme}/app/UserHome   (Acme Corp)
                       ${issuers.globex}/app/UserHome   (Globex)
    Users (password Passw0rd!):
      alice@acme.test, bob@acme.test         — Acme Corp
      carol@globex.test                      — Globex
      dave@globex.test                       — Globex, not assigned to the app (access denied)
      pat@shared.test                        — in both orgs, same sub (two separate users here)
    User consent: sign in to acme-labs (slug at /login, or its Acme tile) to see the app's own consent page;
      withdraw it at /t/acme-labs/account.
    Tenant admins (open /t/<tenant>/admin after signing in): alice@acme.test for acme and acme-labs,
      bob@acme.test for acme-direct and acme-dpop, carol@globex.test for globex. New customers: npm run tenant -- invite
    Demo tenants:
${tenants.join('\n')}
  └───────────────────────────────────────────────────────────────────────┘
`);
}

main().catch(async (error: unknown) => {
  console.error(`npm run dev failed: ${error instanceof Error ? error.message : String(error)}`);
  await closeDb().catch(() => {});
  process.exit(1);
});

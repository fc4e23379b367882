/**
 * Starts the demo Okta orgs and keeps them up until SIGINT/SIGTERM.
 *
 *   npx tsx dev/okta-stand-in/cli.ts --app-url http://localhost:3000 [--acme-port 9101] [--globex-port 9102]
 *                                    [--no-control-api] [--verbose]
 *
 * `--app-url` defaults to $APP_URL, then http://localhost:3000.
 */
import { parseArgs } from 'node:util';
import { demoStandInConfig, DEMO_PASSWORD } from './demo';
import { startOktaStandIn } from './index';

function port(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0 || parsed > 65535) throw new Error(`--${name} must be a port number`);
  return parsed;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'app-url': { type: 'string' },
      'acme-port': { type: 'string' },
      'globex-port': { type: 'string' },
      'no-control-api': { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log('Usage: tsx dev/okta-stand-in/cli.ts --app-url http://localhost:3000 [--acme-port N] [--globex-port N] [--no-control-api] [--verbose]');
    return;
  }
  const appUrl = values['app-url'] ?? process.env.APP_URL ?? 'http://localhost:3000';
  const config = demoStandInConfig(appUrl, {
    acme: port(values['acme-port'], 'acme-port'),
    globex: port(values['globex-port'], 'globex-port'),
  });
  config.controlApi = !values['no-control-api'];
  config.verbose = values.verbose;

  const standIn = await startOktaStandIn(config);
  console.log(`Okta stand-in (development only) for ${config.appUrl}; every demo password is ${DEMO_PASSWORD}`);
  for (const org of standIn.orgs) {
    const users = config.orgs.find((o) => o.key === org.key)?.users.map((u) => u.email).join(', ');
    console.log(`  ${org.name}`);
    console.log(`    issuer:    ${org.issuer}`);
    console.log(`    dashboard: ${org.dashboardUrl}`);
    console.log(`    users:     ${users}`);
  }

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`Okta stand-in: ${signal}, stopping`);
    standIn.close().then(
      () => process.exit(0),
      (error) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

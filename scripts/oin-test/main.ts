/**
 * `npm run oin:test`: the flows Okta's OIN Submission Tester runs — SP-initiated, IdP-initiated (tile, both
 * login flows) and JIT provisioning of a new user — in Chromium against this app's production build, with
 * the bundled Okta stand-in (default) or a real Okta org (`OIN_TEST_OKTA_*`, see settings.ts). Prints one
 * PASS/FAIL/SKIP line per flow with the reason; exits 1 when a flow fails, 2 when the run cannot start.
 */
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { clickStandInTile, FlowFailure, idpInitiated, spInitiated, type Flow, type FlowResult, type Landing } from './flows';
import { OKTA_ENV_HELP, parseOktaSettings, type OktaOrgSettings } from './settings';
import { startStack, type Stack } from './stack';

const HELP = `Usage: npm run oin:test [-- options]

Runs the OIN Submission Tester's flows against a fresh copy of this app (production build, throwaway database).
  --flows sp,idp-redirect,idp-simplified,jit   only these flows (default: all)
  --no-build                                   use the existing production build in .next (default: next build first)
  --self-check-tile-off                        stand-in only: switch the tenants' tile off first; the IdP-initiated
                                               lines must then FAIL (shows the tester catches a broken flow)
Database: a fresh database on TEST_DATABASE_URL's server when set, else an embedded PGlite in a temporary folder.
Chromium: CHROMIUM_PATH or /usr/bin/chromium.

${OKTA_ENV_HELP}`;

const PASSWORD = 'Passw0rd!';
const SLUG = 'oin-test';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { flows: { type: 'string' }, 'no-build': { type: 'boolean' }, 'self-check-tile-off': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) return (console.log(HELP), 0);
  const okta = parseOktaSettings(process.env);
  if (okta && values['self-check-tile-off']) throw new Error('--self-check-tile-off works with the stand-in only');
  if (!values['no-build']) build();

  console.log(okta ? `OIN flows against the Okta org ${okta.issuer}` : 'OIN flows against the bundled Okta stand-in');
  const stack = await startStack(okta ? { kind: 'okta', org: okta, slug: SLUG, port: okta.port } : { kind: 'stand-in', tileOff: values['self-check-tile-off'] });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  }).catch(async (error: unknown) => {
    await stack.stop();
    throw error;
  });
  try {
    console.log(`App (production build): ${stack.appUrl}\n`);
    const wanted = values.flows?.split(',').map((s) => s.trim());
    const flows = (okta ? oktaFlows(stack, okta) : standInFlows(stack)).filter((f) => !wanted || wanted.includes(f.id));
    const results: FlowResult[] = [];
    for (const flow of flows) {
      const result = await runFlow(flow, () => browser.newContext().then((c) => c.newPage()));
      results.push(result);
      console.log(`${result.status}  ${result.name.padEnd(46)} ${result.reason}`);
    }
    const count = (status: FlowResult['status']) => results.filter((r) => r.status === status).length;
    const failed = count('FAIL');
    console.log(`\n${count('PASS')} passed, ${failed} failed, ${count('SKIP')} skipped.${failed ? ` App log: ${stack.logFile}` : ''}`);
    return failed ? 1 : 0;
  } finally {
    await browser.close();
    await stack.stop();
  }
}

async function runFlow(flow: Flow, newPage: () => Promise<import('@playwright/test').Page>): Promise<FlowResult> {
  if (!flow.run) return { name: flow.name, status: 'SKIP', reason: flow.skip ?? '' };
  const page = await newPage();
  try {
    return { name: flow.name, status: 'PASS', reason: await flow.run(page) };
  } catch (error) {
    const reason = error instanceof FlowFailure ? error.message : `${error instanceof Error ? error.message.split('\n')[0] : String(error)} (at ${page.url()})`;
    return { name: flow.name, status: 'FAIL', reason };
  } finally {
    await page.context().close();
  }
}

/** `npm run build` (stylesheet, then `next build`; its output goes to stderr, keeping stdout to the flow lines). */
function build() {
  console.error('Building the app (npm run build; --no-build skips this)…');
  const run = spawnSync('npm', ['run', 'build'], { stdio: ['ignore', 2, 2] });
  if (run.status !== 0) throw new Error(`npm run build failed (exit ${run.status})`);
}

function standInFlows(stack: Stack): Flow[] {
  const acme = stack.standInIssuers!.acme;
  const alice = { username: 'alice@acme.test', password: PASSWORD };
  const bob = { username: 'bob@acme.test', password: PASSWORD };
  const landing = (slug: string, user: typeof alice, flow: RegExp): Landing => ({ appUrl: stack.appUrl, slug, user, email: user.username, flow, idpOrigins: [acme] });
  const dashboard = `${acme}/app/UserHome`;
  return [
    spInitiated('sp', 'SP-initiated sign-in', landing('acme', alice, /SP-initiated/)),
    idpInitiated('idp-redirect', 'IdP-initiated (tile, OIDC Compliant redirect)', landing('acme', alice, /redirect to app/),
      clickStandInTile(dashboard, alice, 'OIN Reference SaaS (Acme)')),
    idpInitiated('idp-simplified', 'IdP-initiated (tile, Okta Simplified)', landing('acme-direct', alice, /ID token sent directly/),
      clickStandInTile(dashboard, alice, 'OIN Reference SaaS (Acme, direct)')),
    // bob has never signed in to this run's fresh database: the app must create him on the way in.
    spInitiated('jit', 'JIT provisioning (new user)', { ...landing('acme', bob, /SP-initiated/), newUser: true }),
  ];
}

function oktaFlows(stack: Stack, okta: OktaOrgSettings): Flow[] {
  const idpOrigins = [new URL(okta.issuer).origin, ...(okta.embedLink ? [new URL(okta.embedLink).origin] : [])];
  const landing = (user: OktaOrgSettings['user'], flow: RegExp): Landing => ({ appUrl: stack.appUrl, slug: SLUG, user, flow, idpOrigins });
  const other = okta.tileFlow === 'redirect' ? 'Okta Simplified' : 'OIDC Compliant';
  const otherMode = `the app instance's Login flow is ${okta.tileFlow === 'redirect' ? 'OIDC Compliant' : 'Okta Simplified'}; switch it in Okta (and OIN_TEST_OKTA_TILE_FLOW) to test ${other}`;
  const embed = okta.embedLink ? async (page: import('@playwright/test').Page) => void (await page.goto(okta.embedLink!)) : undefined;
  const initiate = async (page: import('@playwright/test').Page) => void (await page.goto(`${stack.appUrl}/api/auth/initiate?iss=${encodeURIComponent(okta.issuer)}`));
  const jit = spInitiated('jit', 'JIT provisioning (new user)', { ...landing(okta.jitUser ?? okta.user, /SP-initiated/), newUser: true });
  const flows: Flow[] = [
    spInitiated('sp', 'SP-initiated sign-in', landing(okta.user, /SP-initiated/)),
    okta.tileFlow === 'redirect'
      // Without the embed link, the request Okta's tile sends (GET initiate login URI with iss) is sent directly.
      ? idpInitiated('idp-redirect', `IdP-initiated (tile, OIDC Compliant redirect${embed ? '' : ', emulated'})`, landing(okta.user, /redirect to app/), embed ?? initiate)
      : { id: 'idp-redirect', name: 'IdP-initiated (tile, OIDC Compliant redirect)', skip: otherMode },
    okta.tileFlow === 'id_token'
      ? embed
        ? idpInitiated('idp-simplified', 'IdP-initiated (tile, Okta Simplified)', landing(okta.user, /ID token sent directly/), embed)
        : { id: 'idp-simplified', name: 'IdP-initiated (tile, Okta Simplified)', skip: 'needs OIN_TEST_OKTA_EMBED_LINK: only Okta can mint the ID token the tile POSTs' }
      : { id: 'idp-simplified', name: 'IdP-initiated (tile, Okta Simplified)', skip: otherMode },
  ];
  // With one test user, JIT goes first: that user is new to this run's fresh database only until its first sign-in.
  return okta.jitUser ? [...flows, jit] : [jit, ...flows];
}

main()
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    console.error(`oin:test could not run: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    process.exit(2);
  });

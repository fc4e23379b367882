/**
 * Settings of `npm run oin:test`: the bundled stand-in by default; a real Okta org when
 * `OIN_TEST_OKTA_ISSUER` is set (then the variables below, checked with zod, with one line naming what is wrong).
 */
import { z } from 'zod';

export const OKTA_ENV_HELP = `Real Okta org (all optional unless OIN_TEST_OKTA_ISSUER is set):
  OIN_TEST_OKTA_ISSUER         https://<your org>.okta.com (the org authorization server)
  OIN_TEST_OKTA_CLIENT_ID      client id of an app instance of this app in that org
  OIN_TEST_OKTA_CLIENT_SECRET  its client secret (client_secret_basic)
  OIN_TEST_OKTA_USERNAME       a test user assigned to the app, password only (no MFA)
  OIN_TEST_OKTA_PASSWORD       its password
  OIN_TEST_OKTA_JIT_USERNAME   a second assigned user for the JIT flow (default: the test user, who is new to
  OIN_TEST_OKTA_JIT_PASSWORD     this run's fresh database, so the JIT flow then runs first)
  OIN_TEST_OKTA_EMBED_LINK     the app's "App Embed Link" (General tab): launches the tile as the dashboard does
  OIN_TEST_OKTA_TILE_FLOW      redirect (default) | id_token: the app instance's Login flow in Okta
  OIN_TEST_OKTA_REQUIRE_DPOP   true when the app instance requires DPoP in token requests
  OIN_TEST_PORT                the app's port (default 3300). In Okta, register http://localhost:<port>/api/auth/callback/okta
                               as sign-in redirect URI and http://localhost:<port>/api/auth/initiate as initiate login URI.`;

const oktaSchema = z.object({
  OIN_TEST_OKTA_ISSUER: z.url({ protocol: /^https$/, error: 'must be the https URL of your Okta org' }),
  OIN_TEST_OKTA_CLIENT_ID: z.string().min(1),
  OIN_TEST_OKTA_CLIENT_SECRET: z.string().min(1),
  OIN_TEST_OKTA_USERNAME: z.string().min(1),
  OIN_TEST_OKTA_PASSWORD: z.string().min(1),
  OIN_TEST_OKTA_JIT_USERNAME: z.string().min(1).optional(),
  OIN_TEST_OKTA_JIT_PASSWORD: z.string().min(1).optional(),
  OIN_TEST_OKTA_EMBED_LINK: z.url({ protocol: /^https$/ }).optional(),
  OIN_TEST_OKTA_TILE_FLOW: z.enum(['redirect', 'id_token']).default('redirect'),
  OIN_TEST_OKTA_REQUIRE_DPOP: z.enum(['true', 'false']).default('false'),
  OIN_TEST_PORT: z.coerce.number().int().min(1024).max(65535).default(3300),
});

export type Credentials = { username: string; password: string };

export type OktaOrgSettings = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  user: Credentials;
  jitUser?: Credentials;
  embedLink?: string;
  tileFlow: 'redirect' | 'id_token';
  requireDpop: boolean;
  port: number;
};

/** The real-org settings, `undefined` for the stand-in; throws one line naming a missing or malformed variable. */
export function parseOktaSettings(env: NodeJS.ProcessEnv): OktaOrgSettings | undefined {
  if (!env.OIN_TEST_OKTA_ISSUER) return undefined;
  const parsed = oktaSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([k, v]) => k.startsWith('OIN_TEST_') && v !== '')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${String(issue.path[0])}: ${issue.code === 'invalid_type' ? 'is not set' : issue.message}`);
  }
  const e = parsed.data;
  if (Boolean(e.OIN_TEST_OKTA_JIT_USERNAME) !== Boolean(e.OIN_TEST_OKTA_JIT_PASSWORD)) {
    throw new Error('OIN_TEST_OKTA_JIT_USERNAME and OIN_TEST_OKTA_JIT_PASSWORD go together');
  }
  return {
    issuer: e.OIN_TEST_OKTA_ISSUER,
    clientId: e.OIN_TEST_OKTA_CLIENT_ID,
    clientSecret: e.OIN_TEST_OKTA_CLIENT_SECRET,
    user: { username: e.OIN_TEST_OKTA_USERNAME, password: e.OIN_TEST_OKTA_PASSWORD },
    jitUser: e.OIN_TEST_OKTA_JIT_USERNAME ? { username: e.OIN_TEST_OKTA_JIT_USERNAME, password: e.OIN_TEST_OKTA_JIT_PASSWORD! } : undefined,
    embedLink: e.OIN_TEST_OKTA_EMBED_LINK,
    tileFlow: e.OIN_TEST_OKTA_TILE_FLOW,
    requireDpop: e.OIN_TEST_OKTA_REQUIRE_DPOP === 'true',
    port: e.OIN_TEST_PORT,
  };
}

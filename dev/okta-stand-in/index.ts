/**
 * Local Okta stand-in: one oidc-provider per Okta org, shaped like Okta's org authorization server, with a sign-in
 * page, an End-User Dashboard with app tiles, and (optionally) a control API for tests.
 *
 * Development and tests only (`npm run dev`, Playwright, vitest integration tests). Production code never imports it.
 * See README.md beside this file.
 */
import { createForeignKeys } from './keys';
import { DASHBOARD_CLIENT_ID } from './org-model';
import { startOrg, type RunningOrg } from './org-server';
import type { StandIn, StandInConfig } from './types';

export type {
  JsonWebKeyWithKid,
  StandIn,
  StandInApp,
  StandInConfig,
  StandInOrg,
  StandInOrgHandle,
  StandInStats,
  StandInUser,
  TileMode,
  TokenBehaviour,
  TokenEndpointAuthMethod,
} from './types';
export { DASHBOARD_CLIENT_ID, NOT_ASSIGNED_DESCRIPTION } from './org-model';
export { OKTA_ROUTES } from './provider';

function validate(config: StandInConfig): void {
  const problems: string[] = [];
  try {
    new URL(config.appUrl);
  } catch {
    problems.push(`appUrl is not a URL: ${config.appUrl}`);
  }
  const orgKeys = new Set<string>();
  const ports = new Set<number>();
  for (const org of config.orgs) {
    if (!/^[A-Za-z0-9_-]+$/.test(org.key)) problems.push(`org key ${JSON.stringify(org.key)}: letters, digits, - and _ only`);
    if (orgKeys.has(org.key)) problems.push(`org key ${org.key} is used twice`);
    orgKeys.add(org.key);
    if (!Number.isInteger(org.port) || org.port < 0 || org.port > 65535) problems.push(`org ${org.key}: bad port ${org.port}`);
    if (org.port !== 0 && ports.has(org.port)) problems.push(`port ${org.port} is used twice`);
    ports.add(org.port);

    const userIds = new Set<string>();
    const emails = new Set<string>();
    for (const user of org.users) {
      if (userIds.has(user.id)) problems.push(`org ${org.key}: user id ${user.id} is used twice`);
      if (emails.has(user.email.toLowerCase())) problems.push(`org ${org.key}: email ${user.email} is used twice`);
      userIds.add(user.id);
      emails.add(user.email.toLowerCase());
    }
    const appKeys = new Set<string>();
    const clientIds = new Set<string>([DASHBOARD_CLIENT_ID]);
    for (const app of org.apps) {
      if (!/^[A-Za-z0-9._~-]{1,100}$/.test(app.key)) problems.push(`org ${org.key}: app key ${JSON.stringify(app.key)} is not URL-safe`);
      if (appKeys.has(app.key)) problems.push(`org ${org.key}: app key ${app.key} is used twice`);
      if (clientIds.has(app.clientId)) problems.push(`org ${org.key}: client id ${app.clientId} is used twice or reserved`);
      appKeys.add(app.key);
      clientIds.add(app.clientId);
      if (app.redirectUris.length === 0) problems.push(`org ${org.key}, app ${app.key}: needs a redirect URI`);
      if (app.tileMode === 'redirect' && !app.initiateLoginUri) problems.push(`org ${org.key}, app ${app.key}: redirect tiles need initiateLoginUri`);
      for (const userId of app.assignedUsers) {
        if (!userIds.has(userId)) problems.push(`org ${org.key}, app ${app.key}: assigned user ${userId} does not exist`);
      }
    }
  }
  if (problems.length) throw new Error(`Invalid Okta stand-in config:\n- ${problems.join('\n- ')}`);
}

/**
 * Starts every org of `config` on its own loopback port (port 0: a free one) and resolves once all listen.
 * `orgs[i].issuer` is `http://127.0.0.1:<port>` without a trailing slash.
 */
export async function startOktaStandIn(config: StandInConfig): Promise<StandIn> {
  validate(config);
  const foreignKeys = await createForeignKeys();
  const running: RunningOrg[] = [];
  const closeAll = async () => {
    await Promise.all(running.map((org) => org.close()));
  };
  try {
    for (const org of config.orgs) {
      running.push(
        await startOrg(org, {
          appUrl: config.appUrl,
          controlApi: config.controlApi ?? false,
          verbose: config.verbose ?? false,
          foreignKeys,
        }),
      );
    }
  } catch (error) {
    await closeAll();
    throw error;
  }
  let closed: Promise<void> | undefined;
  return {
    orgs: running.map((org) => org.handle),
    close: () => (closed ??= closeAll()),
  };
}

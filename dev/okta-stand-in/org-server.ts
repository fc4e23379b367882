/** One org: an HTTP server on 127.0.0.1 in front of its own oidc-provider instance. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createControlRoutes, createEndpointGuard } from './control';
import { createDashboardRoutes } from './dashboard';
import { missingProofLikeOkta } from './dpop';
import { errorPage } from './html';
import { BadRequest, sendHtml } from './http-util';
import { createInteractionRoutes } from './interactions';
import { createOrgSigningKey, type ForeignKeys } from './keys';
import { createOrgRuntime, type OrgRuntime } from './org-model';
import type { KoaContext, KoaNext } from './oidc';
import { createProvider, DASHBOARD_PATH } from './provider';
import type { StandInOrg, StandInOrgHandle } from './types';

export type RunningOrg = {
  handle: StandInOrgHandle;
  runtime: OrgRuntime;
  close(): Promise<void>;
};

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

export async function startOrg(
  orgConfig: StandInOrg,
  options: { appUrl: string; controlApi: boolean; verbose: boolean; foreignKeys: ForeignKeys },
): Promise<RunningOrg> {
  let handler: ((req: IncomingMessage, res: ServerResponse) => void) | undefined;
  const server = createServer((req, res) => {
    if (handler) handler(req, res);
    else {
      res.statusCode = 503;
      res.end('starting');
    }
  });
  const port = await listen(server, orgConfig.port);
  const issuer = `http://127.0.0.1:${port}`;

  try {
    const signingKey = await createOrgSigningKey(orgConfig.signingKey);
    const runtime = createOrgRuntime(orgConfig, issuer, signingKey, options.foreignKeys);
    const provider = createProvider(runtime, options.appUrl);
    const guard = createEndpointGuard(runtime);
    const routes = [
      ...(options.controlApi ? [createControlRoutes(runtime, guard)] : []),
      createInteractionRoutes(runtime, provider),
      createDashboardRoutes(runtime, provider),
    ];

    provider.on('server_error', (_ctx, error) => {
      console.error(`[okta-stand-in ${orgConfig.key}] server error:`, error);
    });

    provider.use(missingProofLikeOkta);
    provider.use(async (ctx: KoaContext, next: KoaNext) => {
      const started = Date.now();
      try {
        for (const route of routes) {
          if (await route(ctx)) return;
        }
        await guard.handle(ctx, next);
      } catch (error) {
        if (error instanceof BadRequest) {
          sendHtml(ctx, 400, errorPage(orgConfig.name, 'Bad request', { error: 'invalid_request', error_description: error.message }));
          return;
        }
        console.error(`[okta-stand-in ${orgConfig.key}] ${ctx.method} ${ctx.path} failed:`, error);
        sendHtml(ctx, 500, errorPage(orgConfig.name, 'Server error', { error: 'server_error', error_description: 'The Okta stand-in failed; see its log.' }));
      } finally {
        if (options.verbose) {
          console.error(`[okta-stand-in ${orgConfig.key}] ${ctx.method} ${ctx.path} -> ${ctx.respond === false ? ctx.res.statusCode : ctx.status} (${Date.now() - started} ms)`);
        }
      }
    });

    handler = provider.callback();
    return {
      handle: { key: orgConfig.key, name: orgConfig.name, issuer, dashboardUrl: `${issuer}${DASHBOARD_PATH}`, port },
      runtime,
      close: () => closeServer(server),
    };
  } catch (error) {
    await closeServer(server);
    throw error;
  }
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) {
      resolve();
      return;
    }
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

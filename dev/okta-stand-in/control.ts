/**
 * What sits in front of the provider's own endpoints: request counters, Okta's "state is required" rule, the
 * token endpoint's rate-limit headers and test behaviour (delay, failure status, 429) — and the control API
 * `{issuer}/__stand-in/*` for tests and demos (only with `controlApi: true`, loopback callers only).
 */
import { randomBytes } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import { errorPage } from './html';
import { BadRequest, isLoopbackAddress, queryString, readJson, sendHtml, sendJson, sleep } from './http-util';
import { signJwt } from './keys';
import { DASHBOARD_CLIENT_ID, emptyStats, tileIdTokenClaims, type OrgRuntime } from './org-model';
import type { KoaContext, KoaNext } from './oidc';
import { OKTA_ROUTES } from './provider';
import type { StandInApp, StandInUser, TokenBehaviour } from './types';
import { sendUniversalLogout } from './universal-logout';

/** Token requests per minute for the org (Okta's org-wide `/oauth2/v1/token` bucket; the number is the stand-in's). */
export const TOKEN_RATE_LIMIT_PER_MINUTE = 600;

const CONTROL_PREFIX = '/__stand-in/';

function oktaErrorId(): string {
  return `oae${randomBytes(16).toString('base64url').slice(0, 19)}`;
}

/** Okta's JSON error body (`/api/v1` style), as it comes with a 429 from any endpoint. */
function oktaErrorBody(status: number): Record<string, unknown> {
  if (status === 429) {
    return {
      errorCode: 'E0000047',
      errorSummary: 'API call exceeded rate limit due to too many requests.',
      errorLink: 'E0000047',
      errorId: oktaErrorId(),
      errorCauses: [],
    };
  }
  // Not verified against Okta: a plausible body for other forced failures.
  return {
    errorCode: status >= 500 ? 'E0000009' : 'E0000001',
    errorSummary: STATUS_CODES[status] ?? 'Error',
    errorLink: status >= 500 ? 'E0000009' : 'E0000001',
    errorId: oktaErrorId(),
    errorCauses: [],
  };
}

/** A fixed one-minute window of token requests, like Okta's per-minute buckets. */
function createTokenWindow() {
  let windowStart = 0;
  let used = 0;
  return {
    /** Counts one request; returns the numbers for the `X-Rate-Limit-*` headers. */
    take(now = Date.now()) {
      const start = Math.floor(now / 60_000) * 60_000;
      if (start !== windowStart) {
        windowStart = start;
        used = 0;
      }
      used += 1;
      return {
        limit: TOKEN_RATE_LIMIT_PER_MINUTE,
        remaining: Math.max(0, TOKEN_RATE_LIMIT_PER_MINUTE - used),
        exceeded: used > TOKEN_RATE_LIMIT_PER_MINUTE,
        reset: Math.ceil((windowStart + 60_000) / 1000),
      };
    },
    reset() {
      windowStart = 0;
      used = 0;
    },
  };
}

function setRateLimitHeaders(ctx: KoaContext, limit: number, remaining: number, reset: number): void {
  ctx.set('X-Rate-Limit-Limit', String(limit));
  ctx.set('X-Rate-Limit-Remaining', String(remaining));
  ctx.set('X-Rate-Limit-Reset', String(reset));
}

/**
 * Client secret rotation as in Okta, which keeps up to two secrets of a client active: the control API
 * (`POST /__stand-in/client-secrets { app, secrets }`) sets the secrets the token endpoint accepts for a
 * client_secret_basic app; a request with another secret gets 401 `invalid_client`, one with an accepted
 * secret reaches oidc-provider as if it carried the configured one.
 */
const secretOverrides = new WeakMap<OrgRuntime, Map<string, string[]>>();

const formDecode = (s: string) => decodeURIComponent(s.replace(/\+/g, ' '));
const formEncode = (s: string) => encodeURIComponent(s).replace(/%20/g, '+');

/** Returns false when the request was answered (refused). */
function applySecretOverride(org: OrgRuntime, ctx: KoaContext): boolean {
  const overrides = secretOverrides.get(org);
  const header = ctx.req.headers.authorization;
  if (!overrides?.size || !header?.startsWith('Basic ')) return true;
  const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return true;
  const clientId = formDecode(decoded.slice(0, colon));
  const accepted = overrides.get(clientId);
  const app = org.findAppByClientId(clientId);
  if (!accepted || !app?.clientSecret) return true;
  if (!accepted.includes(formDecode(decoded.slice(colon + 1)))) {
    sendJson(ctx, 401, { error: 'invalid_client', error_description: 'Client authentication failed.' });
    return false;
  }
  ctx.req.headers.authorization = `Basic ${Buffer.from(`${formEncode(clientId)}:${formEncode(app.clientSecret)}`).toString('base64')}`;
  return true;
}

function setClientSecrets(org: OrgRuntime, body: Record<string, unknown>) {
  const app = typeof body.app === 'string' ? org.findApp(body.app) ?? org.findAppByClientId(body.app) : undefined;
  if (!app) throw new BadRequest('app must name an app of this org');
  const secrets = body.secrets;
  if (!Array.isArray(secrets) || secrets.length < 1 || secrets.length > 2 || !secrets.every((x) => typeof x === 'string' && x)) {
    throw new BadRequest('secrets must be one or two non-empty strings (Okta keeps at most two active)');
  }
  let overrides = secretOverrides.get(org);
  if (!overrides) secretOverrides.set(org, (overrides = new Map()));
  overrides.set(app.clientId, secrets as string[]);
  return { app: app.key, secrets: secrets.length };
}

export type EndpointGuard = {
  handle(ctx: KoaContext, next: KoaNext): Promise<void>;
  resetRateLimit(): void;
};

export function createEndpointGuard(org: OrgRuntime): EndpointGuard {
  const tokenWindow = createTokenWindow();
  const { stats } = org;

  async function token(ctx: KoaContext, next: KoaNext): Promise<void> {
    stats.token += 1;
    const behaviour = org.behaviour;
    if (behaviour.tokenDelayMs) await sleep(behaviour.tokenDelayMs);
    const window = tokenWindow.take();

    let forced = behaviour.tokenStatus;
    if (forced !== undefined && behaviour.tokenStatusCount !== undefined) {
      behaviour.tokenStatusCount -= 1;
      if (behaviour.tokenStatusCount <= 0) {
        delete behaviour.tokenStatus;
        delete behaviour.tokenStatusCount;
      }
    }
    if (forced === undefined && window.exceeded) forced = 429;

    if (forced === 429) {
      const reset = behaviour.rateLimitResetSeconds !== undefined
        ? Math.floor(Date.now() / 1000) + behaviour.rateLimitResetSeconds
        : window.reset;
      setRateLimitHeaders(ctx, window.limit, 0, reset);
      sendJson(ctx, 429, oktaErrorBody(429));
      return;
    }
    setRateLimitHeaders(ctx, window.limit, window.remaining, window.reset);
    if (forced !== undefined) {
      sendJson(ctx, forced, oktaErrorBody(forced));
      return;
    }
    if (!applySecretOverride(org, ctx)) return;
    await next();
  }

  return {
    async handle(ctx, next) {
      const { method, path } = ctx;
      if (method === 'POST' && path === OKTA_ROUTES.token) return token(ctx, next);

      if (method === 'GET' && path === OKTA_ROUTES.authorization) {
        if (queryString(ctx, 'client_id') !== DASHBOARD_CLIENT_ID) stats.authorize += 1;
        // Okta refuses authorize requests without `state`; they never reach the sign-in page.
        if (!queryString(ctx, 'state')) {
          sendHtml(ctx, 400, errorPage(org.config.name, 'Bad request', {
            error: 'invalid_request',
            error_description: "The authorization request is missing the required 'state' parameter.",
          }));
          return;
        }
      } else if (method === 'GET' && path === OKTA_ROUTES.jwks) {
        stats.keys += 1;
      } else if (method === 'GET' && path.startsWith('/.well-known/')) {
        stats.discovery += 1;
      } else if (path === OKTA_ROUTES.userinfo && (method === 'GET' || method === 'POST')) {
        stats.userinfo += 1;
      } else if (method === 'GET' && path === OKTA_ROUTES.end_session) {
        stats.logout += 1;
      } else if (method === 'POST' && path === OKTA_ROUTES.introspection) {
        stats.introspect += 1;
      } else if (method === 'POST' && path === OKTA_ROUTES.revocation) {
        stats.revoke += 1;
      }
      await next();
    },
    resetRateLimit: () => tokenWindow.reset(),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Control API

function optionalInteger(body: Record<string, unknown>, name: string, min: number, max: number): number | null | undefined {
  const value = body[name];
  if (value === undefined || value === null) return value;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new BadRequest(`${name} must be an integer from ${min} to ${max}, or null`);
  }
  return value;
}

const BEHAVIOUR_LIMITS: Record<keyof TokenBehaviour, [number, number]> = {
  tokenDelayMs: [0, 120_000],
  tokenStatus: [400, 599],
  rateLimitResetSeconds: [0, 86_400],
  tokenStatusCount: [1, 1_000_000],
};

function applyBehaviour(org: OrgRuntime, body: Record<string, unknown>): TokenBehaviour {
  const unknown = Object.keys(body).filter((key) => !(key in BEHAVIOUR_LIMITS));
  if (unknown.length) throw new BadRequest(`unknown behaviour fields: ${unknown.join(', ')}`);
  const next: TokenBehaviour = { ...org.behaviour };
  for (const [name, [min, max]] of Object.entries(BEHAVIOUR_LIMITS) as [keyof TokenBehaviour, [number, number]][]) {
    const value = optionalInteger(body, name, min, max);
    if (value === null) delete next[name];
    else if (value !== undefined) next[name] = value;
  }
  org.behaviour = next;
  return next;
}

const MINT_OPTIONS = new Set(['alg', 'kid', 'signWith', 'hmacSecret', 'app', 'user']);
const RSA_ALGS = new Set(['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512']);
const HMAC_ALGS = new Set(['HS256', 'HS384', 'HS512']);

/**
 * Mints an ID token for tests of Okta Simplified POSTs. Starts from what a tile launch would send (the `app`
 * and `user` options pick whose; default: the org's first app and its first assigned user), then applies every
 * other body member as a claim override (`null` removes the claim). `alg` (default RS256), `kid` (`null`: no kid)
 * and `signWith` (`org`: the org's key, `other`: a key that is in no JWKS) choose the signature; `none` gives an
 * unsigned token, HS* an HMAC keyed with `hmacSecret` or, by default, the org's public key (algorithm confusion).
 */
async function mintIdToken(org: OrgRuntime, body: Record<string, unknown>) {
  const alg = body.alg === undefined ? 'RS256' : body.alg;
  if (typeof alg !== 'string') throw new BadRequest('alg must be a string');
  const signWith = body.signWith ?? 'org';
  if (signWith !== 'org' && signWith !== 'other') throw new BadRequest("signWith must be 'org' or 'other'");
  if (body.kid !== undefined && body.kid !== null && typeof body.kid !== 'string') throw new BadRequest('kid must be a string or null');
  if (body.hmacSecret !== undefined && typeof body.hmacSecret !== 'string') throw new BadRequest('hmacSecret must be a string');

  const appRef = body.app;
  if (appRef !== undefined && typeof appRef !== 'string') throw new BadRequest('app must be an app key or client id');
  const app: StandInApp | undefined = appRef === undefined
    ? org.config.apps[0]
    : org.findApp(appRef) ?? org.findAppByClientId(appRef);
  if (!app) throw new BadRequest(appRef === undefined ? 'the org has no app: pass claim overrides for aud' : `unknown app ${appRef}`);
  const userRef = body.user;
  if (userRef !== undefined && typeof userRef !== 'string') throw new BadRequest('user must be a user id or email');
  const user: StandInUser | undefined = userRef === undefined
    ? org.findUser(app.assignedUsers[0] ?? '') ?? org.config.users[0]
    : org.findUser(userRef) ?? org.findUserByLogin(userRef);
  if (!user) throw new BadRequest(userRef === undefined ? 'the org has no user' : `unknown user ${userRef}`);

  const claims: Record<string, unknown> = tileIdTokenClaims(org, app, user, undefined);
  for (const [name, value] of Object.entries(body)) {
    if (MINT_OPTIONS.has(name)) continue;
    if (value === null) delete claims[name];
    else claims[name] = value;
  }

  let key: Parameters<typeof signJwt>[1]['key'];
  let defaultKid: string | null;
  if (alg === 'none') {
    key = 'none';
    defaultKid = null;
  } else if (HMAC_ALGS.has(alg)) {
    key = new TextEncoder().encode((body.hmacSecret as string | undefined) ?? org.signingKey.publicPem);
    defaultKid = org.signingKey.kid;
  } else if (RSA_ALGS.has(alg)) {
    const rsa = signWith === 'other' ? org.foreignKeys.rsa : org.signingKey;
    key = await rsa.keyFor(alg);
    defaultKid = rsa.kid;
  } else if (alg === 'ES256') {
    const ec = await org.foreignKeys.ec();
    key = ec.key;
    defaultKid = ec.kid;
  } else {
    throw new BadRequest(`unsupported alg ${alg}`);
  }
  const kid = body.kid === undefined ? defaultKid : (body.kid as string | null);
  const idToken = await signJwt(claims, { alg, kid, key });
  return { id_token: idToken, claims, header: kid === null ? { alg } : { alg, kid } };
}

export function createControlRoutes(org: OrgRuntime, guard: EndpointGuard) {
  return async function controlRoutes(ctx: KoaContext): Promise<boolean> {
    if (!ctx.path.startsWith(CONTROL_PREFIX)) return false;
    if (!isLoopbackAddress(ctx.req.socket.remoteAddress)) {
      sendJson(ctx, 403, { error: 'forbidden', error_description: 'the control API answers loopback callers only' });
      return true;
    }
    const route = `${ctx.method} ${ctx.path.slice(CONTROL_PREFIX.length)}`;
    try {
      switch (route) {
        case 'GET behaviour':
          sendJson(ctx, 200, org.behaviour);
          return true;
        case 'POST behaviour':
          sendJson(ctx, 200, applyBehaviour(org, await readJson(ctx)));
          return true;
        case 'GET stats':
          sendJson(ctx, 200, org.stats);
          return true;
        case 'POST mint-id-token':
          sendJson(ctx, 200, await mintIdToken(org, await readJson(ctx)));
          return true;
        case 'POST universal-logout':
          sendJson(ctx, 200, await sendUniversalLogout(org, await readJson(ctx)));
          return true;
        case 'POST client-secrets':
          sendJson(ctx, 200, setClientSecrets(org, await readJson(ctx)));
          return true;
        case 'POST reset':
          secretOverrides.delete(org);
          org.behaviour = {};
          Object.assign(org.stats, emptyStats());
          guard.resetRateLimit();
          sendJson(ctx, 200, { ok: true });
          return true;
        default:
          sendJson(ctx, 404, { error: 'not_found', error_description: `no control route ${route}` });
          return true;
      }
    } catch (error) {
      if (!(error instanceof BadRequest)) throw error;
      sendJson(ctx, 400, { error: 'invalid_request', error_description: error.message });
      return true;
    }
  };
}

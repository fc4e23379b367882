/**
 * Okta's side of Universal Logout (Global Token Revocation), for tests and demos: the control route
 * `POST {issuer}/__stand-in/universal-logout` signs a logout request with the org's key and POSTs it to the
 * app instance's Universal Logout endpoint, as Okta does when an admin (or a threat signal) ends a user's
 * sessions. Only loopback endpoints are called.
 *
 * Body (all optional): `app` (key or client id; default the org's first app with a `universalLogoutUri`),
 * `user` (id or email; default the app's first assigned user), `format` (`email`, Okta's default, or
 * `iss_sub`), `subject` (a raw subject identifier instead), `member` (`sub_id`, default, or `subject` as in
 * Okta's guide), `claims` (JWT claim overrides, `null` removes one), `signWith` (`org` or `other`: a key in
 * no JWKS), `token` (resend this exact token: a replay), `endpoint` (another loopback URL).
 * Answers `{ status, token, sent, response }`.
 */
import { randomBytes } from 'node:crypto';
import { SignJWT } from 'jose';
import { BadRequest } from './http-util';
import type { OrgRuntime } from './org-model';
import type { StandInApp, StandInUser } from './types';

const LOOPBACK_HOSTS = /^(?:127(?:\.\d{1,3}){3}|\[::1\]|localhost)$/;

function pickApp(org: OrgRuntime, ref: unknown): StandInApp {
  if (ref !== undefined && typeof ref !== 'string') throw new BadRequest('app must be an app key or client id');
  const app = ref === undefined ? org.config.apps.find((a) => a.universalLogoutUri) : org.findApp(ref) ?? org.findAppByClientId(ref);
  if (!app) throw new BadRequest(ref === undefined ? 'no app of this org has a universalLogoutUri' : `unknown app ${ref}`);
  return app;
}

function pickUser(org: OrgRuntime, app: StandInApp, ref: unknown): StandInUser {
  if (ref !== undefined && typeof ref !== 'string') throw new BadRequest('user must be a user id or email');
  const user = ref === undefined ? org.findUser(app.assignedUsers[0] ?? '') : org.findUser(ref) ?? org.findUserByLogin(ref);
  if (!user) throw new BadRequest(`unknown user ${String(ref)}`);
  return user;
}

function endpointOf(app: StandInApp, given: unknown): URL {
  const raw = given ?? app.universalLogoutUri;
  if (typeof raw !== 'string') throw new BadRequest('the app has no universalLogoutUri: pass endpoint');
  const url = new URL(raw);
  if (!LOOPBACK_HOSTS.test(url.hostname)) throw new BadRequest('the stand-in sends logout requests to loopback endpoints only');
  return url;
}

export async function sendUniversalLogout(org: OrgRuntime, body: Record<string, unknown>) {
  const app = pickApp(org, body.app);
  const endpoint = endpointOf(app, body.endpoint);
  const member = body.member ?? 'sub_id';
  if (member !== 'sub_id' && member !== 'subject') throw new BadRequest("member must be 'sub_id' or 'subject'");

  let subject: unknown = body.subject;
  if (subject === undefined) {
    const user = pickUser(org, app, body.user);
    const format = body.format ?? 'email';
    if (format === 'email') subject = { format: 'email', email: user.email };
    else if (format === 'iss_sub') subject = { format: 'iss_sub', iss: org.issuer, sub: user.id };
    else throw new BadRequest("format must be 'email' or 'iss_sub'");
  }

  let token = body.token;
  if (token !== undefined && typeof token !== 'string') throw new BadRequest('token must be a string');
  if (token === undefined) {
    const now = Math.floor(Date.now() / 1000);
    // Okta's claims ("Build Universal Logout for your app"): sub = the client id, aud = the endpoint, 5 minutes.
    const claims: Record<string, unknown> = {
      jti: randomBytes(16).toString('base64url'),
      iss: org.issuer,
      sub: app.clientId,
      aud: `${endpoint.origin}${endpoint.pathname}`,
      exp: now + 300,
      nbf: now - 300,
      iat: now,
    };
    const overrides = body.claims ?? {};
    if (typeof overrides !== 'object' || overrides === null || Array.isArray(overrides)) throw new BadRequest('claims must be an object');
    for (const [name, value] of Object.entries(overrides)) {
      if (value === null) delete claims[name];
      else claims[name] = value;
    }
    const signWith = body.signWith ?? 'org';
    if (signWith !== 'org' && signWith !== 'other') throw new BadRequest("signWith must be 'org' or 'other'");
    const rsa = signWith === 'other' ? org.foreignKeys.rsa : org.signingKey;
    token = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: rsa.kid, typ: 'global-token-revocation+jwt' })
      .sign(await rsa.keyFor('RS256'));
  }

  const sent = { url: endpoint.toString(), body: { [member]: subject } };
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(sent.body),
    redirect: 'manual',
    signal: AbortSignal.timeout(10_000),
  });
  const text = await response.text();
  return { status: response.status, token, sent, response: text.slice(0, 2000) };
}

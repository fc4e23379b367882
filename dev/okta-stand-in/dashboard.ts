/**
 * Okta's End-User Dashboard: `GET /app/UserHome` lists the signed-in user's app tiles, `GET /home/:appKey` launches one.
 *
 * Single sign-on is the provider's own: the dashboard is an internal OIDC client of the same provider
 * (`okta-end-user-dashboard`, response type `none`). Without a provider session it sends the browser through
 * `/oauth2/v1/authorize`, so the user signs in on the same login page and gets the same session cookie as any
 * app; back on its callback it reads that session with `provider.Session.get(ctx)`. After signing in on the
 * dashboard, tile launches and apps' authorize requests find the session and do not ask for the password again.
 */
import { randomBytes } from 'node:crypto';
import { autoSubmitPage, escapeHtml, page, errorPage } from './html';
import { queryString, redirect, sendHtml } from './http-util';
import { signJwt } from './keys';
import { DASHBOARD_CLIENT_ID, tileIdTokenClaims, type OrgRuntime } from './org-model';
import type { KoaContext, OidcProvider } from './oidc';
import { DASHBOARD_CALLBACK_PATH, DASHBOARD_PATH, OKTA_ROUTES } from './provider';
import type { StandInApp, StandInUser } from './types';

const HOME_PATTERN = /^\/home\/([A-Za-z0-9._~-]{1,100})$/;
const SIGN_OUT_PATH = `${DASHBOARD_PATH}/signout`;
const STATE_TTL_SECONDS = 600;

export function createDashboardRoutes(org: OrgRuntime, provider: OidcProvider) {
  const orgName = org.config.name;
  const stateCookie = `${org.cookiePrefix}_dashboard_state`;

  async function signedInUser(ctx: KoaContext): Promise<{ user: StandInUser; authTime: number | undefined } | undefined> {
    const session = await provider.Session.get(ctx);
    const user = session.accountId ? org.findUser(session.accountId) : undefined;
    return user ? { user, authTime: session.authTime() } : undefined;
  }

  /** Sends the browser to sign in through the provider, then back to `returnTo` (a dashboard path). */
  function startSignIn(ctx: KoaContext, returnTo: string): void {
    const state = randomBytes(16).toString('base64url');
    ctx.cookies.set(stateCookie, `${state}.${Buffer.from(returnTo).toString('base64url')}`, {
      path: DASHBOARD_PATH,
      httpOnly: true,
      sameSite: 'lax',
      maxAge: STATE_TTL_SECONDS * 1000,
      overwrite: true,
    });
    const authorize = new URL(`${org.issuer}${OKTA_ROUTES.authorization}`);
    authorize.searchParams.set('client_id', DASHBOARD_CLIENT_ID);
    authorize.searchParams.set('response_type', 'none');
    authorize.searchParams.set('scope', 'openid');
    authorize.searchParams.set('redirect_uri', `${org.issuer}${DASHBOARD_CALLBACK_PATH}`);
    authorize.searchParams.set('state', state);
    redirect(ctx, authorize.href);
  }

  function callback(ctx: KoaContext): void {
    const [expected, encodedReturnTo] = (ctx.cookies.get(stateCookie) ?? '').split('.');
    ctx.cookies.set(stateCookie, null, { path: DASHBOARD_PATH });
    const error = queryString(ctx, 'error');
    if (error) {
      sendHtml(ctx, 400, errorPage(orgName, 'Sign-in error', { error, error_description: queryString(ctx, 'error_description') }));
      return;
    }
    if (!expected || queryString(ctx, 'state') !== expected) {
      sendHtml(ctx, 400, errorPage(orgName, 'Sign-in error', { error: 'invalid_state', error_description: 'The sign-in took too long or was started elsewhere. Open the dashboard again.' }));
      return;
    }
    const returnTo = Buffer.from(encodedReturnTo ?? '', 'base64url').toString('utf8');
    redirect(ctx, isDashboardPath(returnTo) ? returnTo : DASHBOARD_PATH);
  }

  function tilesPage(user: StandInUser): string {
    const apps = org.config.apps.filter((app) => app.assignedUsers.includes(user.id));
    const tiles = apps.length
      ? `<ul class="tiles">${apps
          .map((app) => `<li><a href="${escapeHtml(`${org.issuer}/home/${app.key}`)}" data-app-key="${escapeHtml(app.key)}">${escapeHtml(app.label)}</a></li>`)
          .join('')}</ul>`
      : '<p>No apps are assigned to you.</p>';
    return page({
      title: `My Apps - ${orgName}`,
      orgName,
      wide: true,
      headerRight: `${escapeHtml(user.name)} (${escapeHtml(user.email)}) · <a href="${escapeHtml(SIGN_OUT_PATH)}">Sign out</a>`,
      body: `<h1>My Apps</h1>\n${tiles}`,
    });
  }

  async function launch(ctx: KoaContext, app: StandInApp, user: StandInUser, authTime: number | undefined): Promise<void> {
    if (app.tileMode === 'redirect') {
      if (!app.initiateLoginUri) {
        sendHtml(ctx, 409, errorPage(orgName, 'App not set up', { error: 'configuration', error_description: `${app.label} has no initiate login URI.` }));
        return;
      }
      const target = new URL(app.initiateLoginUri);
      target.searchParams.set('iss', org.issuer);
      if (app.tileLoginHint) target.searchParams.set('login_hint', user.email);
      if (app.tileTargetLinkUri) target.searchParams.set('target_link_uri', app.tileTargetLinkUri);
      if (app.tenantParam !== undefined) target.searchParams.set('tenant', app.tenantParam);
      redirect(ctx, target.href);
      return;
    }
    const firstRedirectUri = app.redirectUris[0];
    if (!firstRedirectUri) {
      sendHtml(ctx, 409, errorPage(orgName, 'App not set up', { error: 'configuration', error_description: `${app.label} has no sign-in redirect URI.` }));
      return;
    }
    const idToken = await signJwt(tileIdTokenClaims(org, app, user, authTime), {
      alg: 'RS256',
      kid: org.signingKey.kid,
      key: await org.signingKey.keyFor('RS256'),
    });
    sendHtml(
      ctx,
      200,
      autoSubmitPage({ title: `Signing in to ${app.label}`, orgName, action: firstRedirectUri, fields: { id_token: idToken } }),
    );
  }

  return async function dashboardRoutes(ctx: KoaContext): Promise<boolean> {
    if (ctx.method !== 'GET') return false;
    if (ctx.path === DASHBOARD_CALLBACK_PATH) {
      callback(ctx);
      return true;
    }
    if (ctx.path === SIGN_OUT_PATH) {
      const logout = new URL(`${org.issuer}${OKTA_ROUTES.end_session}`);
      logout.searchParams.set('client_id', DASHBOARD_CLIENT_ID);
      logout.searchParams.set('post_logout_redirect_uri', `${org.issuer}${DASHBOARD_PATH}`);
      redirect(ctx, logout.href);
      return true;
    }
    const home = HOME_PATTERN.exec(ctx.path);
    if (ctx.path !== DASHBOARD_PATH && ctx.path !== '/' && !home) return false;

    const signedIn = await signedInUser(ctx);
    if (!signedIn) {
      startSignIn(ctx, home ? ctx.path : DASHBOARD_PATH);
      return true;
    }
    ctx.set('Cache-Control', 'no-store');
    if (!home) {
      if (ctx.path === '/') redirect(ctx, DASHBOARD_PATH);
      else sendHtml(ctx, 200, tilesPage(signedIn.user));
      return true;
    }
    const app = org.findApp(home[1] ?? '');
    if (!app) {
      sendHtml(ctx, 404, errorPage(orgName, 'App not found', { error: 'not_found', error_description: 'There is no such app in this org.' }));
      return true;
    }
    if (!app.assignedUsers.includes(signedIn.user.id)) {
      sendHtml(ctx, 403, errorPage(orgName, 'Not assigned', { error: 'access_denied', error_description: `You are not assigned to ${app.label}. Ask your administrator.` }));
      return true;
    }
    await launch(ctx, app, signedIn.user, signedIn.authTime);
    return true;
  };
}

function isDashboardPath(path: string): boolean {
  return path === DASHBOARD_PATH || HOME_PATTERN.test(path);
}

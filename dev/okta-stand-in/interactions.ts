/**
 * The sign-in page: oidc-provider sends every interaction to `/login/:uid`. A `login` prompt shows the form
 * (username prefilled from `login_hint`); a right password ends the interaction with the account, or with
 * `access_denied` when the user is not assigned to the client; a wrong one shows the form again with
 * "Sign in failed". The other prompts never need the user: `assignment` ends with `access_denied`, `consent`
 * (only reached if the automatic grant did not cover a request) is granted at once.
 */
import { errorPage, escapeHtml, page } from './html';
import { BadRequest, readForm, sendHtml } from './http-util';
import { DASHBOARD_CLIENT_ID, NOT_ASSIGNED_DESCRIPTION, type OrgRuntime } from './org-model';
import type { KoaContext, OidcInteraction, OidcProvider } from './oidc';
import { LOGIN_PATH_PREFIX } from './provider';

const UID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

function loginForm(org: OrgRuntime, interaction: OidcInteraction, options: { username?: string; failed?: boolean }): string {
  const clientId = interaction.params.client_id;
  const app = clientId ? org.findAppByClientId(clientId) : undefined;
  const subtitle = app
    ? `<p class="muted">to continue to ${escapeHtml(app.label)}</p>`
    : clientId === DASHBOARD_CLIENT_ID
      ? '<p class="muted">to open your dashboard</p>'
      : '';
  const failure = options.failed ? '<p class="error" role="alert">Sign in failed</p>' : '';
  const title = `Sign in to ${org.config.name}`;
  return page({
    title,
    orgName: org.config.name,
    body: `<h1>${escapeHtml(title)}</h1>
${subtitle}
${failure}
<form method="post" action="${escapeHtml(`${LOGIN_PATH_PREFIX}${interaction.uid}`)}" autocomplete="off">
  <label for="username">Username</label>
  <input id="username" name="username" type="text" inputmode="email" autocomplete="username" value="${escapeHtml(options.username ?? '')}" required${options.username ? '' : ' autofocus'}>
  <label for="password">Password</label>
  <input id="password" name="password" type="password" autocomplete="current-password" required${options.username ? ' autofocus' : ''}>
  <button type="submit">Sign in</button>
</form>`,
  });
}

async function loadInteraction(ctx: KoaContext, provider: OidcProvider, org: OrgRuntime, uid: string): Promise<OidcInteraction | undefined> {
  try {
    const interaction = await provider.interactionDetails(ctx.req, ctx.res);
    if (interaction.uid === uid) return interaction;
  } catch {
    // falls through to the error page
  }
  sendHtml(
    ctx,
    400,
    errorPage(org.config.name, 'Sign-in request expired', {
      error: 'invalid_request',
      error_description: 'This sign-in request is unknown or has expired. Start again from the application.',
    }),
  );
  return undefined;
}

/** Stores the result and sends the browser back to the authorization endpoint (303); Koa must not answer too. */
async function finish(ctx: KoaContext, provider: OidcProvider, result: Record<string, unknown>, merge = false): Promise<void> {
  await provider.interactionFinished(ctx.req, ctx.res, result, { mergeWithLastSubmission: merge });
  ctx.respond = false;
}

/** Ends the interaction without asking the user anything, where the prompt allows that. */
async function finishSilently(ctx: KoaContext, provider: OidcProvider, org: OrgRuntime, interaction: OidcInteraction): Promise<boolean> {
  const { name } = interaction.prompt;
  if (name === 'assignment') {
    await finish(ctx, provider, { error: 'access_denied', error_description: NOT_ASSIGNED_DESCRIPTION });
    return true;
  }
  if (name === 'consent') {
    const accountId = interaction.session?.accountId;
    const clientId = interaction.params.client_id;
    if (!accountId || !clientId) return false;
    if (!org.isAssigned(clientId, accountId)) {
      await finish(ctx, provider, { error: 'access_denied', error_description: NOT_ASSIGNED_DESCRIPTION });
      return true;
    }
    const existing = interaction.grantId ? await provider.Grant.find(interaction.grantId) : undefined;
    const grant = existing ?? new provider.Grant({ accountId, clientId });
    if (interaction.params.scope) grant.addOIDCScope(interaction.params.scope);
    const grantId = await grant.save();
    await finish(ctx, provider, { consent: { grantId } }, true);
    return true;
  }
  return false;
}

export function createInteractionRoutes(org: OrgRuntime, provider: OidcProvider) {
  return async function interactionRoutes(ctx: KoaContext): Promise<boolean> {
    if (!ctx.path.startsWith(LOGIN_PATH_PREFIX)) return false;
    const uid = ctx.path.slice(LOGIN_PATH_PREFIX.length);
    if (!UID_PATTERN.test(uid) || (ctx.method !== 'GET' && ctx.method !== 'POST')) return false;
    ctx.set('Cache-Control', 'no-store');

    const interaction = await loadInteraction(ctx, provider, org, uid);
    if (!interaction) return true;

    if (interaction.prompt.name !== 'login') {
      if (await finishSilently(ctx, provider, org, interaction)) return true;
      sendHtml(ctx, 400, errorPage(org.config.name, 'Sign-in error', { error: 'interaction_required', error_description: `Unsupported prompt ${interaction.prompt.name}.` }));
      return true;
    }

    const loginHint = interaction.params.login_hint ?? (interaction.prompt.details.login_hint as string | undefined);
    if (ctx.method === 'GET') {
      sendHtml(ctx, 200, loginForm(org, interaction, { username: loginHint }));
      return true;
    }

    let form: URLSearchParams;
    try {
      form = await readForm(ctx);
    } catch (error) {
      if (!(error instanceof BadRequest)) throw error;
      sendHtml(ctx, 400, errorPage(org.config.name, 'Bad request', { error: 'invalid_request', error_description: error.message }));
      return true;
    }
    const username = (form.get('username') ?? '').trim();
    const password = form.get('password') ?? '';
    const user = username ? org.findUserByLogin(username) : undefined;
    if (!user || password !== user.password) {
      sendHtml(ctx, 401, loginForm(org, interaction, { username, failed: true }));
      return true;
    }

    const clientId = interaction.params.client_id ?? '';
    if (!org.isAssigned(clientId, user.id)) {
      await finish(ctx, provider, { error: 'access_denied', error_description: NOT_ASSIGNED_DESCRIPTION });
      return true;
    }
    await finish(ctx, provider, { login: { accountId: user.id, amr: ['pwd'], remember: true } });
    return true;
  };
}

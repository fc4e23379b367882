'use server';
/**
 * Server actions of the onboarding wizard. The caller's onboarding cookie is the authorization (resolved on
 * every call); every step counts against `onboarding.action.invitation` (per invitation) before it runs;
 * inputs are parsed with zod in lib/onboarding; Next checks the Origin of every action (CSRF).
 */
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import type { FormState } from '@/app/_components/action-form';
import { throttleWizardAction } from '@/lib/admin/throttle-admin-action';
import { requestContextOf } from '@/lib/http/request-context';
import { getLog } from '@/lib/log';
import { clearOnboardingCookie, currentOnboarding } from '@/lib/onboarding/onboarding-cookie';
import { activateTenant, recheckConnection, saveConnection, saveOrganization, type StepResult } from '@/lib/onboarding/onboarding-steps';
import type { Onboarding } from '@/lib/onboarding/onboarding-state';

async function withOnboarding(run: (o: Onboarding, context: ReturnType<typeof requestContextOf>) => Promise<StepResult>): Promise<StepResult> {
  const context = requestContextOf(await headers());
  const current = await currentOnboarding();
  if (!current.ok) return { ok: false, message: 'This setup is no longer available (the invitation was used up, revoked or has expired).' };
  try {
    const throttle = await throttleWizardAction(current.onboarding.invitationId, context);
    if (!throttle.ok) return { ok: false, message: throttle.message, code: 'rate_limited' };
    return await run(current.onboarding, context);
  } catch (error) {
    getLog().error({ err: error, requestId: context.requestId }, 'onboarding step failed');
    return { ok: false, message: `Something went wrong. Try again; request id ${context.requestId}.` };
  }
}

const fields = (form: FormData, names: string[]) => Object.fromEntries(names.filter((n) => form.has(n)).map((n) => [n, String(form.get(n))]));

export async function saveOrganizationAction(_: FormState, form: FormData): Promise<FormState> {
  const result = await withOnboarding((o, ctx) => saveOrganization(o, fields(form, ['displayName', 'slug']), ctx));
  if (result.ok) redirect('/onboarding?step=okta');
  return result;
}

export async function saveConnectionAction(_: FormState, form: FormData): Promise<FormState> {
  const result = await withOnboarding((o, ctx) =>
    saveConnection(o, fields(form, ['issuer', 'clientId', 'clientAuthMethod', 'clientSecret', 'tile']), ctx),
  );
  if (result.ok) redirect(String(form.get('clientAuthMethod')) === 'private_key_jwt' ? '/onboarding?step=connection&saved=1' : '/onboarding?step=check');
  return result;
}

export async function recheckAction(): Promise<FormState> {
  const result = await withOnboarding((o, ctx) => recheckConnection(o, { ...ctx, actor: `invitation:${o.invitationId}` }));
  if (result.ok) redirect('/onboarding?step=check');
  return result;
}

export async function activateAction(): Promise<FormState> {
  let slug = '';
  const result = await withOnboarding(async (o, ctx) => {
    slug = o.tenant?.slug ?? '';
    return activateTenant(o, ctx);
  });
  if (!result.ok) return result;
  await clearOnboardingCookie();
  redirect(`/t/${slug}/admin`);
}

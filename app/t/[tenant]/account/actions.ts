'use server';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { getTranslations } from '@/lib/i18n/server';
import { z } from 'zod';
import type { FormState } from '@/app/_components/action-form';
import { sessionCookie } from '@/lib/auth/cookies';
import { authorizeTenant } from '@/lib/auth/tenant-guard';
import { revokeConsentGrant } from '@/lib/consent/revoke-consent-grant';

const input = z.object({ slug: z.string().max(40), grantId: z.uuid() });

/**
 * Withdraws one of the signed-in user's own grants in this tenant (after the page's confirmation dialog);
 * their sessions there end at once. Without a session here: to /login for this organization (never to the
 * sign-in route: a server action's redirect to a path is fetched by the server, which would start a sign-in).
 */
export async function revokeGrantAction(_state: FormState, formData: FormData): Promise<FormState> {
  const parsed = input.safeParse({ slug: formData.get('slug'), grantId: formData.get('grantId') });
  if (!parsed.success) return { ok: false, message: (await getTranslations('account'))('failed') };
  const auth = await authorizeTenant(parsed.data.slug, 'member', 'revoke consent grant');
  if (!auth.ok) redirect(`/login?org=${encodeURIComponent(parsed.data.slug)}&returnTo=${encodeURIComponent(`/t/${parsed.data.slug}/account`)}`);
  const result = await revokeConsentGrant({ tenantId: auth.tenant.id, userId: auth.session.user.id, grantId: parsed.data.grantId }, auth.context);
  if (!result.revoked) redirect(`/t/${auth.tenant.slug}/account`);
  const cookie = sessionCookie();
  (await cookies()).set(cookie.name, '', { ...cookie.options, maxAge: 0 });
  redirect(`/t/${auth.tenant.slug}/account/revoked`);
}

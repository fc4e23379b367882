'use server';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { sessionCookie } from '@/lib/auth/cookies';
import { authorizeTenant } from '@/lib/auth/tenant-guard';
import { revokeConsentGrant } from '@/lib/consent/revoke-consent-grant';

const input = z.object({ slug: z.string().max(40), grantId: z.uuid() });

/** Withdraws one of the signed-in user's own grants in this tenant; their sessions there end at once. */
export async function revokeGrantAction(formData: FormData): Promise<void> {
  const parsed = input.safeParse({ slug: formData.get('slug'), grantId: formData.get('grantId') });
  if (!parsed.success) redirect('/login');
  const auth = await authorizeTenant(parsed.data.slug, 'member', 'revoke consent grant');
  if (!auth.ok) redirect(`/api/auth/signin?tenant=${encodeURIComponent(parsed.data.slug)}`);
  const result = await revokeConsentGrant({ tenantId: auth.tenant.id, userId: auth.session.user.id, grantId: parsed.data.grantId }, auth.context);
  if (!result.revoked) redirect(`/t/${auth.tenant.slug}/account`);
  const cookie = sessionCookie();
  (await cookies()).set(cookie.name, '', { ...cookie.options, maxAge: 0 });
  redirect(`/t/${auth.tenant.slug}/account/revoked`);
}

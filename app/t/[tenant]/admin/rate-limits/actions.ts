'use server';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { authorizeTenant } from '@/lib/auth/tenant-guard';
import { enforceRateLimit } from '@/lib/rate-limit/consume';
import { RateLimitedError } from '@/lib/rate-limit/rate-limited-error';
import { RateLimitSettingError, setTenantRateLimit } from '@/lib/rate-limit/tenant-limits';

const input = z.object({
  slug: z.string().min(1).max(40),
  policy: z.string().min(1).max(64),
  // Empty: back to the default.
  limit: z.union([z.literal('').transform(() => null), z.coerce.number().int('must be a whole number').min(1, 'must be at least 1')]),
});

/** Sets the tenant's own limit for one policy, within the operator's ceiling. Tenant admins only; audited with before/after. */
export async function saveTenantRateLimitAction(formData: FormData): Promise<void> {
  const parsed = input.safeParse({ slug: formData.get('slug'), policy: formData.get('policy'), limit: formData.get('limit') ?? '' });
  const slug = parsed.success ? parsed.data.slug : String(formData.get('slug') ?? '').slice(0, 40);
  const auth = await authorizeTenant(slug, 'admin', 'change rate limit');
  if (!auth.ok) redirect(auth.status === 401 ? `/api/auth/signin?tenant=${encodeURIComponent(slug)}` : '/');
  const back = `/t/${auth.tenant.slug}/admin/rate-limits`;
  const fail = (message: string) => redirect(`${back}?error=${encodeURIComponent(message.slice(0, 200))}`);
  if (!parsed.success) return fail(`limit ${parsed.error.issues[0]?.message ?? 'is invalid'}`);
  try {
    await enforceRateLimit('admin.action.user', { userId: auth.session.user.id }, auth.context);
    await setTenantRateLimit(
      { tenantId: auth.tenant.id, policy: parsed.data.policy, limit: parsed.data.limit, actorUserId: auth.session.user.id },
      auth.context,
    );
  } catch (error) {
    if (error instanceof RateLimitSettingError) return fail(error.message);
    if (error instanceof RateLimitedError) return fail(`too many changes; try again in ${error.retryAfterSeconds} s`);
    throw error;
  }
  redirect(`${back}?saved=${encodeURIComponent(parsed.data.policy)}`);
}

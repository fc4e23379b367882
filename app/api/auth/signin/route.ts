import type { NextRequest } from 'next/server';
import { z } from 'zod';
import { findTenantForLogin } from '@/lib/auth/find-tenant-for-login';
import { readForm } from '@/lib/auth/read-form';
import { redirectToIdp } from '@/lib/auth/responses';
import { SignInError } from '@/lib/auth/sign-in-error';
import { signInFailureResponse } from '@/lib/auth/sign-in-failure';
import { startSignIn } from '@/lib/auth/start-sign-in';
import { getEnv } from '@/lib/env';
import { requestContextOf } from '@/lib/http/request-context';
import { parseReturnTarget } from '@/lib/oidc/return-target';

/** SP-initiated sign-in: GET `?tenant=<slug>[&returnTo=/path]` (links), POST form `org` (the /login page). */
const input = z.object({
  org: z.string().trim().min(1).max(320),
  returnTo: z.string().max(2048).optional(),
});

export async function GET(request: NextRequest) {
  const q = request.nextUrl.searchParams;
  return start(request, { org: q.get('tenant') ?? q.get('org') ?? undefined, returnTo: q.get('returnTo') ?? undefined });
}

export async function POST(request: NextRequest) {
  return start(request, async () => {
    const form = await readForm(request);
    return { org: form.get('org') ?? undefined, returnTo: form.get('returnTo') ?? undefined };
  });
}

async function start(request: NextRequest, source: Record<string, unknown> | (() => Promise<Record<string, unknown>>)) {
  const context = requestContextOf(request.headers);
  const attempt: { tenantId?: string; tenantSlug?: string; flow: string } = { flow: 'sp' };
  try {
    const raw = typeof source === 'function' ? await source() : source;
    const parsed = input.safeParse(raw);
    if (!parsed.success) throw new SignInError('unknown_tenant', 'Empty or malformed organization');
    const { tenant, loginHint } = await findTenantForLogin(parsed.data.org, context);
    attempt.tenantId = tenant.id;
    attempt.tenantSlug = tenant.slug;
    const target = parseReturnTarget(parsed.data.returnTo, getEnv().APP_URL);
    const returnTo = target.ok && target.path.startsWith(`/t/${tenant.slug}`) ? target.path : null;
    const { authorizeUrl, sealedTransaction } = await startSignIn({ tenant, flow: 'sp', loginHint, returnTo, context });
    return redirectToIdp(authorizeUrl, sealedTransaction);
  } catch (error) {
    return signInFailureResponse(error, context, attempt);
  }
}

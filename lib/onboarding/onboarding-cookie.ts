/**
 * The onboarding cookie: the browser that claimed an invitation holds a random token (its SHA-256 is the
 * invitation's `claimHash`), which is the wizard's only authorization. HttpOnly, SameSite=Lax, `__Host-` on
 * https, living until the invitation expires.
 */
import 'server-only';
import { cookies } from 'next/headers';
import { getEnv } from '@/lib/env';
import { getOnboarding } from './onboarding-state';

function cookieSpec() {
  const secure = getEnv().APP_URL.startsWith('https://');
  return { name: secure ? '__Host-onboarding' : 'onboarding', options: { httpOnly: true, secure, sameSite: 'lax' as const, path: '/' } };
}

export async function setOnboardingCookie(token: string, expiresAt: Date): Promise<void> {
  const { name, options } = cookieSpec();
  (await cookies()).set(name, token, { ...options, expires: expiresAt });
}

export async function clearOnboardingCookie(): Promise<void> {
  const { name, options } = cookieSpec();
  (await cookies()).set(name, '', { ...options, maxAge: 0 });
}

/** The onboarding of the current request's browser (see `getOnboarding`). */
export async function currentOnboarding() {
  return getOnboarding((await cookies()).get(cookieSpec().name)?.value);
}

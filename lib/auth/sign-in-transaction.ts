/**
 * The sign-in transaction of the code flow, sealed into a cookie (JWE, dir + A256GCM, key derived from
 * AUTH_SECRET): it binds the callback to the tenant that started the flow (mix-up defence) and carries
 * state, nonce, the PKCE verifier and the return path. Tampering, expiry or another key → `null`.
 */
import { hkdfSync } from 'node:crypto';
import { EncryptJWT, jwtDecrypt } from 'jose';
import { z } from 'zod';
import { getEnv } from '@/lib/env';
import { TRANSACTION_TTL_SECONDS } from './cookies';

/**
 * `onboarding_test`: the onboarding wizard's test sign-in of a draft tenant, bound to its invitation.
 * `connection_test`: an admin's test sign-in through the tenant's pending connection (lib/tenants/pending-connection.ts).
 */
export const signInFlowSchema = z.enum(['sp', 'okta_redirect', 'okta_id_token', 'onboarding_test', 'connection_test']);
export type SignInFlow = z.infer<typeof signInFlowSchema>;

const transactionSchema = z.object({
  tenantId: z.string().uuid(),
  state: z.string().min(16),
  nonce: z.string().min(16),
  codeVerifier: z.string().min(43),
  returnTo: z.string().regex(/^\/(?![/\\])/).nullable(),
  flow: signInFlowSchema,
  /** Only with flow `onboarding_test`. */
  invitationId: z.string().uuid().optional(),
  /** Only with flow `connection_test`: the pending connection under test and the admin who started it. */
  connection: z.object({ issuer: z.string().max(1024), clientId: z.string().max(200), actorUserId: z.string().uuid() }).optional(),
});

export type SignInTransaction = z.infer<typeof transactionSchema>;

const AUDIENCE = 'signin-transaction';

function key(): Uint8Array {
  return new Uint8Array(hkdfSync('sha256', getEnv().AUTH_SECRET, 'okta-oin-saas', AUDIENCE, 32));
}

export async function sealTransaction(tx: SignInTransaction): Promise<string> {
  return new EncryptJWT({ tx })
    .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${TRANSACTION_TTL_SECONDS}s`)
    .encrypt(key());
}

export async function openTransaction(sealed: string | undefined): Promise<SignInTransaction | null> {
  if (!sealed || sealed.length > 4096) return null;
  try {
    const { payload } = await jwtDecrypt(sealed, key(), { audience: AUDIENCE });
    const parsed = transactionSchema.safeParse(payload.tx);
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

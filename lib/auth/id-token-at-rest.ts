/**
 * ID tokens kept for later (Okta's logout `id_token_hint`, a sign-in parked on the consent page) are sealed
 * like client secrets (lib/crypto/secret-box.ts, `DATA_ENCRYPTION_KEY`), bound to the row that holds them,
 * so a read of the table shows no usable token and a value copied to another row does not open.
 */
import { decryptSecret, encryptSecret } from '@/lib/crypto/secret-box';
import { getEnv } from '@/lib/env';

export type IdTokenOwner = { kind: 'session' | 'pending'; tokenHash: string };

const aad = (owner: IdTokenOwner) => `id-token:${owner.kind}:${owner.tokenHash}`;

export function sealIdToken(idToken: string, owner: IdTokenOwner): string {
  return encryptSecret(idToken, getEnv().DATA_ENCRYPTION_KEY, aad(owner));
}

/** Throws `SecretBoxError` when the value does not open (another row's, tampered, key gone). */
export function openIdToken(sealed: string, owner: IdTokenOwner): string {
  return decryptSecret(sealed, getEnv().DATA_ENCRYPTION_KEY, aad(owner));
}

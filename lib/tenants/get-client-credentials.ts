/**
 * The tenant's client credentials for a token request, decrypted on demand. Server-side sign-in code only:
 * the result must never reach a log line, a page or a JSON answer.
 *
 * `getClientCredentialsList` gives every credential Okta may currently accept, in the order to try them:
 * the current secret then the new one during a secret rotation; the active key then the next one during a
 * key rotation (see rotate-client-credentials.ts).
 */
import { decryptSecret } from '@/lib/crypto/secret-box';
import { getDb } from '@/lib/db/client';
import { getEnv } from '@/lib/env';
import type { ClientCredentials } from '@/lib/oidc/code-exchange';
import { TenantError } from './tenant-error';
import { getSigningKeys } from './tenant-keys';

export async function getClientCredentialsList(tenantId: string): Promise<ClientCredentials[]> {
  const row = await getDb().tenant.findUnique({
    where: { id: tenantId },
    select: { clientId: true, clientAuthMethod: true, clientSecretCipher: true, clientSecretNextCipher: true },
  });
  if (!row) throw new TenantError('not_found', 'tenant_missing');
  const { clientId, clientAuthMethod: method } = row;
  if (method === 'private_key_jwt') {
    const keys = await getSigningKeys(tenantId);
    if (keys.length === 0) throw new TenantError('secret_required', 'no_signing_key');
    return keys.map((k) => ({ method, clientId, privateKey: k.privateKey, kid: k.kid }));
  }
  if (!row.clientSecretCipher) throw new TenantError('secret_required', 'no_client_secret');
  const keys = getEnv().DATA_ENCRYPTION_KEY;
  const list: ClientCredentials[] = [{ method, clientId, clientSecret: decryptSecret(row.clientSecretCipher, keys, tenantId) }];
  if (row.clientSecretNextCipher) {
    list.push({ method, clientId, clientSecret: decryptSecret(row.clientSecretNextCipher, keys, `${tenantId}:next`) });
  }
  return list;
}

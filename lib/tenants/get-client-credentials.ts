/**
 * The tenant's client credentials for a token request, decrypted on demand. Server-side sign-in code only:
 * the result must never reach a log line, a page or a JSON answer.
 */
import { decryptSecret } from '@/lib/crypto/secret-box';
import { getDb } from '@/lib/db/client';
import { getEnv } from '@/lib/env';
import type { ClientCredentials } from '@/lib/oidc/code-exchange';
import { TenantError } from './tenant-error';

export async function getClientCredentials(tenantId: string): Promise<ClientCredentials> {
  const row = await getDb().tenant.findUnique({
    where: { id: tenantId },
    select: { clientId: true, clientAuthMethod: true, clientSecretCipher: true },
  });
  if (!row) throw new TenantError('not_found', 'Tenant not found');
  if (!row.clientSecretCipher) throw new TenantError('secret_required', 'The tenant has no client secret');
  return {
    method: row.clientAuthMethod,
    clientId: row.clientId,
    clientSecret: decryptSecret(row.clientSecretCipher, getEnv().DATA_ENCRYPTION_KEY, tenantId),
  };
}

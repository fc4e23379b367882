/**
 * Rotation of a tenant's client credentials without a sign-in outage, the way Okta rotates them: Okta keeps
 * two client secrets active at once, and a private_key_jwt client may list several public keys.
 *
 * Secrets: 1. the admin generates a second secret in Okta and saves it here (`addNextSecret`): the token
 * request now tries the current secret and, on `invalid_client`, the new one; 2. the admin deactivates the
 * old secret in Okta — sign-in keeps working through the new one; 3. `promoteNextSecret` makes the new
 * secret the only one (or `discardNextSecret` abandons the rotation). Keys work the same way with
 * `addNextKey` / `activateNextKey` / `discardNextKey`; the JWKS URL publishes the active and next keys.
 * Each step writes one audit event with before/after (never a secret). Callers authorize.
 */
import { decryptSecret, encryptSecret } from '@/lib/crypto/secret-box';
import { getEnv } from '@/lib/env';
import { TenantError } from './tenant-error';
import { keyRotation } from './tenant-keys';
import { changeTenant, type ChangeContext } from './update-tenant';
import type { Tenant } from './tenant';

function assertSecretMethod(t: Tenant) {
  if (t.clientAuthMethod === 'private_key_jwt') throw new TenantError('invalid', 'uses_key_pair');
}
function assertKeyMethod(t: Tenant) {
  if (t.clientAuthMethod !== 'private_key_jwt') throw new TenantError('invalid', 'uses_client_secret');
}

export async function addNextSecret(slug: string, secret: string, context: ChangeContext): Promise<Tenant> {
  return changeTenant(slug, 'tenant.secret_added', context, async (tx, t) => {
    assertSecretMethod(t);
    await tx.tenant.update({
      where: { id: t.id },
      data: { clientSecretNextCipher: encryptSecret(secret, getEnv().DATA_ENCRYPTION_KEY, `${t.id}:next`) },
    });
    return { replacedPendingSecret: t.hasNextClientSecret };
  });
}

export async function promoteNextSecret(slug: string, context: ChangeContext): Promise<Tenant> {
  return changeTenant(
    slug,
    'tenant.secret_promoted',
    context,
    async (tx, t) => {
      assertSecretMethod(t);
      const row = await tx.tenant.findUniqueOrThrow({ where: { id: t.id }, select: { clientSecretNextCipher: true } });
      if (!row.clientSecretNextCipher) return null;
      const keys = getEnv().DATA_ENCRYPTION_KEY;
      const plain = decryptSecret(row.clientSecretNextCipher, keys, `${t.id}:next`);
      await tx.tenant.update({
        where: { id: t.id },
        data: { clientSecretCipher: encryptSecret(plain, keys, t.id), clientSecretNextCipher: null },
      });
      return {};
    },
    'no_next_secret_to_promote',
  );
}

export async function discardNextSecret(slug: string, context: ChangeContext): Promise<Tenant> {
  return changeTenant(
    slug,
    'tenant.secret_discarded',
    context,
    async (tx, t) => {
      if (!t.hasNextClientSecret) return null;
      await tx.tenant.update({ where: { id: t.id }, data: { clientSecretNextCipher: null } });
      return {};
    },
    'no_next_secret_to_discard',
  );
}

export async function addNextKey(slug: string, context: ChangeContext): Promise<Tenant> {
  return changeTenant(slug, 'tenant.key_added', context, async (tx, t) => {
    assertKeyMethod(t);
    return (await keyRotation.addNext(tx, t.id)) ? {} : null;
  }, 'next_key_waiting');
}

export async function activateNextKey(slug: string, context: ChangeContext): Promise<Tenant> {
  return changeTenant(slug, 'tenant.key_activated', context, async (tx, t) => {
    assertKeyMethod(t);
    return (await keyRotation.activateNext(tx, t.id)) ? {} : null;
  }, 'no_next_key_to_activate');
}

export async function discardNextKey(slug: string, context: ChangeContext): Promise<Tenant> {
  return changeTenant(slug, 'tenant.key_discarded', context, async (tx, t) => {
    assertKeyMethod(t);
    return (await keyRotation.discardNext(tx, t.id)) ? {} : null;
  }, 'no_next_key_to_discard');
}


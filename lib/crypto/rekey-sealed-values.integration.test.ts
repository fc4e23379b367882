/**
 * Key rotation end to end: with a new key put first, `npm run tenant -- rekey` re-encrypts every sealed
 * value (client secrets, next secrets, private keys); afterwards no value is under the old key id and every
 * value decrypts with the new key alone — so the old key can be removed.
 */
import path from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db/client';
import { getEnv } from '@/lib/env';
import { createSession } from '@/lib/auth/session-store';
import { createTenant } from '@/lib/tenants/create-tenant';
import { addNextSecret } from '@/lib/tenants/rotate-client-credentials';
import { countSealedByKid, kidOf, rekeySealedValues } from './rekey-sealed-values';
import { SEALED_COLUMNS } from './sealed-columns';
import { decryptSecret, type EncryptionKey } from './secret-box';

const suffix = randomUUID().slice(0, 8);
const ctx = { actor: 'test', requestId: 'it-rekey', ip: null, userAgent: 'vitest' };
const SECRET = `rekey-secret-${suffix}`;
const NEXT = `rekey-next-${suffix}`;
let oldKey: EncryptionKey;
const newKey: EncryptionKey = { kid: `new${suffix}`, key: randomBytes(32) };
const envOf = (keys: EncryptionKey[]) => keys.map((k) => `${k.kid}:${k.key.toString('base64')}`).join(',');

function cli(args: string[], env: Record<string, string>) {
  return new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [path.resolve('node_modules/tsx/dist/cli.mjs'), '--conditions=react-server', 'scripts/tenant.ts', ...args], { env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr: stderr.split('\n').filter((l) => l && !l.startsWith('npm warn')).join('\n') }));
    child.stdin.end();
  });
}

/** Every sealed value in the database, decrypted with `keys` (throws if any does not decrypt). */
async function decryptAll(keys: EncryptionKey[]) {
  const out: string[] = [];
  for (const column of SEALED_COLUMNS) {
    for (const v of await column.list(getDb(), null, 100_000)) out.push(decryptSecret(v.sealed, keys, v.aad));
  }
  return out;
}

beforeAll(async () => {
  oldKey = getEnv().DATA_ENCRYPTION_KEY[0]!;
  const base = {
    displayName: 'Rekey', issuer: `https://rekey-${suffix}.okta.example`, scopes: ['openid' as const], emailDomains: [],
    loginInitiatedBy: 'app_only' as const, tileLoginFlow: 'redirect' as const, status: 'active' as const,
  };
  const t = await createTenant(
    { ...base, slug: `rk-s-${suffix}`, clientId: 'rk-s', clientSecret: SECRET, clientAuthMethod: 'client_secret_basic', requireDpop: true },
    ctx,
  );
  await addNextSecret(t.slug, NEXT, ctx);
  // A session keeps its ID token (for Okta's logout hint) sealed too.
  const user = await getDb().user.create({ data: { tenantId: t.id, issuer: base.issuer, sub: `rk-user-${suffix}` } });
  await getDb().$transaction((tx) =>
    createSession(tx, { tenantId: t.id, userId: user.id, flow: 'sp', idToken: `header.rk-${suffix}.sig`, ttlHours: 1, ip: null, userAgent: null }),
  );
  await createTenant({ ...base, slug: `rk-k-${suffix}`, clientId: 'rk-k', clientAuthMethod: 'private_key_jwt' }, ctx);
});

afterAll(async () => {
  // Back under the test run's own key, so later test files still decrypt what they stored.
  await rekeySealedValues(getDb(), [oldKey, newKey], ctx);
  await getDb().tenant.deleteMany({ where: { slug: { contains: suffix } } });
});

describe('npm run tenant -- rekey', () => {
  it('leaves no value under the old key id, and everything decrypts with the new key alone', async () => {
    const before = await countSealedByKid(getDb());
    expect(before[oldKey.kid]).toBeGreaterThanOrEqual(3);
    const plainBefore = await decryptAll([oldKey]);

    const run = await cli(['rekey'], { DATA_ENCRYPTION_KEY: envOf([newKey, oldKey]) });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`Active key: ${newKey.kid}`);
    expect(run.stdout).toMatch(/Tenant\.clientSecretCipher\s+\d+ sealed\s+\d+ re-encrypted/);
    expect(run.stdout).toMatch(/TenantKey\.privateKeyCipher\s+\d+ sealed\s+[1-9]\d* re-encrypted/);
    expect(run.stdout).toMatch(/Tenant\.dpopKeyCipher\s+\d+ sealed\s+[1-9]\d* re-encrypted/);
    expect(run.stdout).toMatch(/Session\.idTokenCipher\s+\d+ sealed\s+[1-9]\d* re-encrypted/);
    expect(run.stdout).toContain(`Sealed values per key id now: ${newKey.kid}: ${plainBefore.length}`);
    expect(run.stdout + run.stderr).not.toContain(SECRET);

    const after = await countSealedByKid(getDb());
    expect(after).toEqual({ [newKey.kid]: plainBefore.length });
    expect(await decryptAll([newKey])).toEqual(plainBefore);
    expect(plainBefore).toEqual(expect.arrayContaining([SECRET, NEXT]));

    const again = await rekeySealedValues(getDb(), [newKey, oldKey], ctx);
    expect(again.columns.every((c) => c.rekeyed === 0 && c.alreadyCurrent === c.total)).toBe(true);
    const event = await getDb().auditEvent.findFirst({ where: { type: 'data.rekeyed' }, orderBy: { id: 'desc' } });
    expect(JSON.stringify(event?.details)).not.toContain(SECRET);
  }, 120_000);

  it('counts a value that no configured key opens, leaves it alone, and exits non-zero', async () => {
    const t = await getDb().tenant.findUniqueOrThrow({ where: { slug: `rk-s-${suffix}` } });
    const stray: EncryptionKey = { kid: `gone${suffix}`, key: randomBytes(32) };
    const { encryptSecret } = await import('./secret-box');
    const sealed = encryptSecret('orphan', [stray], `${t.id}:next`);
    await getDb().tenant.update({ where: { id: t.id }, data: { clientSecretNextCipher: sealed } });
    const run = await cli(['rekey', '--json'], { DATA_ENCRYPTION_KEY: envOf([newKey, oldKey]) });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/1 value\(s\) did not decrypt/);
    expect(JSON.parse(run.stdout).failures).toEqual([`Tenant.clientSecretNextCipher ${t.id}`]);
    expect(kidOf((await getDb().tenant.findUniqueOrThrow({ where: { id: t.id } })).clientSecretNextCipher!)).toBe(stray.kid);
    await getDb().tenant.update({ where: { id: t.id }, data: { clientSecretNextCipher: null } });
  }, 120_000);
});

/**
 * The per-tenant DPoP setting on PostgreSQL: the key is made when DPoP is turned on and kept encrypted; DPoP
 * and the Okta Simplified tile flow are refused together by every writer (create, update either way, import,
 * CLI), which then changes nothing.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { EmbeddedJWK, jwtVerify } from 'jose';
import { afterAll, describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db/client';
import { createTenant, type CreateTenantInput } from './create-tenant';
import { importTenants } from './import-tenants';
import { getDpopSigner } from './tenant-dpop-key';
import { TENANT_EXPORT_FORMAT } from './tenant-schema';
import { updateTenant } from './update-tenant';

const suffix = randomUUID().slice(0, 8);
const context = { actor: 'test', requestId: 'it-dpop' };
const input = (slug: string, extra: Partial<CreateTenantInput> = {}): CreateTenantInput => ({
  slug: `dpop-${slug}-${suffix}`, displayName: slug, status: 'active', issuer: `https://${slug}-${suffix}.okta.example`,
  clientId: `${slug}-client`, clientSecret: `${slug}-secret-value`, clientAuthMethod: 'client_secret_basic',
  scopes: ['openid', 'email'], emailDomains: [], loginInitiatedBy: 'either', tileLoginFlow: 'redirect', ...extra,
});
const conflict = expect.objectContaining({ code: 'invalid', message: expect.stringMatching(/DPoP cannot be combined with .*Okta Simplified/) });
const row = (slug: string) => getDb().tenant.findUniqueOrThrow({ where: { slug }, select: { requireDpop: true, tileLoginFlow: true, dpopKeyCipher: true, updatedAt: true } });

afterAll(async () => {
  await getDb().tenant.deleteMany({ where: { slug: { startsWith: 'dpop-' } } });
});

describe('per-tenant DPoP', () => {
  it('makes an encrypted ES256 key when DPoP is turned on, keeps it, and signs proofs with it', async () => {
    const tenant = await createTenant(input('on'), context);
    expect(tenant.requireDpop).toBe(false);
    expect(await getDpopSigner(tenant)).toBeUndefined();
    expect((await row(tenant.slug)).dpopKeyCipher).toBeNull();

    const on = await updateTenant(tenant.slug, { requireDpop: true }, context);
    const { dpopKeyCipher } = await row(tenant.slug);
    expect(on.requireDpop).toBe(true);
    expect(dpopKeyCipher).toMatch(/^v1\./);
    expect(dpopKeyCipher).not.toMatch(/[{}":]/); // sealed: no JSON of the key (a plain "EC" can occur in base64url by chance)

    const signer = await getDpopSigner(on);
    expect(signer).toBeDefined();
    expect(await getDpopSigner(on)).toBe(signer); // one signer per key: it keeps Okta's nonce
    const headers = new Headers();
    await (signer as unknown as { addProof(u: URL, h: Headers, m: string): Promise<void> }).addProof(new URL('https://x.example/token'), headers, 'POST');
    const { protectedHeader } = await jwtVerify(headers.get('dpop')!, EmbeddedJWK, { typ: 'dpop+jwt' });
    expect(protectedHeader).toMatchObject({ alg: 'ES256', jwk: { kty: 'EC', crv: 'P-256' } });
    expect(protectedHeader.jwk).not.toHaveProperty('d');

    // Off and on again: the same key (nothing to re-register anywhere).
    await updateTenant(tenant.slug, { requireDpop: false }, context);
    await updateTenant(tenant.slug, { requireDpop: true }, context);
    expect((await row(tenant.slug)).dpopKeyCipher).toBe(dpopKeyCipher);

    const audit = await getDb().auditEvent.findMany({ where: { tenantId: tenant.id, type: 'tenant.updated' }, orderBy: { id: 'asc' } });
    expect(audit[0]!.details).toMatchObject({ before: { requireDpop: false }, after: { requireDpop: true }, dpopKeyCreated: true });
    expect(JSON.stringify(audit.map((a) => a.details))).not.toContain(dpopKeyCipher!.split('.')[3]!);
  });

  it('refuses DPoP with the Okta Simplified tile flow at creation', async () => {
    await expect(createTenant(input('create', { requireDpop: true, tileLoginFlow: 'id_token' }), context)).rejects.toThrow(conflict);
    expect(await getDb().tenant.count({ where: { slug: input('create').slug } })).toBe(0);
  });

  it.each([
    ['turning DPoP on while the tile flow is Okta Simplified', { tileLoginFlow: 'id_token' as const }, { requireDpop: true }],
    ['switching to Okta Simplified while DPoP is on', { requireDpop: true }, { tileLoginFlow: 'id_token' as const }],
    ['both at once', {}, { requireDpop: true, tileLoginFlow: 'id_token' as const }],
  ])('refuses %s, changing nothing', async (name, start, patch) => {
    const tenant = await createTenant(input(name.split(' ')[0]!.toLowerCase() + Object.keys(patch).length, start), context);
    const before = await row(tenant.slug);
    await expect(updateTenant(tenant.slug, patch, context)).rejects.toThrow(conflict);
    expect(await row(tenant.slug)).toEqual(before);
  });

  it('refuses the combination in an import file, naming the tenant and field', async () => {
    const file = { format: TENANT_EXPORT_FORMAT, tenants: [{ ...input('import'), requireDpop: true, tileLoginFlow: 'id_token' }] };
    await expect(importTenants(file, context, () => undefined)).rejects.toThrow(/tenants\.0\.requireDpop: DPoP cannot be combined/);
  });

  it('refuses the combination from the CLI with one line and a non-zero exit', async () => {
    const tenant = await createTenant(input('cli', { requireDpop: true }), context);
    const run = await new Promise<{ status: number | null; stderr: string }>((resolve) => {
      const child = spawn('npx', ['tsx', '--conditions=react-server', 'scripts/tenant.ts', 'update', tenant.slug, '--tile-flow', 'id_token']);
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d));
      child.on('close', (status) => resolve({ status, stderr: stderr.split('\n').filter((l) => l && !l.startsWith('npm warn')).join('\n') }));
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^Error: DPoP cannot be combined with/);
    expect((await row(tenant.slug)).tileLoginFlow).toBe('redirect');
  });
});

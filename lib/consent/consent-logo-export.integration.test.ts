/**
 * The consent logo is an uploaded PNG/JPEG stored with the tenant (or an https URL of another site, never
 * one of this app), and the CSV export holds declines as well as grants, told apart by `decision`.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db/client';
import { getEnv } from '@/lib/env';
import { createTenant } from '@/lib/tenants/create-tenant';
import type { Tenant } from '@/lib/tenants/tenant';
import { LogoError, parseLogoImage } from './consent-logo';
import { exportConsentGrants } from './export-consent-grants';
import { getConsentLogo } from './get-consent-logo';
import { getConsentPolicy } from './get-consent-policy';
import { publishConsentVersion } from './publish-consent-version';
import { updateConsentSettings } from './update-consent-settings';

const suffix = randomUUID().slice(0, 8);
const actor = { actor: 'test', requestId: 'it-logo', ip: '127.0.0.1', userAgent: 'vitest' };
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);
let t: Tenant;

beforeAll(async () => {
  t = await createTenant({
    slug: `logo-${suffix}`, displayName: 'Logo Co', status: 'active', issuer: `https://logo-${suffix}.okta.example`, clientId: 'logo',
    clientSecret: 'secret-value', clientAuthMethod: 'client_secret_basic', scopes: ['openid', 'email'], emailDomains: [],
    loginInitiatedBy: 'app_only', tileLoginFlow: 'redirect',
  }, actor);
});
afterAll(async () => {
  await getDb().tenant.deleteMany({ where: { slug: { contains: suffix } } });
});

describe('consent logo', () => {
  it('stores an uploaded PNG with the tenant and keeps it when the form is saved again without a file', async () => {
    await updateConsentSettings(t.id, { required: true, supportContact: null, logoUrl: null, logoImage: parseLogoImage(PNG) }, actor);
    const logo = await getConsentLogo(t.id);
    expect(logo?.contentType).toBe('image/png');
    expect(Buffer.from(logo!.image).equals(Buffer.from(PNG))).toBe(true);
    expect((await getConsentPolicy(getDb(), t.id)).logoSha256).toBe(logo!.sha256);

    await updateConsentSettings(t.id, { required: true, supportContact: 'help@logo.test', logoUrl: null }, actor);
    expect((await getConsentLogo(t.id))?.sha256).toBe(logo!.sha256);
    const event = await getDb().auditEvent.findFirst({ where: { tenantId: t.id, type: 'consent.policy_updated' }, orderBy: { id: 'desc' } });
    expect(event?.details).toMatchObject({ after: { logo: `image/png sha256:${logo!.sha256.slice(0, 16)}` } });
  });

  it('an https URL of another site replaces the image; one of this app is refused and changes nothing', async () => {
    await expect(updateConsentSettings(t.id, { required: true, supportContact: null, logoUrl: `${getEnv().APP_URL}/api/auth/signin?tenant=acme` }, actor))
      .rejects.toThrow(LogoError);
    expect(await getConsentLogo(t.id)).not.toBeNull();
    await updateConsentSettings(t.id, { required: true, supportContact: null, logoUrl: 'https://cdn.logo.test/logo.png' }, actor);
    expect(await getConsentLogo(t.id)).toBeNull();
    expect(await getConsentPolicy(getDb(), t.id)).toMatchObject({ logoUrl: 'https://cdn.logo.test/logo.png', logoSha256: null });
    await updateConsentSettings(t.id, { required: true, supportContact: null, logoUrl: null, removeLogo: true }, actor);
    expect(await getConsentPolicy(getDb(), t.id)).toMatchObject({ logoUrl: null, logoSha256: null });
  });
});

describe('consent export', () => {
  it('the CSV holds a decline, with decision=declined, next to the grants', async () => {
    const version = await publishConsentVersion(t.id, { title: 'Terms for export', bodyMarkdown: 'The app receives your email.', scopes: ['openid', 'email'], requireReconsent: true }, actor);
    await getDb().consentDecline.create({ data: { tenantId: t.id, sub: '00u-decliner', versionId: version.id } });
    const user = await getDb().user.create({ data: { tenantId: t.id, issuer: t.issuer, sub: '00u-agreer', email: 'agreer@logo.test' } });
    await getDb().consentGrant.create({ data: { tenantId: t.id, userId: user.id, versionId: version.id, scopes: ['openid', 'email'] } });

    // No cell here holds a comma or a quote, so a plain split reads the CSV.
    const [header, ...lines] = (await exportConsentGrants(t, 'csv')).trim().split('\n').map((l) => l.split(','));
    const rows = lines.map((cells) => Object.fromEntries(header!.map((h, i) => [h, cells[i]])));
    expect(header).toEqual(['decision', 'grantId', 'userSub', 'userEmail', 'version', 'scopes', 'grantedAt', 'ip', 'userAgent', 'revokedAt', 'declinedAt']);
    expect(rows).toEqual(expect.arrayContaining([
      expect.objectContaining({ decision: 'declined', userSub: '00u-decliner', version: String(version.version), declinedAt: expect.stringMatching(/^\d{4}-/) }),
      expect.objectContaining({ decision: 'granted', userSub: '00u-agreer', userEmail: 'agreer@logo.test', scopes: 'openid email' }),
    ]));
    const json = JSON.parse(await exportConsentGrants(t, 'json'));
    expect(json.declines).toEqual([expect.objectContaining({ userSub: '00u-decliner' })]);
  });
});

/** The uploaded consent logo of a tenant (bytes and their checked type), or null. Callers decide who may see it. */
import { getDb } from '@/lib/db/client';
import type { LogoContentType } from './consent-logo';

export async function getConsentLogo(tenantId: string): Promise<{ image: Uint8Array<ArrayBuffer>; contentType: LogoContentType; sha256: string } | null> {
  const row = await getDb().consentPolicy.findUnique({ where: { tenantId }, select: { logoImage: true, logoContentType: true, logoSha256: true } });
  if (!row?.logoImage || !row.logoSha256 || (row.logoContentType !== 'image/png' && row.logoContentType !== 'image/jpeg')) return null;
  const image = new Uint8Array(new ArrayBuffer(row.logoImage.length));
  image.set(row.logoImage);
  return { image, contentType: row.logoContentType, sha256: row.logoSha256 };
}

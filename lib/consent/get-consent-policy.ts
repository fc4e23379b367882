/**
 * A tenant's consent policy as the gate, the pages and the CLI see it: settings, the current version, and
 * the baseline — the lowest version number whose grants still count (the last version published with
 * "require existing users to consent again", else 1).
 */
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';
import { normaliseScopes, type ConsentScope } from './consent-scopes';

type Db = PrismaClient | Prisma.TransactionClient;

export type ConsentVersionView = {
  id: string;
  version: number;
  title: string;
  bodyMarkdown: string;
  scopes: ConsentScope[];
  requireReconsent: boolean;
  publishedAt: Date;
  publishedBy: string;
};

export type ConsentPolicyView = {
  tenantId: string;
  required: boolean;
  supportContact: string | null;
  /** The https logo URL, when no image is uploaded. */
  logoUrl: string | null;
  /** The uploaded logo's SHA-256 (hex), or null. The bytes are read only by the logo route. */
  logoSha256: string | null;
  current: ConsentVersionView | null;
  baselineVersion: number;
  /** Consent is asked for only when required and a version exists. */
  enforced: boolean;
};

export async function getConsentPolicy(db: Db, tenantId: string): Promise<ConsentPolicyView> {
  const [policy, current, baseline] = await Promise.all([
    db.consentPolicy.findUnique({ where: { tenantId }, select: { required: true, supportContact: true, logoUrl: true, logoSha256: true } }),
    db.consentVersion.findFirst({ where: { tenantId }, orderBy: { version: 'desc' } }),
    db.consentVersion.findFirst({ where: { tenantId, requireReconsent: true }, orderBy: { version: 'desc' }, select: { version: true } }),
  ]);
  const required = policy?.required ?? false;
  return {
    tenantId,
    required,
    supportContact: policy?.supportContact ?? null,
    logoUrl: policy?.logoUrl ?? null,
    logoSha256: policy?.logoSha256 ?? null,
    current: current ? toVersionView(current) : null,
    baselineVersion: baseline?.version ?? 1,
    enforced: required && current !== null,
  };
}

export function toVersionView(row: {
  id: string; version: number; title: string; bodyMarkdown: string; scopes: string[]; requireReconsent: boolean; publishedAt: Date; publishedBy: string;
}): ConsentVersionView {
  return {
    id: row.id, version: row.version, title: row.title, bodyMarkdown: row.bodyMarkdown, scopes: normaliseScopes(row.scopes),
    requireReconsent: row.requireReconsent, publishedAt: row.publishedAt, publishedBy: row.publishedBy,
  };
}

/** Whether a grant still covers the current version: not revoked, at or after the baseline, and every current scope in it. */
export function grantCovers(
  grant: { version: number; scopes: readonly string[]; revokedAt: Date | null },
  policy: Pick<ConsentPolicyView, 'current' | 'baselineVersion'>,
): boolean {
  if (!policy.current || grant.revokedAt) return false;
  return grant.version >= policy.baselineVersion && policy.current.scopes.every((s) => grant.scopes.includes(s));
}

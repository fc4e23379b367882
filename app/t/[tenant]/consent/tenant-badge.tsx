import { getTranslations } from '@/lib/i18n/server';
import { logoSrc } from '@/lib/consent/consent-logo';

/** The tenant's name with its logo (or a monogram when it has none), for the consent pages. */
export async function TenantBadge({ slug, name, logo }: { slug: string; name: string; logo: { logoSha256: string | null; logoUrl: string | null } }) {
  const t = await getTranslations('consent');
  const src = logoSrc(slug, { sha256: logo.logoSha256, url: logo.logoUrl });
  const initials = name.split(/\s+/).filter(Boolean).slice(0, 2).map((w) => w[0]!.toUpperCase()).join('');
  return (
    <div className="flex items-center gap-3">
      {src ? (
        // The uploaded image's own route, or an https URL of another site (checked on save); no referrer sent out.
        // eslint-disable-next-line @next/next/no-img-element
        <img src={src} referrerPolicy="no-referrer" alt={t('logo', { organization: name })} className="h-10 w-10 rounded-lg object-contain" data-testid="tenant-logo" />
      ) : (
        <span aria-hidden className="flex h-10 w-10 items-center justify-center rounded-lg bg-accent font-semibold text-on-accent" data-testid="tenant-logo">
          {initials}
        </span>
      )}
      <span className="text-sm font-medium uppercase tracking-wide text-accent" data-testid="tenant-name">{name}</span>
    </div>
  );
}

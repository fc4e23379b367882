/**
 * An organization's own frame: its accent (CSS variables of lib/branding/theme-css.ts, so every button, link and
 * focus ring inside follows) and its logo and name above the content. For the pages its people see before they
 * are in: `/login?org=<slug>`, consent, the error pages of its sign-ins.
 */
import type { TenantBranding } from '@/lib/tenants/get-tenant-branding';

export function TenantBrand({ branding, children }: { branding: TenantBranding | null; children: React.ReactNode }) {
  if (!branding) return <>{children}</>;
  return (
    <div data-accent={branding.accent === 'brand' ? undefined : branding.accent} data-testid="tenant-brand" className="space-y-6">
      <div className="flex items-center justify-center gap-3">
        {branding.logoSrc ? (
          // eslint-disable-next-line @next/next/no-img-element -- the tenant's own logo (uploaded or an https URL), not optimisable
          <img src={branding.logoSrc} alt="" className="h-10 w-auto max-w-40 object-contain" referrerPolicy="no-referrer" />
        ) : null}
        <span className="text-lg font-semibold" data-testid="tenant-brand-name">{branding.displayName}</span>
      </div>
      {children}
    </div>
  );
}

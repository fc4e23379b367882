/** The tenant's name with its logo (or a monogram when it has none), for the consent pages. */
export function TenantBadge({ name, logoUrl }: { name: string; logoUrl: string | null }) {
  const initials = name.split(/\s+/).filter(Boolean).slice(0, 2).map((w) => w[0]!.toUpperCase()).join('');
  return (
    <div className="flex items-center gap-3">
      {logoUrl ? (
        // A data: URL or a path of this app (validated on save); next/image adds nothing for either.
        // eslint-disable-next-line @next/next/no-img-element
        <img src={logoUrl} alt={`${name} logo`} className="h-10 w-10 rounded-lg object-contain" data-testid="tenant-logo" />
      ) : (
        <span aria-hidden className="flex h-10 w-10 items-center justify-center rounded-lg bg-blue-700 font-semibold text-white" data-testid="tenant-logo">
          {initials}
        </span>
      )}
      <span className="text-sm font-medium uppercase tracking-wide text-blue-700" data-testid="tenant-name">{name}</span>
    </div>
  );
}

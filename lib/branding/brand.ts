/**
 * What an ISV changes when forking: product name, tagline, catalog description and logo, colours and support
 * contact. Kept in one place so pages, the configuration guide and the OIN values (`npm run oin`) agree.
 */
export const brand = {
  productName: 'OIN Reference SaaS',
  tagline: 'The multi-tenant app your customers sign in to with their own Okta.',
  supportEmail: 'support@example.com',
  /** The OIN catalog description (Okta: under 1024 characters). */
  description:
    'OIN Reference SaaS is a multi-tenant business app. Each customer organization connects its own Okta org: people ' +
    'sign in from the app or from the Okta dashboard tile, accounts are created on first sign-in, and Okta can end ' +
    "a person's sessions at once with Universal Logout.",
  /** The OIN catalog logo: PNG, JPG or GIF, under 1 MB, at least 420×120 (checked by `npm run oin`). Served from `public/`. */
  oinLogoFile: 'public/oin-logo.png',
} as const;

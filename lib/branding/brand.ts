/**
 * The one file an ISV edits when forking: product name, tagline, catalog description, logos, colours and support
 * contact. Pages, route-handler pages, the configuration guide and the OIN values (`npm run oin`) all read it;
 * the colours become CSS variables in the one stylesheet (`npm run build` / `npm run dev` compile it, see
 * lib/branding/theme-css.ts), so every page, light and dark, follows them.
 *
 * Colours are semantic tokens, not a palette: change `accent` and every button, link and focus ring follows.
 * Keep each pair readable (WCAG AA: 4.5:1 for text): `fg`/`fgMuted`/`accent`/`danger`/`success` on `bg` and
 * `surface`, `onAccent` on `accent`, `accentFg` and `accent` on `accentSoft`. The accessibility e2e suite checks every page
 * with axe-core in both schemes, so a fork that breaks a pair finds out.
 *
 * Texts shown to people (`tagline`) are given per language, one entry per locale of lib/i18n/locales.ts; the rest
 * of the app's wording lives in the message catalogues (`messages/<locale>/`).
 */
import type { Locale } from '@/lib/i18n/locales';

export type ColorTokens = {
  /** Page background, cards, subtle boxes (code, table headers). */
  bg: string;
  surface: string;
  surfaceMuted: string;
  /** Text and secondary text. */
  fg: string;
  fgMuted: string;
  /** Hairlines, and the borders of form controls (3:1 against surface). */
  line: string;
  control: string;
  /** Buttons and links; text on a button; tinted backgrounds (badges, current page) and text on them. */
  accent: string;
  accentHover: string;
  onAccent: string;
  accentSoft: string;
  accentFg: string;
  danger: string;
  dangerSoft: string;
  success: string;
  successSoft: string;
  warning: string;
  warningSoft: string;
  /** The 2 px focus ring. */
  focus: string;
};

export type AccentTokens = Pick<ColorTokens, 'accent' | 'accentHover' | 'onAccent' | 'accentSoft' | 'accentFg' | 'focus'>;

/** Accents a tenant admin may choose for their organization's sign-in, consent and error pages (checked pairs only). */
export const TENANT_ACCENTS = ['brand', 'teal', 'violet', 'rose', 'amber', 'green'] as const;
export type TenantAccent = (typeof TENANT_ACCENTS)[number];

export const brand = {
  productName: 'OIN Reference SaaS',
  /** The start page's line under the product name, in every language of the app (lib/i18n/locales.ts): a missing one fails type-checking. */
  tagline: {
    en: 'The multi-tenant app your customers sign in to with their own Okta.',
    de: 'Die mandantenfähige App, bei der sich Ihre Kunden mit ihrem eigenen Okta anmelden.',
  } satisfies Record<Locale, string>,
  supportEmail: 'support@example.com',
  /** The OIN catalog description (Okta: under 1024 characters). */
  description:
    'OIN Reference SaaS is a multi-tenant business app. Each customer organization connects its own Okta org: people ' +
    'sign in from the app or from the Okta dashboard tile, accounts are created on first sign-in, and Okta can end ' +
    "a person's sessions at once with Universal Logout.",
  /** The OIN catalog logo: PNG, JPG or GIF, under 1 MB, at least 420×120 (checked by `npm run oin`). Served from `public/`. */
  oinLogoFile: 'public/oin-logo.png',
  /** The mark in the app's header (square, served from `public/`). */
  logo: '/brand/logo.svg',
  colors: {
    light: {
      bg: '#f8fafc',
      surface: '#ffffff',
      surfaceMuted: '#f1f5f9',
      fg: '#0f172a',
      fgMuted: '#475569',
      line: '#e2e8f0',
      control: '#64748b',
      accent: '#1d4ed8',
      accentHover: '#1e40af',
      onAccent: '#ffffff',
      accentSoft: '#dbeafe',
      accentFg: '#1e3a8a',
      danger: '#b91c1c',
      dangerSoft: '#fef2f2',
      success: '#166534',
      successSoft: '#f0fdf4',
      warning: '#92400e',
      warningSoft: '#fffbeb',
      focus: '#1d4ed8',
    },
    dark: {
      bg: '#0b1120',
      surface: '#111827',
      surfaceMuted: '#1e293b',
      fg: '#f1f5f9',
      fgMuted: '#a3b1c6',
      line: '#334155',
      control: '#7c8ba1',
      accent: '#60a5fa',
      accentHover: '#93c5fd',
      onAccent: '#0b1120',
      accentSoft: '#193174',
      accentFg: '#dbeafe',
      danger: '#fca5a5',
      dangerSoft: '#450a0a',
      success: '#86efac',
      successSoft: '#052e16',
      warning: '#fcd34d',
      warningSoft: '#422006',
      focus: '#93c5fd',
    },
  } satisfies Record<'light' | 'dark', ColorTokens>,
  /** Tenant accents (`brand` is the product's own accent above). */
  tenantAccents: {
    teal: {
      light: { accent: '#0f766e', accentHover: '#115e59', onAccent: '#ffffff', accentSoft: '#ccfbf1', accentFg: '#134e4a', focus: '#0f766e' },
      dark: { accent: '#2dd4bf', accentHover: '#5eead4', onAccent: '#042f2e', accentSoft: '#134e4a', accentFg: '#ccfbf1', focus: '#5eead4' },
    },
    violet: {
      light: { accent: '#6d28d9', accentHover: '#5b21b6', onAccent: '#ffffff', accentSoft: '#ede9fe', accentFg: '#4c1d95', focus: '#6d28d9' },
      dark: { accent: '#a78bfa', accentHover: '#c4b5fd', onAccent: '#1e1b4b', accentSoft: '#3e187a', accentFg: '#ede9fe', focus: '#c4b5fd' },
    },
    rose: {
      light: { accent: '#be123c', accentHover: '#9f1239', onAccent: '#ffffff', accentSoft: '#ffe4e6', accentFg: '#881337', focus: '#be123c' },
      dark: { accent: '#fb7185', accentHover: '#fda4af', onAccent: '#1c0a0f', accentSoft: '#650e29', accentFg: '#ffe4e6', focus: '#fda4af' },
    },
    amber: {
      light: { accent: '#92400e', accentHover: '#78350f', onAccent: '#ffffff', accentSoft: '#fef3c7', accentFg: '#78350f', focus: '#92400e' },
      dark: { accent: '#fbbf24', accentHover: '#fcd34d', onAccent: '#1c1104', accentSoft: '#78350f', accentFg: '#fef3c7', focus: '#fcd34d' },
    },
    green: {
      light: { accent: '#15803d', accentHover: '#166534', onAccent: '#ffffff', accentSoft: '#dcfce7', accentFg: '#14532d', focus: '#15803d' },
      dark: { accent: '#4ade80', accentHover: '#86efac', onAccent: '#052e16', accentSoft: '#14532d', accentFg: '#dcfce7', focus: '#86efac' },
    },
  } satisfies Record<Exclude<TenantAccent, 'brand'>, Record<'light' | 'dark', AccentTokens>>,
} as const;

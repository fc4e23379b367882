/**
 * The brand's colour tokens (lib/branding/brand.ts) as CSS custom properties: light by default, dark when the
 * system asks for it, and one `[data-accent=…]` block per tenant accent. Appended to app/globals.css when the
 * stylesheet is compiled (lib/branding/build-stylesheet.ts); Tailwind's theme maps its colours onto them.
 */
import { brand, type AccentTokens, type ColorTokens } from './brand';

const cssName = (token: string) => `--brand-${token.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

function declarations(tokens: Partial<ColorTokens>): string {
  return Object.entries(tokens)
    .map(([token, value]) => `${cssName(token)}:${value};`)
    .join('');
}

export function themeCss(source: typeof brand = brand): string {
  const accents = Object.entries(source.tenantAccents) as [string, Record<'light' | 'dark', AccentTokens>][];
  const light = accents.map(([name, t]) => `[data-accent="${name}"]{${declarations(t.light)}}`).join('\n');
  const dark = accents.map(([name, t]) => `[data-accent="${name}"]{${declarations(t.dark)}}`).join('\n');
  return [
    `:root{color-scheme:light dark;${declarations(source.colors.light)}}`,
    light,
    `@media (prefers-color-scheme: dark){:root{${declarations(source.colors.dark)}}\n${dark}}`,
  ].join('\n');
}

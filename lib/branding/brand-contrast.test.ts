import { describe, expect, it } from 'vitest';
import { brand, type AccentTokens, type ColorTokens } from './brand';

/** WCAG 2.x relative luminance and contrast ratio of two #rrggbb colours. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

// The pairs brand.ts promises (text 4.5:1, control borders 3:1), so a fork that breaks one learns it here first.
const TEXT_PAIRS: [keyof ColorTokens, keyof ColorTokens][] = [
  ...(['fg', 'fgMuted', 'accent', 'danger', 'success', 'warning'] as const).flatMap((t) => [[t, 'bg'], [t, 'surface']] as [keyof ColorTokens, keyof ColorTokens][]),
  ['fg', 'surfaceMuted'], ['onAccent', 'accent'], ['onAccent', 'accentHover'], ['accentFg', 'accentSoft'], ['accent', 'accentSoft'],
  ['danger', 'dangerSoft'], ['success', 'successSoft'], ['warning', 'warningSoft'],
];
const ACCENT_PAIRS: [keyof AccentTokens, keyof AccentTokens][] = [['onAccent', 'accent'], ['onAccent', 'accentHover'], ['accentFg', 'accentSoft'], ['accent', 'accentSoft']];

describe('brand colours', () => {
  for (const scheme of ['light', 'dark'] as const) {
    const tokens = brand.colors[scheme];
    it.each(TEXT_PAIRS)(`${scheme}: %s on %s is at least 4.5:1`, (fg, bg) => {
      expect(contrast(tokens[fg], tokens[bg])).toBeGreaterThanOrEqual(4.5);
    });
    it(`${scheme}: form control borders and the focus ring are at least 3:1 against the surface`, () => {
      expect(contrast(tokens.control, tokens.surface)).toBeGreaterThanOrEqual(3);
      expect(contrast(tokens.focus, tokens.surface)).toBeGreaterThanOrEqual(3);
      expect(contrast(tokens.focus, tokens.bg)).toBeGreaterThanOrEqual(3);
    });
    for (const [name, accent] of Object.entries(brand.tenantAccents)) {
      it.each(ACCENT_PAIRS)(`${scheme}, tenant accent ${name}: %s on %s is at least 4.5:1`, (fg, bg) => {
        expect(contrast(accent[scheme][fg], accent[scheme][bg])).toBeGreaterThanOrEqual(4.5);
      });
      it(`${scheme}, tenant accent ${name}: links and the focus ring are readable on the page`, () => {
        for (const bg of [tokens.bg, tokens.surface]) {
          expect(contrast(accent[scheme].accent, bg)).toBeGreaterThanOrEqual(4.5);
          expect(contrast(accent[scheme].focus, bg)).toBeGreaterThanOrEqual(3);
        }
      });
    }
  }
});

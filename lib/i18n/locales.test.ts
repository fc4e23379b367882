import { describe, expect, it } from 'vitest';
import { negotiateLocale, parseAcceptLanguage, parseTimeZone } from './locales';

describe('negotiateLocale', () => {
  it.each([
    [{}, 'en'],
    [{ acceptLanguage: 'de-DE,de;q=0.9,en;q=0.8' }, 'de'],
    [{ acceptLanguage: 'fr-FR,fr;q=0.9,de;q=0.5' }, 'de'],
    [{ acceptLanguage: 'fr-FR,fr;q=0.9' }, 'en'],
    [{ acceptLanguage: 'en;q=0.4,de;q=0.6' }, 'de'],
    [{ acceptLanguage: 'de;q=0' }, 'en'],
    [{ acceptLanguage: '*' }, 'en'],
    [{ acceptLanguage: '<script>,;;;q=abc' }, 'en'],
    [{ cookie: 'de', acceptLanguage: 'en' }, 'de'],
    [{ cookie: 'xx', acceptLanguage: 'de' }, 'de'],
    [{ cookie: 'en', acceptLanguage: 'de' }, 'en'],
  ] as const)('%j → %s', (input, expected) => {
    expect(negotiateLocale(input)).toBe(expected);
  });

  it('orders by quality, then by position', () => {
    expect(parseAcceptLanguage('fr;q=0.5, de, en;q=0.5')).toEqual(['de', 'fr', 'en']);
  });
});

describe('parseTimeZone', () => {
  it.each([
    ['Europe/Berlin', 'Europe/Berlin'],
    ['America/New_York', 'America/New_York'],
    ['Not/AZone', 'UTC'],
    ['UTC', 'UTC'],
    ['US/Pacific', 'America/Los_Angeles'],
    ['+05:30', 'UTC'],
    ['-23:59', 'UTC'],
    ['', 'UTC'],
    [undefined, 'UTC'],
    ['x'.repeat(100), 'UTC'],
  ])('%s → %s', (input, expected) => {
    expect(parseTimeZone(input)).toBe(expected);
  });
});

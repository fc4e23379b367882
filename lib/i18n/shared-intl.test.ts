import { createFormatter } from 'use-intl/core';
import { describe, expect, it } from 'vitest';
import { sharedIntl } from './shared-intl';
import { translatorFor } from './translator';

describe('sharedIntl', () => {
  it('hands every request of a language and zone the same caches, and other zones their own', () => {
    expect(sharedIntl('en', 'UTC')).toBe(sharedIntl('en', 'UTC'));
    expect(sharedIntl('en', 'Europe/Berlin')).not.toBe(sharedIntl('en', 'UTC'));
    expect(sharedIntl('de', 'UTC')).not.toBe(sharedIntl('en', 'UTC'));
  });

  it('keeps zones apart: a date formatted in Berlin after one in UTC is still Berlin time', () => {
    const at = new Date('2026-11-30T12:00:00Z');
    const inZone = (timeZone: string) => createFormatter({ locale: 'en', timeZone, ...sharedIntl('en', timeZone) }).dateTime(at, { timeStyle: 'short' });
    expect(inZone('UTC')).toMatch(/12:00/);
    expect(inZone('Europe/Berlin')).toMatch(/1:00/);
    expect(inZone('UTC')).toMatch(/12:00/);
  });

  it('parses a message once per language: the second request reuses it, values still differ', () => {
    const t1 = translatorFor('en', 'common');
    const t2 = translatorFor('en', 'common');
    const parsed = () => Object.keys(sharedIntl('en', 'UTC')._cache.message).length;
    expect(t1('copyLabel', { label: 'issuer' })).toBe('Copy issuer');
    const after = parsed();
    expect(t2('copyLabel', { label: 'client id' })).toBe('Copy client id');
    expect(parsed()).toBe(after);
    expect(translatorFor('de', 'common')('copyLabel', { label: 'Aussteller' })).not.toBe('Copy Aussteller');
  });
});

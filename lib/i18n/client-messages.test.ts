import { describe, expect, it } from 'vitest';
import { catalogues } from '@/messages';
import { pickMessages, SHELL_CLIENT_MESSAGES } from './client-messages';

describe('pickMessages', () => {
  const en = catalogues.en;

  it('keeps only the named namespaces', () => {
    const picked = pickMessages(en, SHELL_CLIENT_MESSAGES);
    expect(Object.keys(picked).sort()).toEqual(['common', 'confirmDialog']);
    expect(picked.common).toEqual(en.common);
  });

  it('keeps one section of a namespace without its siblings', () => {
    const picked = pickMessages(en, ['common', 'onboarding.connection']);
    expect(picked.onboarding).toEqual({ connection: en.onboarding.connection });
    expect(picked.onboarding).not.toHaveProperty('domains');
  });

  it('merges sections of the same namespace', () => {
    const picked = pickMessages(en, ['onboarding.connection', 'onboarding.tile']);
    expect(Object.keys(picked.onboarding!).sort()).toEqual(['connection', 'tile']);
  });

  it('hands the shell a small fraction of the catalogue', () => {
    const all = JSON.stringify(en).length;
    const shell = JSON.stringify(pickMessages(en, SHELL_CLIENT_MESSAGES)).length;
    expect(shell).toBeLessThan(all / 20);
  });
});

import { describe, expect, it } from 'vitest';
import { catalogues } from '@/messages';
import { LOCALES } from './locales';

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}

/** The ICU argument names of a message (`{name}`, `{count, plural, …}`, rich-text tags `<b>`). */
function placeholders(message: string): string[] {
  const names = new Set<string>();
  for (const m of message.matchAll(/\{\s*([a-zA-Z0-9_]+)\s*[,}]/g)) names.add(m[1]!);
  for (const m of message.matchAll(/<([a-zA-Z0-9_]+)>/g)) names.add(`<${m[1]}>`);
  return [...names].sort();
}

const english = leaves(catalogues.en as unknown as Tree);

describe('message catalogues', () => {
  it('English has strings', () => {
    expect(english.size).toBeGreaterThan(5);
  });

  it.each(LOCALES.filter((l) => l !== 'en'))('%s has every English key, no other, none empty, the same placeholders', (locale) => {
    const other = leaves(catalogues[locale] as unknown as Tree);
    expect([...other.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [key, message] of other) {
      expect(message.trim(), key).not.toBe('');
      expect(placeholders(message), key).toEqual(placeholders(english.get(key)!));
    }
  });

  // Pages format dates with getFormatter in the person's zone and pass the text in. A `{x, date}` argument
  // would make the parsed message depend on the zone, and the shared caches (shared-intl.ts) are per language.
  it.each(LOCALES)('%s formats no date or time inside a message', (locale) => {
    for (const [key, message] of leaves(catalogues[locale] as unknown as Tree)) {
      expect(message, key).not.toMatch(/\{\s*[a-zA-Z0-9_]+\s*,\s*(date|time)\b/);
    }
  });
});

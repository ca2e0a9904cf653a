import { describe, expect, it } from 'vitest';
import { DICTIONARIES, joinNames } from './i18n';

describe('interface dictionaries', () => {
  const [first, ...others] = Object.values(DICTIONARIES);

  it('have the same keys in every language', () => {
    for (const other of others) {
      expect(Object.keys(other).sort()).toEqual(Object.keys(first ?? {}).sort());
    }
  });

  it('have no empty string in any language', () => {
    for (const dictionary of Object.values(DICTIONARIES)) {
      for (const [key, value] of Object.entries(dictionary)) {
        expect(value.trim(), key).not.toBe('');
      }
    }
  });
});

describe('joinNames', () => {
  it.each([
    [['Ana'], 'es', 'Ana'],
    [['Ana', 'Luis'], 'es', 'Ana y Luis'],
    [['Ana', 'Luis', 'Eva'], 'es', 'Ana, Luis y Eva'],
    [['Ana', 'Luis', 'Eva'], 'en', 'Ana, Luis, and Eva'],
  ] as const)('joins %j in %s as "%s"', (names, lang, expected) => {
    expect(joinNames(names, lang)).toBe(expected);
  });
});

import { describe, expect, it } from 'vitest';
import { SITE } from '../site';
import { authorName, joinNames, t } from './i18n';

describe('the configured editions', () => {
  // The main edition's dictionary is the reference every other must match.
  const reference = Object.keys(t(SITE.defaultLang)).sort();

  it('include the main edition', () => {
    expect(SITE.langs).toContain(SITE.defaultLang);
  });

  it.each(SITE.langs.map((lang) => [lang]))(
    '%s has an edition entry with every interface string',
    (lang) => {
      const edition = SITE.editions[lang];
      expect(edition, `editions.${lang}`).toBeDefined();
      expect(Object.keys(edition.ui).sort()).toEqual(reference);
    },
  );

  it.each(SITE.langs.map((lang) => [lang]))(
    '%s has no empty interface string, tagline, about line or staff byline',
    (lang) => {
      const { ui, tagline, about, staffByline, label } = SITE.editions[lang];
      const texts = { ...ui, tagline, about, staffByline, label };
      for (const [key, value] of Object.entries(texts)) {
        expect(value.trim(), `${lang}.${key}`).not.toBe('');
      }
    },
  );

  it('each link to a translation is worded in its own language', () => {
    const labels = SITE.langs.map((lang) => t(lang).readInOther);
    expect(new Set(labels).size).toBe(labels.length);
  });
});

describe('authorName', () => {
  it.each(SITE.langs.map((lang) => [lang, SITE.editions[lang].staffByline]))(
    'credits the newsroom in %s as "%s"',
    (lang, byline) => {
      expect(authorName({ id: SITE.staffAuthor, name: 'Staff file name' }, lang)).toBe(byline);
    },
  );

  it('keeps a named author as written in their file', () => {
    expect(authorName({ id: 'daniela-ortiz', name: 'Daniela Ortiz' }, SITE.defaultLang)).toBe(
      'Daniela Ortiz',
    );
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

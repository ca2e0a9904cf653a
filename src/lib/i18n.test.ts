import { describe, expect, it } from 'vitest';
import { SITE } from '../site';
import { authorName, editionTypography, joinNames, langAttribute, t, textIn } from './i18n';

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

describe('textIn', () => {
  const both = { es: 'Reportera', en: 'Reporter' };

  it.each([
    ["its own edition's text", both, 'es', { text: 'Reportera', lang: 'es' }],
    ["its own edition's text in English", both, 'en', { text: 'Reporter', lang: 'en' }],
    [
      "the other edition's text, marked with its language",
      { en: 'Reporter' },
      'es',
      { text: 'Reporter', lang: 'en' },
    ],
    [
      "the other edition's text the other way round",
      { es: 'Reportera' },
      'en',
      { text: 'Reportera', lang: 'es' },
    ],
    ['nothing when no edition has text', {}, 'es', undefined],
  ] as const)('gives %s', (_case, texts, lang, expected) => {
    expect(textIn(texts, lang, ['es', 'en'])).toEqual(expected);
  });

  it('falls back to the default edition before the others', () => {
    expect(textIn({ en: 'English', es: 'Español' }, 'pt' as 'es', ['es', 'en'])).toEqual({
      text: 'Español',
      lang: 'es',
    });
  });
});

describe('langAttribute', () => {
  it("marks text in another language with that edition's locale, and text in the page's own not at all", () => {
    expect(langAttribute('en', 'es')).toBe(SITE.editions.en.locale);
    expect(langAttribute('es', 'es')).toBeUndefined();
  });
});

describe('staff bylines', () => {
  it('differ between editions, so no edition can show another\'s ("Por Voz Staff")', () => {
    const bylines = SITE.langs.map((lang) => SITE.editions[lang].staffByline);
    expect(new Set(bylines).size).toBe(bylines.length);
  });
});

describe('editionTypography', () => {
  it.each(SITE.langs.map((lang) => [lang]))('leaves no straight quote in a %s headline', (lang) => {
    expect(editionTypography(`Jerry's "deal" and 'others'`, lang)).not.toMatch(/["']/);
  });
});

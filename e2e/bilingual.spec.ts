import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { parse as parseYaml } from 'yaml';
import { SITE, type Lang } from '../src/site';
import { readDist, sitemapPaths } from './fixtures';
import { headlineTexts, otherLanguageText } from './other-language';

// Every page of an edition speaks its edition's language: no interface
// string, staff byline, tagline or author role and biography of another
// edition, except inside an element marked with that other language.

const AUTHORS = join(import.meta.dirname, '..', 'content', 'authors');

/** Role and bio texts per language from the author files, read without Astro. */
function authorTexts(): Map<Lang, string[]> {
  const byLang = new Map<Lang, string[]>(SITE.langs.map((lang) => [lang, []]));
  for (const file of readdirSync(AUTHORS).filter((f) => f.endsWith('.yaml'))) {
    const data = parseYaml(readFileSync(join(AUTHORS, file), 'utf8')) as Record<string, unknown>;
    for (const field of ['role', 'bio']) {
      const value = data[field];
      const texts: Partial<Record<Lang, string>> =
        typeof value === 'string'
          ? { [SITE.defaultLang]: value }
          : ((value ?? {}) as Partial<Record<Lang, string>>);
      for (const lang of SITE.langs) {
        const text = texts[lang];
        if (text) byLang.get(lang)?.push(text.trim());
      }
    }
  }
  return byLang;
}

/**
 * Phrases of edition `other` that must not appear in edition `lang`: its
 * interface strings, staff byline, tagline and about line, and its authors'
 * roles and biographies, where they differ from `lang`'s own wording. Very
 * short strings ("de", "Más") are left out: they are words of many languages.
 */
function phrasesOf(other: Lang, lang: Lang, authors: Map<Lang, string[]>): string[] {
  const edition = (l: Lang) => SITE.editions[l];
  const own = new Set([
    ...Object.values(edition(lang).ui),
    edition(lang).staffByline,
    ...(authors.get(lang) ?? []),
  ]);
  const theirs = [
    ...Object.values(edition(other).ui),
    edition(other).staffByline,
    edition(other).tagline,
    edition(other).about,
    ...(authors.get(other) ?? []),
  ];
  return [...new Set(theirs)].filter((phrase) => phrase.length >= 5 && !own.has(phrase));
}

test.describe('the scan for another language', () => {
  const phrases = ['Voz Staff', 'Related stories'];

  test('finds another edition’s text on a page', () => {
    const html = '<html lang="es-US"><body><p>Por Voz Staff</p></body></html>';
    expect(otherLanguageText(html, 'es', phrases)).toEqual(['Voz Staff']);
  });

  test('finds it in alt text, and as whole words only', () => {
    const html =
      '<html lang="es-US"><body><img alt="Related stories" src="x.jpg"><p>Voz Staffers</p></body></html>';
    expect(otherLanguageText(html, 'es', phrases)).toEqual(['Related stories']);
  });

  test('skips text marked with the other language', () => {
    const html =
      '<html lang="es-US"><body><p lang="en-US">Stories credited to <b>Voz Staff</b></p></body></html>';
    expect(otherLanguageText(html, 'es', phrases)).toEqual([]);
  });
});

test.describe('every page speaks its edition’s language', () => {
  const authors = authorTexts();
  const paths = sitemapPaths();
  for (const lang of SITE.langs) {
    const others = SITE.langs.filter((l) => l !== lang);
    const phrases = others.flatMap((other) => phrasesOf(other, lang, authors));
    const editionPaths = paths.filter((path) => path.startsWith(`/${lang}/`));

    test(`the ${lang} edition has pages to scan and phrases to look for`, () => {
      expect(editionPaths.length).toBeGreaterThan(0);
      expect(phrases).toContain(SITE.editions[others[0] as Lang].staffByline);
    });

    test(`no ${lang} page shows another edition’s interface or author text`, () => {
      const found = editionPaths.flatMap((path) =>
        otherLanguageText(readDist(`${path.slice(1)}index.html`), lang, phrases).map(
          (phrase) => `${path}: ${phrase}`,
        ),
      );
      expect(found).toEqual([]);
    });
  }
});

test('every headline and standfirst on an article page uses typographic quotes', () => {
  const articlePaths = sitemapPaths().filter((path) => /^\/\w+\/\d{4}\/\d{2}\/\d{2}\//.test(path));
  expect(articlePaths.length).toBeGreaterThan(0);
  const straight = articlePaths.flatMap((path) =>
    headlineTexts(readDist(`${path.slice(1)}index.html`))
      .filter((text) => /["']/.test(text))
      .map((text) => `${path}: ${text}`),
  );
  expect(straight).toEqual([]);
});

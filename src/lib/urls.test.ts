import { describe, expect, it } from 'vitest';
import {
  articleParams,
  articlePath,
  authorPath,
  editionPath,
  feedPath,
  isFeedArchivePath,
  isSocialCardPath,
  socialCardPath,
  slugFromId,
  tagPath,
  tagSlug,
} from './urls';

describe('articlePath', () => {
  it('dates the URL by first publication in Texas time', () => {
    expect(
      articlePath({
        lang: 'en',
        publishedAt: new Date('2024-11-12T10:30:00-06:00'),
        slug: 'north-korea-russia-treaty',
      }),
    ).toBe('/en/2024/11/12/north-korea-russia-treaty/');
  });

  it('keeps a late-evening story on the local day, not the UTC day', () => {
    expect(
      articlePath({ lang: 'es', publishedAt: new Date('2026-11-20T03:30:00Z'), slug: 'x' }),
    ).toBe('/es/2026/11/19/x/');
  });
});

describe('articleParams', () => {
  it('reads the route params back from an article path', () => {
    expect(articleParams('/en/2024/11/12/north-korea-russia-treaty/')).toEqual({
      lang: 'en',
      year: '2024',
      month: '11',
      day: '12',
      slug: 'north-korea-russia-treaty',
    });
  });
});

describe('slugFromId', () => {
  it.each([
    ['2024/north-korea-russia-treaty', 'north-korea-russia-treaty'],
    ['plain', 'plain'],
  ])('takes the file name of %s', (id, slug) => {
    expect(slugFromId(id)).toBe(slug);
  });
});

describe('tagSlug', () => {
  it.each([
    ['Corea del Norte', 'corea-del-norte'],
    ['Economía', 'economia'],
    ['AT&T', 'at-t'],
    ['  Ukraine war  ', 'ukraine-war'],
    ['Acción de Gracias', 'accion-de-gracias'],
    ['U.S.-Mexico border', 'u-s-mexico-border'],
    ['iPhone', 'iphone'],
    ['Україна', 'ukrayina'],
    ['Ελλάδα', 'ellada'],
    ['C++', 'c-plus-plus'],
    ['C', 'c'],
    ['北京', '北京'],
    ['..', ''],
    ['🔥', ''],
  ])('turns %j into %j', (tag, slug) => {
    expect(tagSlug(tag)).toBe(slug);
  });
});

describe('section, author, tag and feed paths', () => {
  it('live under the edition prefix', () => {
    expect(editionPath('es')).toBe('/es/');
    expect(feedPath('/en/')).toBe('/en/rss.xml');
    expect(feedPath('/es/mundo/', 'atom')).toBe('/es/mundo/atom.xml');
    expect(feedPath('/es/author/x/', 'json')).toBe('/es/author/x/feed.json');
    expect(authorPath('es', 'ana-martinez')).toBe('/es/author/ana-martinez/');
    expect(tagPath('en', 'Kim Jong Un')).toBe('/en/tag/kim-jong-un/');
  });
});

describe('isFeedArchivePath', () => {
  it.each([
    ['/es/archive/feed/2025-09-07-la-oficina/rss.xml', true],
    ['/en/archive/feed/2024-01-02-x/feed.json/', true],
    ['/es/archive/', false],
    ['/es/archive/feed/', false],
    ['/es/rss.xml', false],
    ['/fr/archive/feed/2025-09-07-x/rss.xml', false],
  ])('%s is a feed archive document: %s', (path, expected) => {
    expect(isFeedArchivePath(path)).toBe(expected);
  });
});

describe('isSocialCardPath', () => {
  it('knows the card of any article page, and nothing else', () => {
    expect(isSocialCardPath(socialCardPath('/en/2024/11/12/north-korea/'))).toBe(true);
    expect(isSocialCardPath(socialCardPath('/es/2026/01/02/otra-historia/'))).toBe(true);
    expect(isSocialCardPath('/en/2024/11/12/north-korea/')).toBe(false);
    expect(isSocialCardPath('/_astro/hero.a1b2c3.jpg')).toBe(false);
    expect(isSocialCardPath('/og/')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import type { Article, Author } from './catalogue-types';
import {
  authorChoices,
  plainText,
  searchBundlePath,
  searchPagePath,
  searchParams,
  searchRecord,
  searchRecordsPath,
} from './search';

function makeAuthor(id: string, name: string): Author {
  return {
    id,
    name,
    filePath: `content/authors/${id}.yaml`,
    role: {},
    bio: {},
    avatar: undefined,
    links: [],
  };
}

function makeArticle(overrides: Partial<Article> = {}): Article {
  return {
    id: '2024/corea-del-norte-rusia-tratado',
    filePath: 'content/articles/2024/corea-del-norte-rusia-tratado.md',
    digest: 'abc',
    title: 'Corea del Norte y Rusia ratifican su tratado',
    dek: 'El acuerdo establece un mecanismo de defensa mutua.',
    // 23:30 in Texas on the 11th is already the 12th in UTC.
    publishedAt: new Date('2024-11-11T23:30:00-06:00'),
    updatedAt: undefined,
    lang: 'es',
    featured: false,
    priority: 0,
    draft: false,
    kind: 'news',
    updates: [],
    coverageEndedAt: undefined,
    tags: ['Rusia'],
    section: {
      id: 'world',
      name: { es: 'Mundo', en: 'World' },
      slug: { es: 'mundo', en: 'world' },
      order: 3,
    },
    authors: [makeAuthor('daniela-ortiz', 'Daniela Ortiz')],
    hero: undefined,
    translationOf: undefined,
    previousUrls: [],
    corrections: [],
    slug: 'corea-del-norte-rusia-tratado',
    path: '/es/2024/11/11/corea-del-norte-rusia-tratado/',
    modifiedAt: new Date('2024-11-11T23:30:00-06:00'),
    translations: [],
    ...overrides,
  };
}

describe('search paths', () => {
  it.each([
    ['es', '/es/buscar/', '/es/buscar/pagefind/', '/es/buscar/search-records.json'],
    ['en', '/en/search/', '/en/search/pagefind/', '/en/search/search-records.json'],
  ] as const)(
    'the %s edition searches at %s with its own bundle',
    (lang, page, bundle, records) => {
      expect(searchPagePath(lang)).toBe(page);
      expect(searchBundlePath(lang)).toBe(bundle);
      expect(searchRecordsPath(lang)).toBe(records);
    },
  );

  it('every edition gets a search page named by its dictionary', () => {
    expect(searchParams()).toEqual([
      { params: { lang: 'es', search: 'buscar' }, props: { lang: 'es' } },
      { params: { lang: 'en', search: 'search' }, props: { lang: 'en' } },
    ]);
  });
});

describe('searchRecord', () => {
  it('indexes the headline, standfirst, body, section and tags under the article’s URL and language', () => {
    const record = searchRecord(makeArticle(), 'Texto del cuerpo.');
    expect(record.url).toBe('/es/2024/11/11/corea-del-norte-rusia-tratado/');
    expect(record.language).toBe('es');
    expect(record.content).toBe(
      'Corea del Norte y Rusia ratifican su tratado\nEl acuerdo establece un mecanismo de defensa mutua.\nTexto del cuerpo.\nMundo\nRusia',
    );
  });

  it('shows the date of the newsroom’s time zone, not UTC’s', () => {
    const { meta, sort } = searchRecord(makeArticle(), '');
    expect(meta.date).toBe('11 nov 2024');
    expect(meta.datetime).toBe('2024-11-11T23:30:00-06:00');
    expect(sort.date).toBe('2024-11-12T05:30:00.000Z');
  });

  it('names the section in the article’s edition and filters by section and author ids', () => {
    const english = makeArticle({
      lang: 'en',
      authors: [makeAuthor('a', 'A'), makeAuthor('b', 'B')],
    });
    const record = searchRecord(english, '');
    expect(record.meta.section).toBe('World');
    expect(record.filters).toEqual({ section: ['world'], author: ['a', 'b'] });
  });

  it('shows the kind label of analysis, opinion and live stories, and none for news', () => {
    expect(searchRecord(makeArticle(), '').meta).not.toHaveProperty('kind');
    expect(searchRecord(makeArticle({ kind: 'opinion' }), '').meta.kind).toBe('Opinión');
    expect(searchRecord(makeArticle({ kind: 'live', lang: 'en' }), '').meta.kind).toBe('Live');
  });

  it('sorts by a text that orders as time does', () => {
    const older = searchRecord(makeArticle({ publishedAt: new Date('2024-01-02T00:00:00Z') }), '');
    const newer = searchRecord(makeArticle({ publishedAt: new Date('2024-10-02T00:00:00Z') }), '');
    expect(older.sort.date < newer.sort.date).toBe(true);
  });
});

describe('authorChoices', () => {
  it('lists each author once, alphabetically, crediting the newsroom as the edition does', () => {
    const staff = makeAuthor('staff', 'Staff');
    const articles = [
      makeArticle({ authors: [makeAuthor('ruben', 'Rubén Castillo'), staff] }),
      makeArticle({
        authors: [makeAuthor('daniela', 'Daniela Ortiz'), makeAuthor('ruben', 'Rubén Castillo')],
      }),
    ];
    expect(authorChoices(articles, 'es')).toEqual([
      { id: 'daniela', name: 'Daniela Ortiz' },
      { id: 'staff', name: 'Redacción Voz' },
      { id: 'ruben', name: 'Rubén Castillo' },
    ]);
  });
});

describe('plainText', () => {
  it.each([
    ['<p>Uno.</p><p>Dos.</p>', 'Uno. Dos.'],
    ['<p>Kim&nbsp;Jong&nbsp;Un &amp; Putin</p>', 'Kim Jong Un & Putin'],
    ['<p>&quot;cita&quot; &#39;otra&#39; &#x2014; &#8212;</p>', '"cita" \'otra\' — —'],
    ['<p>a &unknown; b</p>', 'a &unknown; b'],
    ['<p>a<br>b</p>', 'a b'],
    ['<p>texto</p><script>alert(1)</script><style>p{}</style>', 'texto'],
    ['<p>a</p><!-- nota interna --><p>b</p>', 'a b'],
    ['<h2>Título</h2>\n\n<ul><li>uno</li><li>dos</li></ul>', 'Título uno dos'],
    ['<a href="https://example.com/?a=1&amp;b=2">enlace</a>', 'enlace'],
  ])('%j reads as %j', (html, text) => {
    expect(plainText(html)).toBe(text);
  });
});

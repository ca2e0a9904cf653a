import { describe, expect, it } from 'vitest';
import type { Article, Author } from './catalogue-types';
import {
  authorChoices,
  plainText,
  searchBundlePath,
  searchPagePath,
  searchParams,
  searchRecord,
  searchRecordsFolder,
  recordsFileBundle,
  bundleStartMonth,
  searchBundleKey,
  searchBundles,
  storiesByBundle,
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
    ['es', '/es/buscar/', '/es/buscar/pagefind/', 'build-only/search-records/es/'],
    ['en', '/en/search/', '/en/search/pagefind/', 'build-only/search-records/en/'],
  ] as const)(
    'the %s edition searches at %s with its own bundle, its records kept out of the site',
    (lang, page, bundle, records) => {
      expect(searchPagePath(lang)).toBe(page);
      expect(searchBundlePath(lang)).toBe(bundle);
      expect(searchRecordsFolder(lang)).toBe(records);
    },
  );

  it.each([
    ['/build-only/search-records/es/2025.json', { lang: 'es', bundle: '2025' }],
    ['/build-only/search-records/en/2026-11.json', { lang: 'en', bundle: '2026-11' }],
    ['build-only/search-records/es/2026-10.json/', { lang: 'es', bundle: '2026-10' }],
    ['/es/buscar/pagefind/2025/pagefind.js', undefined],
    ['/es/2025/05/historia/', undefined],
    ['/build-only/search-records/fr/2025.json', undefined],
    ['/build-only/search-records/es/nested/2025.json', undefined],
  ])('reads the edition and bundle of the records file %s', (path, expected) => {
    expect(recordsFileBundle(path)).toEqual(expected);
  });

  it('puts a year’s bundle in a folder of its own inside the edition’s', () => {
    expect(searchBundlePath('es', '2026')).toBe('/es/buscar/pagefind/2026/');
  });

  it('every edition gets a search page named by its dictionary', () => {
    expect(searchParams()).toEqual([
      { params: { lang: 'es', search: 'buscar' }, props: { lang: 'es' } },
      { params: { lang: 'en', search: 'search' }, props: { lang: 'en' } },
    ]);
  });
});

describe('searchRecord', () => {
  it('indexes the headline, standfirst, body, section and tags under the article’s URL and language', () => {
    const record = searchRecord(makeArticle(), 'Texto del cuerpo.', '2024');
    expect(record.url).toBe('/es/2024/11/11/corea-del-norte-rusia-tratado/');
    expect(record.language).toBe('es');
    expect(record.content).toBe(
      'Corea del Norte y Rusia ratifican su tratado\nEl acuerdo establece un mecanismo de defensa mutua.\nTexto del cuerpo.\nMundo\nRusia',
    );
  });

  it('shows the date of the newsroom’s time zone, not UTC’s', () => {
    const { meta, sort } = searchRecord(makeArticle(), '', '2024');
    expect(meta.date).toBe('11 nov 2024');
    expect(meta.datetime).toBe('2024-11-11T23:30:00-06:00');
    expect(sort.date).toBe('2024-11-12T05:30:00.000Z');
  });

  it('names the section in the article’s edition and filters by section and author ids', () => {
    const english = makeArticle({
      lang: 'en',
      authors: [makeAuthor('a', 'A'), makeAuthor('b', 'B')],
    });
    const record = searchRecord(english, '', '2024');
    expect(record.meta.section).toBe('World');
    expect(record.filters).toEqual({ section: ['world'], author: ['a', 'b'], bundle: ['2024'] });
  });

  it('shows the kind label of analysis, opinion and live stories, and none for news', () => {
    expect(searchRecord(makeArticle(), '', '2024').meta).not.toHaveProperty('kind');
    expect(searchRecord(makeArticle({ kind: 'opinion' }), '', '2024').meta.kind).toBe('Opinión');
    expect(searchRecord(makeArticle({ kind: 'live', lang: 'en' }), '', '2024').meta.kind).toBe(
      'Live',
    );
  });

  it('sorts by a text that orders as time does', () => {
    const older = searchRecord(
      makeArticle({ publishedAt: new Date('2024-01-02T00:00:00Z') }),
      '',
      '2024',
    );
    const newer = searchRecord(
      makeArticle({ publishedAt: new Date('2024-10-02T00:00:00Z') }),
      '',
      '2024',
    );
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

describe('the bundle of a story', () => {
  const now = new Date('2026-11-28T12:00:00-06:00');

  it.each([
    ['a story of the build’s month', '2026-11-02T12:00:00Z', '2026-11'],
    ['a story of the month before', '2026-10-31T12:00:00Z', '2026-10'],
    ['a story two months old, in its year', '2026-09-30T12:00:00Z', '2026'],
    ['a story of an earlier year', '2025-11-20T12:00:00Z', '2025'],
    [
      'the last evening of October in Chicago, already November in UTC',
      '2026-11-01T04:30:00Z',
      '2026-10',
    ],
    [
      'the last evening of a year in Chicago, already January in UTC',
      '2025-01-01T05:30:00Z',
      '2024',
    ],
  ])('files %s under %s (newsroom time)', (_, iso, key) => {
    expect(searchBundleKey(new Date(iso), now)).toBe(key);
  });

  it('keeps December in its own bundle through January', () => {
    const january = new Date('2027-01-10T12:00:00-06:00');
    expect(searchBundleKey(new Date('2026-12-24T12:00:00-06:00'), january)).toBe('2026-12');
    expect(searchBundleKey(new Date('2026-11-24T12:00:00-06:00'), january)).toBe('2026');
  });

  it('lists the bundles with stories once each, newest first', () => {
    const at = (iso: string) => makeArticle({ publishedAt: new Date(iso) });
    expect(
      searchBundles(
        [
          at('2024-03-01T12:00:00Z'),
          at('2026-11-20T12:00:00Z'),
          at('2026-03-01T12:00:00Z'),
          at('2026-10-20T12:00:00Z'),
          at('2024-05-01T12:00:00Z'),
        ],
        now,
      ),
    ).toEqual(['2026-11', '2026-10', '2026', '2024']);
    expect(searchBundles([], now)).toEqual([]);
  });
});

describe('storiesByBundle', () => {
  const story = (path: string, iso: string) => ({ path, publishedAt: new Date(iso) });

  it.each([
    ['no stories make no bundle', [], []],
    [
      'one year makes one bundle with every story in the given order',
      [story('/b/', '2026-05-01T12:00:00Z'), story('/a/', '2026-03-01T12:00:00Z')],
      [['2026', ['/b/', '/a/']]],
    ],
    [
      'the newest year comes first, whatever the order of the stories',
      [
        story('/old/', '2024-02-01T12:00:00Z'),
        story('/new/', '2026-02-01T12:00:00Z'),
        story('/mid/', '2025-02-01T12:00:00Z'),
        story('/old2/', '2024-08-01T12:00:00Z'),
      ],
      [
        ['2026', ['/new/']],
        ['2025', ['/mid/']],
        ['2024', ['/old/', '/old2/']],
      ],
    ],
    [
      'the recent months come before the years, newest first',
      [
        story('/this-year/', '2026-03-01T12:00:00Z'),
        story('/last-month/', '2026-10-10T12:00:00Z'),
        story('/this-month/', '2026-11-10T12:00:00Z'),
      ],
      [
        ['2026-11', ['/this-month/']],
        ['2026-10', ['/last-month/']],
        ['2026', ['/this-year/']],
      ],
    ],
  ] as const)('%s', (_, stories, expected) => {
    const now = new Date('2026-11-28T12:00:00-06:00');
    expect(
      storiesByBundle(stories, now).map(([key, list]) => [key, list.map((s) => s.path)]),
    ).toEqual(expected);
  });
});

describe('storiesByBundle: a year with too many stories for one bundle', () => {
  const now = new Date('2026-11-28T12:00:00-06:00');
  const story = (path: string, iso: string) => ({ path, publishedAt: new Date(iso) });
  const layout = (stories: ReturnType<typeof story>[], most: number) =>
    storiesByBundle(stories, now, most).map(([key, list]) => [key, list.map((s) => s.path)]);

  it('leaves a year whole while it holds no more than the limit', () => {
    const stories = [story('/a/', '2025-02-01T12:00:00Z'), story('/b/', '2025-09-01T12:00:00Z')];
    expect(layout(stories, 2)).toEqual([['2025', ['/a/', '/b/']]]);
  });

  it('splits it into halves when each half fits, newest half first, stories in the given order', () => {
    const stories = [
      story('/nov/', '2025-11-01T12:00:00Z'),
      story('/mar/', '2025-03-01T12:00:00Z'),
      story('/jul/', '2025-07-01T12:00:00Z'),
      story('/jan/', '2025-01-15T12:00:00Z'),
    ];
    expect(layout(stories, 2)).toEqual([
      ['2025-h2', ['/nov/', '/jul/']],
      ['2025-h1', ['/mar/', '/jan/']],
    ]);
  });

  it('into quarters when a half would hold too many', () => {
    const stories = [
      story('/jan/', '2024-01-10T12:00:00Z'),
      story('/feb/', '2024-02-10T12:00:00Z'),
      story('/apr/', '2024-04-10T12:00:00Z'),
      story('/dec/', '2024-12-10T12:00:00Z'),
    ];
    expect(layout(stories, 2)).toEqual([
      ['2024-q4', ['/dec/']],
      ['2024-q2', ['/apr/']],
      ['2024-q1', ['/jan/', '/feb/']],
    ]);
  });

  it('into thirds, four months each, when a half would hold too many and a third does not', () => {
    const stories = [
      story('/jan/', '2024-01-10T12:00:00Z'),
      story('/apr/', '2024-04-10T12:00:00Z'),
      story('/may/', '2024-05-10T12:00:00Z'),
      story('/sep/', '2024-09-10T12:00:00Z'),
      story('/dec/', '2024-12-10T12:00:00Z'),
    ];
    // Halves: January–June holds three. Thirds: two, one, two.
    expect(layout(stories, 2)).toEqual([
      ['2024-t3', ['/sep/', '/dec/']],
      ['2024-t2', ['/may/']],
      ['2024-t1', ['/jan/', '/apr/']],
    ]);
  });

  it('into two-month parts when a quarter would hold too many and two months do not', () => {
    // Ten stories a month from January to June: a quarter holds 30, two months 20.
    const stories = Array.from({ length: 60 }, (_, i) =>
      story(`/s${i}/`, `2024-0${Math.floor(i / 10) + 1}-1${i % 10}T12:00:00Z`),
    );
    expect(storiesByBundle(stories, now, 20).map(([key, list]) => [key, list.length])).toEqual([
      ['2024-b3', 20],
      ['2024-b2', 20],
      ['2024-b1', 20],
    ]);
  });

  it('into months at most, even when a month holds more than the limit', () => {
    const stories = [
      story('/a/', '2024-03-01T12:00:00Z'),
      story('/b/', '2024-03-02T12:00:00Z'),
      story('/c/', '2024-03-03T12:00:00Z'),
      story('/d/', '2024-01-03T12:00:00Z'),
    ];
    expect(layout(stories, 2)).toEqual([
      ['2024-03', ['/a/', '/b/', '/c/']],
      ['2024-01', ['/d/']],
    ]);
  });

  it('reads months in the newsroom’s time zone: New Year’s Eve in Chicago is still December', () => {
    const stories = [
      story('/eve/', '2025-01-01T05:30:00Z'),
      story('/june/', '2024-06-01T12:00:00Z'),
      story('/may/', '2024-05-01T12:00:00Z'),
    ];
    expect(layout(stories, 2)).toEqual([
      ['2024-h2', ['/eve/']],
      ['2024-h1', ['/june/', '/may/']],
    ]);
  });

  it('never splits the recent months, and the rest of this year comes after them', () => {
    const stories = [
      story('/this-month/', '2026-11-10T12:00:00Z'),
      story('/this-month-2/', '2026-11-11T12:00:00Z'),
      story('/this-month-3/', '2026-11-12T12:00:00Z'),
      story('/last-month/', '2026-10-10T12:00:00Z'),
      story('/sep/', '2026-09-10T12:00:00Z'),
      story('/feb/', '2026-02-10T12:00:00Z'),
      story('/jan/', '2026-01-10T12:00:00Z'),
      story('/old/', '2025-05-10T12:00:00Z'),
    ];
    expect(layout(stories, 2)).toEqual([
      ['2026-11', ['/this-month/', '/this-month-2/', '/this-month-3/']],
      ['2026-10', ['/last-month/']],
      ['2026-h2', ['/sep/']],
      ['2026-h1', ['/feb/', '/jan/']],
      ['2025', ['/old/']],
    ]);
  });

  it('sorts every kind of key by the first month it covers', () => {
    const keys = [
      '2025',
      '2026-q3',
      '2026-11',
      '2026-h1',
      '2024-12',
      '2026-10',
      '2025-t3',
      '2025-b6',
      '2025-b2',
    ];
    expect([...keys].sort((a, b) => bundleStartMonth(b) - bundleStartMonth(a))).toEqual([
      '2026-11',
      '2026-10',
      '2026-q3',
      '2026-h1',
      '2025-b6', // November and December
      '2025-t3', // September to December
      '2025-b2', // March and April
      '2025',
      '2024-12',
    ]);
    expect(bundleStartMonth('2025-b6')).toBe(2025 * 12 + 10);
    expect(bundleStartMonth('2025-t3')).toBe(2025 * 12 + 8);
    expect(() => bundleStartMonth('2026-w3')).toThrow(/2026-w3/);
  });
});

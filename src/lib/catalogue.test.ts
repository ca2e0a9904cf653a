import { describe, expect, it } from 'vitest';
import { createCatalogue } from './catalogue';
import { looseTag } from './tag-identity';
import type {
  ArticleRecord,
  AuthorRecord,
  CatalogueSettings,
  SectionRecord,
} from './catalogue-types';

const now = new Date('2026-11-28T12:00:00-06:00');
const minutes = (n: number) => new Date(now.getTime() + n * 60_000);

/**
 * An article record as the content layer hands it over. Its `digest`, as a
 * real file's, changes with anything the file states: made from the fields
 * and `body` (the Markdown below the frontmatter) unless given.
 */
function makeArticle(
  overrides: Partial<ArticleRecord> & { id: string; body?: string },
): ArticleRecord {
  const { body = 'A body.', ...fields } = overrides;
  const record: ArticleRecord = {
    filePath: `content/articles/${overrides.id}.md`,
    digest: '',
    title: `Headline of ${overrides.id}`,
    dek: 'A standfirst.',
    publishedAt: minutes(-60),
    lang: 'en',
    featured: false,
    priority: 0,
    draft: false,
    tags: [],
    section: 'world',
    authors: ['jane'],
    previousUrls: [],
    corrections: [],
    updatedAt: undefined,
    hero: undefined,
    translationOf: undefined,
    kind: 'news',
    updates: [],
    coverageEndedAt: undefined,
    ...fields,
  };
  return { ...record, digest: fields.digest ?? JSON.stringify([record, body]) };
}

function makeAuthor(id: string): AuthorRecord {
  return {
    id,
    filePath: `content/authors/${id}.yaml`,
    name: id,
    role: { en: 'Reporter', es: 'Reportero' },
    bio: { en: 'Bio.' },
    avatar: undefined,
    links: [],
  };
}

function makeSection(id: string, order: number, path?: SectionRecord['path']): SectionRecord {
  return {
    id,
    filePath: `content/sections/${id}.yaml`,
    name: { es: `${id} (es)`, en: `${id} (en)` },
    path,
    order,
  };
}

const defaultSections = [makeSection('world', 1, { es: 'mundo' }), makeSection('us', 0)];

function catalogueOf(
  articles: ArticleRecord[],
  options: {
    sections?: SectionRecord[];
    authors?: AuthorRecord[];
    settings?: Partial<CatalogueSettings>;
  } = {},
) {
  return createCatalogue({
    articles,
    authors: options.authors ?? [makeAuthor('jane'), makeAuthor('luis')],
    sections: options.sections ?? defaultSections,
    settings: { langs: ['es', 'en'], pageSize: 2, now, ...options.settings },
  });
}

const ids = (list: readonly { id: string }[]) => list.map((a) => a.id);

describe('what is published', () => {
  it.each([
    ['a story published a minute ago', { publishedAt: minutes(-1) }, true],
    ['a story published at the very moment of the build', { publishedAt: now }, true],
    ['a story embargoed until a minute after the build', { publishedAt: minutes(1) }, false],
    [
      'a draft from last year',
      { draft: true, publishedAt: new Date('2025-01-01T00:00:00Z') },
      false,
    ],
  ])('%s: %s', (_name, overrides, shown) => {
    const catalogue = catalogueOf([makeArticle({ id: '2026/a', ...overrides })]);
    expect(ids(catalogue.published())).toEqual(shown ? ['2026/a'] : []);
    expect(catalogue.monthListings.flatMap((l) => ids(l.articles))).toEqual(
      shown ? ['2026/a'] : [],
    );
    expect(catalogue.drawnCards).toHaveLength(shown ? 1 : 0);
  });

  it('orders newest first, and stories published at the same minute by id', () => {
    const catalogue = catalogueOf([
      makeArticle({ id: '2026/b', publishedAt: minutes(-10) }),
      makeArticle({ id: '2026/old', publishedAt: minutes(-100) }),
      makeArticle({ id: '2026/a', publishedAt: minutes(-10) }),
      makeArticle({ id: '2026/new', publishedAt: minutes(-1) }),
    ]);
    expect(ids(catalogue.published())).toEqual(['2026/new', '2026/a', '2026/b', '2026/old']);
  });

  it('keeps each edition to its own stories', () => {
    const catalogue = catalogueOf([
      makeArticle({ id: '2026/en' }),
      makeArticle({ id: '2026/es', lang: 'es' }),
    ]);
    expect(ids(catalogue.published('es'))).toEqual(['2026/es']);
    expect(ids(catalogue.published('en'))).toEqual(['2026/en']);
  });

  it('dates the URL by first publication in the newsroom time zone', () => {
    // 23:30 in Chicago on the 27th is already the 28th in UTC.
    const catalogue = catalogueOf([
      makeArticle({ id: '2026/late', publishedAt: new Date('2026-11-27T23:30:00-06:00') }),
    ]);
    expect(catalogue.published()[0]?.path).toBe('/en/2026/11/27/late/');
  });
});

describe('listings', () => {
  const five = Array.from({ length: 5 }, (_, i) =>
    makeArticle({ id: `2026/s${i}`, publishedAt: minutes(-10 * (i + 1)), tags: ['Texas'] }),
  );

  it.each([
    [4, 2],
    [5, 3],
    [1, 1],
  ])('cuts %i stories into %i pages of two, newest on page 1', (count, pages) => {
    const catalogue = catalogueOf(five.slice(0, count));
    const world = catalogue.sectionListings.find((l) => l.lang === 'en');
    expect(world?.pages.map((p) => p.number)).toEqual(
      Array.from({ length: pages }, (_, i) => i + 1),
    );
    expect(ids(world?.pages[0]?.items ?? [])).toEqual(ids(five.slice(0, Math.min(2, count))));
    expect(world?.pages.at(-1)?.nextPath).toBeUndefined();
  });

  it('gives a section a page in an edition only when it has stories there', () => {
    const catalogue = catalogueOf([makeArticle({ id: '2026/a', section: 'us' })]);
    expect(catalogue.editionSections('en').map((s) => s.id)).toEqual(['us']);
    expect(catalogue.editionSections('es')).toEqual([]);
    expect(catalogue.sectionListings.map((l) => l.path)).toEqual(['/en/us/']);
    expect(catalogue.sections.map((s) => s.id)).toEqual(['us', 'world']);
  });

  it('uses the section path of each edition', () => {
    const catalogue = catalogueOf([
      makeArticle({ id: '2026/a', lang: 'es' }),
      makeArticle({ id: '2026/b' }),
    ]);
    expect(catalogue.sectionListings.map((l) => l.path)).toEqual(['/es/mundo/', '/en/world/']);
  });

  it('lists each author and co-author once per story', () => {
    const catalogue = catalogueOf([
      makeArticle({ id: '2026/a', authors: ['jane', 'luis'] }),
      makeArticle({ id: '2026/b', authors: ['luis', 'luis'], publishedAt: minutes(-120) }),
    ]);
    expect(catalogue.authorListings.map((l) => [l.path, ids(l.articles)])).toEqual([
      ['/en/author/jane/', ['2026/a']],
      ['/en/author/luis/', ['2026/a', '2026/b']],
    ]);
  });

  it('merges tags that differ only in case, accents or spacing, shown as their newest use', () => {
    const catalogue = catalogueOf([
      makeArticle({ id: '2026/a', tags: ['Corea del Norte'], publishedAt: minutes(-1) }),
      makeArticle({ id: '2026/b', tags: ['corea-del-norte'], publishedAt: minutes(-2) }),
      makeArticle({ id: '2026/c', tags: ['Coréa del norte'], publishedAt: minutes(-3) }),
    ]);
    expect(catalogue.tagListings.map((l) => [l.subject, ids(l.articles)])).toEqual([
      ['Corea del Norte', ['2026/a', '2026/b', '2026/c']],
    ]);
    expect(catalogue.tagIndex('en')).toEqual([
      { name: 'Corea del Norte', path: '/en/tag/corea-del-norte/', count: 3 },
    ]);
  });

  it('groups the archive by month in the newsroom time zone, newest month first', () => {
    const catalogue = catalogueOf([
      makeArticle({ id: '2026/nov', publishedAt: new Date('2026-11-01T00:30:00-05:00') }),
      makeArticle({ id: '2026/oct', publishedAt: new Date('2026-10-31T23:30:00-05:00') }),
      makeArticle({ id: '2025/dec', publishedAt: new Date('2025-12-15T10:00:00-06:00') }),
    ]);
    expect(catalogue.monthListings.map((l) => l.path)).toEqual([
      '/en/2026/11/',
      '/en/2026/10/',
      '/en/2025/12/',
    ]);
    expect(catalogue.archiveYears('en')).toEqual([
      {
        year: '2026',
        path: '/en/2026/',
        months: [
          { month: '11', path: '/en/2026/11/', count: 1 },
          { month: '10', path: '/en/2026/10/', count: 1 },
        ],
      },
      {
        year: '2025',
        path: '/en/2025/',
        months: [{ month: '12', path: '/en/2025/12/', count: 1 }],
      },
    ]);
  });
});

describe('front page', () => {
  it('leads with the newest featured story, the next beside it (it has no photo), then section rails', () => {
    const catalogue = catalogueOf([
      makeArticle({ id: '2026/newest', publishedAt: minutes(-1) }),
      makeArticle({ id: '2026/featured', publishedAt: minutes(-50), featured: true }),
      makeArticle({ id: '2026/us', publishedAt: minutes(-60), section: 'us' }),
    ]);
    const front = catalogue.frontPage('en');
    expect(front.lead?.id).toBe('2026/featured');
    expect(ids(front.beside)).toEqual(['2026/newest', '2026/us']);
    expect(front.latest).toEqual([]);
    expect(front.rails).toEqual([]);
  });
});

describe('article context', () => {
  it('relates stories by shared tags first, newest first among equals', () => {
    const catalogue = catalogueOf([
      makeArticle({ id: '2026/subject', tags: ['Texas', 'Border'], publishedAt: minutes(-1) }),
      makeArticle({ id: '2026/one-tag-new', tags: ['Texas'], publishedAt: minutes(-2) }),
      makeArticle({ id: '2026/one-tag-old', tags: ['Texas'], publishedAt: minutes(-300) }),
      makeArticle({ id: '2026/two-tags', tags: ['border', 'texas'], publishedAt: minutes(-400) }),
      makeArticle({ id: '2026/unrelated', section: 'us', publishedAt: minutes(-3) }),
    ]);
    const subject = catalogue.published().find((a) => a.id === '2026/subject');
    if (!subject) throw new Error('subject not published');
    const context = catalogue.articleContext(subject);
    expect(ids(context.related).slice(0, 3)).toEqual([
      '2026/two-tags',
      '2026/one-tag-new',
      '2026/one-tag-old',
    ]);
    expect(context.newer).toBeUndefined();
    expect(context.older?.id).toBe('2026/one-tag-new');
  });
});

describe('translations', () => {
  it('links published translations both ways, in edition order', () => {
    const catalogue = catalogueOf([
      makeArticle({ id: '2026/treaty' }),
      makeArticle({ id: '2026/tratado', lang: 'es', translationOf: '2026/treaty' }),
    ]);
    const [es] = catalogue.published('es');
    const [en] = catalogue.published('en');
    expect(es?.translations).toEqual([
      { lang: 'en', path: en?.path, title: 'Headline of 2026/treaty' },
    ]);
    expect(en?.translations.map((t) => t.lang)).toEqual(['es']);
  });

  it('shows no link to a translation that is still embargoed', () => {
    const catalogue = catalogueOf([
      makeArticle({ id: '2026/treaty' }),
      makeArticle({
        id: '2026/tratado',
        lang: 'es',
        translationOf: '2026/treaty',
        publishedAt: minutes(5),
      }),
    ]);
    expect(catalogue.published('en')[0]?.translations).toEqual([]);
  });
});

describe('google news and share cards', () => {
  it.each([
    [47 * 60, true],
    [0, true],
    [48 * 60, false],
    [49 * 60, false],
  ])('a story %i minutes old is in the news sitemap: %s', (age, listed) => {
    const catalogue = catalogueOf([makeArticle({ id: '2026/a', publishedAt: minutes(-age) })]);
    expect(catalogue.newsSitemap).toHaveLength(listed ? 1 : 0);
  });

  it('keeps at most 1,000 stories in the news sitemap, the newest', () => {
    const many = Array.from({ length: 1200 }, (_, i) =>
      makeArticle({ id: `2026/s${String(i).padStart(4, '0')}`, publishedAt: minutes(-i) }),
    );
    const { newsSitemap } = catalogueOf(many);
    expect(newsSitemap).toHaveLength(1000);
    expect(newsSitemap[0]?.id).toBe('2026/s0000');
    expect(newsSitemap.at(-1)?.id).toBe('2026/s0999');
  });
});

describe('cache keys', () => {
  const build = (relatedTitle: string, subjectBody = 'b1') => {
    const catalogue = catalogueOf([
      makeArticle({ id: '2026/subject', tags: ['Texas'], body: subjectBody }),
      makeArticle({ id: '2026/other', tags: ['Texas'], title: relatedTitle }),
    ]);
    const subject = catalogue.published().find((a) => a.id === '2026/subject');
    if (!subject) throw new Error('subject not published');
    return catalogue.cacheKeys.articlePage(subject, catalogue.articleContext(subject));
  };

  it('change when a related story is retitled or the body changes, and only then', () => {
    expect(build('Same')).toBe(build('Same'));
    expect(build('Retitled')).not.toBe(build('Same'));
    expect(build('Same', 'b2')).not.toBe(build('Same'));
  });

  it('key a list of stories (a year of search records) by each story and their order', () => {
    const keyOf = (title: string, body = 'b1', reversed = false) => {
      const catalogue = catalogueOf([
        makeArticle({ id: '2026/a', title, body }),
        makeArticle({ id: '2026/b', title: 'Other' }),
      ]);
      const list = catalogue.published();
      return catalogue.cacheKeys.stories(reversed ? [...list].reverse() : list);
    };
    expect(keyOf('Same')).toBe(keyOf('Same'));
    expect(keyOf('Retitled')).not.toBe(keyOf('Same'));
    expect(keyOf('Same', 'b2')).not.toBe(keyOf('Same'));
    expect(keyOf('Same', 'b1', true)).not.toBe(keyOf('Same'));
  });

  /** A story whose own file stays the same, and what it shows beyond that file. */
  const treaty = ({
    translationTitle = 'El tratado',
    sectionName = 'World',
    bio = 'Reporter in Austin.',
    credit = 'AFP',
    file = 'same-file',
    author = 'jane',
  } = {}) => {
    const catalogue = catalogueOf(
      [
        makeArticle({
          id: '2026/treaty',
          digest: file,
          authors: [author],
          hero: {
            image: { src: '/_astro/river.jpg', width: 1600, height: 900, format: 'jpg' },
            alt: 'A river',
            credit,
          },
        }),
        makeArticle({
          id: '2026/tratado',
          lang: 'es',
          translationOf: '2026/treaty',
          title: translationTitle,
        }),
      ],
      {
        sections: [
          { ...makeSection('world', 1, { es: 'mundo' }), name: { es: 'Mundo', en: sectionName } },
        ],
        authors: [{ ...makeAuthor('jane'), bio: { en: bio } }, makeAuthor('joe')],
      },
    );
    const subject = catalogue.published().find((a) => a.id === '2026/treaty');
    if (!subject) throw new Error('subject not published');
    return { keys: catalogue.cacheKeys, subject };
  };

  it('follow what a story shows beyond its own file: translations, section, authors, photo', () => {
    const keyOf = (changes: Parameters<typeof treaty>[0] = {}) => {
      const { keys, subject } = treaty(changes);
      return keys.stories([subject]);
    };
    expect(keyOf()).toBe(keyOf());
    expect(keyOf({ translationTitle: 'El tratado, firmado' })).not.toBe(keyOf());
    expect(keyOf({ sectionName: 'The world' })).not.toBe(keyOf());
    expect(keyOf({ bio: 'Reporter in Houston.' })).not.toBe(keyOf());
    expect(keyOf({ credit: 'Reuters' })).not.toBe(keyOf());
  });

  it('key search records by what a record holds: not a translation’s headline, a biography or a photo credit', () => {
    const keyOf = (changes: Parameters<typeof treaty>[0] = {}) => {
      const { keys, subject } = treaty(changes);
      return keys.searchRecords([subject]);
    };
    // A record shows none of these: its bundle is not indexed again for them.
    expect(keyOf({ translationTitle: 'El tratado, firmado' })).toBe(keyOf());
    expect(keyOf({ bio: 'Reporter in Houston.' })).toBe(keyOf());
    expect(keyOf({ credit: 'Reuters' })).toBe(keyOf());
    // A record shows these: the story's file, its section's name, its authors.
    expect(keyOf({ file: 'edited-file' })).not.toBe(keyOf());
    expect(keyOf({ sectionName: 'The world' })).not.toBe(keyOf());
    expect(keyOf({ author: 'joe' })).not.toBe(keyOf());
  });

  it('give each story’s search inputs alone, the same in a catalogue of that story alone', () => {
    const storiesWith = (body: string) => [
      makeArticle({ id: '2026/a', publishedAt: minutes(-30) }),
      makeArticle({ id: '2026/b', publishedAt: minutes(-20), authors: ['luis'], body }),
      makeArticle({ id: '2026/c', publishedAt: minutes(-10) }),
    ];
    const stories = storiesWith('A body.');
    const inputsOf = (records: ArticleRecord[]) => {
      const catalogue = catalogueOf(records);
      return catalogue.cacheKeys.searchInputs(catalogue.published('en'));
    };
    const before = inputsOf(stories);
    expect(before.stories.map(([url]) => url)).toEqual(
      catalogueOf(stories)
        .published('en')
        .map((a) => a.path),
    );
    // One story edited: its digest changes, and nothing else.
    const edited = inputsOf(storiesWith('Edited.'));
    expect(edited.shared).toBe(before.shared);
    expect(edited.stories.map(([, d], i) => d === before.stories[i]?.[1])).toEqual([
      true,
      false,
      true,
    ]);
    // The search index guesses a record from a catalogue of the story alone.
    const alone = inputsOf([stories[1] as ArticleRecord]);
    expect(alone.stories).toEqual([before.stories[1]]);
  });

  it('change on every page when what every page shows changes (a footer link retitled)', () => {
    const keysWith = (shared: unknown) => {
      const catalogue = catalogueOf([makeArticle({ id: '2026/a', tags: ['Texas'] })], {
        settings: { shared },
      });
      const [article] = catalogue.published();
      if (!article) throw new Error('nothing published');
      const [listing] = catalogue.tagListings;
      if (!listing?.pages[0]) throw new Error('no tag listing');
      return [
        catalogue.cacheKeys.articlePage(article, catalogue.articleContext(article)),
        catalogue.cacheKeys.listingPage(listing, listing.pages[0]),
      ];
    };
    const before = keysWith([['en/about', 'About us']]);
    const after = keysWith([['en/about', 'About Voz']]);
    expect(keysWith([['en/about', 'About us']])).toEqual(before);
    expect(after[0]).not.toBe(before[0]);
    expect(after[1]).not.toBe(before[1]);
  });
});

describe('problems that stop the build', () => {
  it('names every unknown author and section with file and field', () => {
    expect(() =>
      catalogueOf([
        makeArticle({ id: '2026/a', authors: ['jane', 'ghost'] }),
        makeArticle({ id: '2026/b', section: 'sport' }),
      ]),
    ).toThrow(
      /content\/articles\/2026\/a\.md: authors\[1\]: unknown author "ghost".*\n.*content\/articles\/2026\/b\.md: section: unknown section "sport"/,
    );
  });

  it('checks the references of drafts too', () => {
    expect(() => catalogueOf([makeArticle({ id: '2026/a', draft: true, authors: ['x'] })])).toThrow(
      'authors[0]: unknown author "x"',
    );
  });

  it.each([
    ['an edition front page', '/en/'],
    ['a section page', '/en/world/'],
    ['a tag page', '/en/tag/texas/'],
    ['an author page', '/en/author/jane/'],
    ['a month of the archive', '/en/2026/11/'],
    ['a year of the archive', '/en/2026/'],
    ['the archive', '/en/archive/'],
    ['a later page of a listing', '/en/world/page/2/'],
    ['another published article', '/en/2026/11/28/b/'],
  ])('refuses a redirect that would take over %s', (_name, from) => {
    const articles = [
      makeArticle({ id: '2026/a', tags: ['Texas'], previousUrls: [from] }),
      makeArticle({ id: '2026/b', publishedAt: minutes(-2) }),
      makeArticle({ id: '2026/c', publishedAt: minutes(-3) }),
    ];
    expect(() => catalogueOf(articles)).toThrow(
      `content/articles/2026/a.md: previousUrls[0]: a redirect would be at ${from}`,
    );
  });

  it('accepts a redirect from an address no page uses', () => {
    const catalogue = catalogueOf([
      makeArticle({ id: '2026/a', previousUrls: ['/en/2026/11/27/old-slug/'] }),
    ]);
    expect(catalogue.redirects).toEqual([
      { from: '/en/2026/11/27/old-slug/', to: '/en/2026/11/28/a/' },
    ]);
  });

  it('refuses two sections at one URL, even one with no stories yet', () => {
    expect(() =>
      catalogueOf([], {
        sections: [...defaultSections, makeSection('globe', 2, { es: 'mundo' })],
      }),
    ).toThrow('content/sections/globe.yaml: path.es: section "globe" would be at /es/mundo/');
  });

  it.each([['tag'], ['author'], ['archive'], ['2024'], ['rss.xml']])(
    'refuses a section path that other pages use: %s',
    (path) => {
      expect(() => catalogueOf([], { sections: [makeSection('x', 1, { en: path })] })).toThrow(
        `content/sections/x.yaml: path.en: "${path}" is taken by other pages`,
      );
    },
  );

  it('refuses two articles at one URL', () => {
    expect(() =>
      catalogueOf([makeArticle({ id: '2026/a' }), makeArticle({ id: '2025/a' })]),
    ).toThrow(
      'content/articles/2026/a.md: slug: an article would be at /en/2026/11/28/a/, the same URL as an article (content/articles/2025/a.md: slug)',
    );
  });

  it('refuses two different tags that would share one tag page, naming both', () => {
    expect(() =>
      catalogueOf([
        makeArticle({ id: '2026/a', tags: ['Tax (2026)'] }),
        makeArticle({ id: '2026/b', tags: ['Texas', 'Tax 2026'] }),
      ]),
    ).toThrow(
      'content/articles/2026/b.md: tags[1]: tag "Tax 2026" would be at /en/tag/tax-2026/, the same URL as tag "Tax (2026)" (content/articles/2026/a.md: tags[0])',
    );
  });
});

describe('looseTag', () => {
  it.each([
    ['Corea del Norte', 'corea-del-norte', true],
    ['EE.UU.', 'EE UU', true],
    ['Ucranía', 'ucrania', true],
    ['C++', 'C', false],
    ['Tax (2026)', 'Tax 2026', false],
  ])('"%s" and "%s" are the same tag: %s', (a, b, same) => {
    expect(looseTag(a) === looseTag(b)).toBe(same);
  });
});

describe('live coverage and corrections', () => {
  const live = makeArticle({
    id: '2026/live',
    kind: 'live',
    publishedAt: minutes(-300),
    updates: [
      { date: minutes(-200), author: undefined, html: '<p>first</p>' },
      { date: minutes(-20), author: 'luis', html: '<p>third</p>' },
      { date: minutes(-100), author: 'jane', html: '<p>second</p>' },
    ],
  });

  it('shows live updates newest first, each with its author and an anchor of its own', () => {
    const [article] = catalogueOf([live]).published();
    expect(article?.updates.map((u) => u.html)).toEqual([
      '<p>third</p>',
      '<p>second</p>',
      '<p>first</p>',
    ]);
    expect(article?.updates.map((u) => u.author?.id)).toEqual(['luis', 'jane', undefined]);
    expect(new Set(article?.updates.map((u) => u.anchor)).size).toBe(3);
  });

  it('dates a live story by its latest update', () => {
    expect(catalogueOf([live]).published()[0]?.modifiedAt).toEqual(minutes(-20));
  });

  it('refuses an update signed by an author with no file', () => {
    const unsigned = makeArticle({
      id: '2026/live',
      kind: 'live',
      updates: [{ date: minutes(-5), author: 'nobody', html: '<p>x</p>' }],
    });
    expect(() => catalogueOf([unsigned])).toThrow(
      'content/articles/2026/live.md: updates[0].author: unknown author "nobody"',
    );
  });

  it("lists an edition's corrections newest first, leaving out other editions and drafts", () => {
    const corrected = (id: string, lang: 'es' | 'en', dates: number[], draft = false) =>
      makeArticle({
        id,
        lang,
        draft,
        publishedAt: minutes(-1000),
        corrections: dates.map((m) => ({ date: minutes(m), text: `${id} at ${m}` })),
      });
    const catalogue = catalogueOf([
      corrected('2026/a', 'en', [-500, -100]),
      corrected('2026/b', 'en', [-300]),
      corrected('2026/c', 'es', [-50]),
      corrected('2026/d', 'en', [-10], true),
    ]);
    expect(catalogue.corrections('en').map((c) => [c.article.id, c.index, c.text])).toEqual([
      ['2026/a', 1, '2026/a at -100'],
      ['2026/b', 0, '2026/b at -300'],
      ['2026/a', 0, '2026/a at -500'],
    ]);
    expect(catalogue.corrections('es').map((c) => c.text)).toEqual(['2026/c at -50']);
  });

  it('refuses a section whose path is the corrections page', () => {
    expect(() =>
      catalogueOf([makeArticle({ id: '2026/a', lang: 'es' })], {
        sections: [makeSection('world', 1, { es: 'correcciones' })],
      }),
    ).toThrow('content/sections/world.yaml: path.es');
  });
});

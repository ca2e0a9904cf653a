import { describe, expect, it } from 'vitest';
import { createCatalogue } from './catalogue';
import { articleRecord, authorRecord, sectionRecord } from './catalogue-input';
import { plainText, searchRecord, storiesByBundle } from './search';
import {
  earlyIndexPays,
  editedStories,
  inputsWithEdits,
  recordCount,
  recordsWithEdits,
  speculativeBundles,
  type EditedStory,
  type StoredEntry,
} from './speculative-records';

const now = new Date('2026-11-28T12:00:00-06:00');
const settings = { langs: ['es', 'en'] as const, pageSize: 12, now };

/** A story as the content layer's store holds it (the collection's schema already applied). */
function story(
  id: string,
  fields: {
    title?: string;
    publishedAt?: string | undefined;
    lang?: 'es' | 'en';
    draft?: boolean;
    body?: string;
  } = {},
): StoredEntry<'articles'> {
  const data = {
    title: fields.title ?? `Titular de ${id}`,
    dek: 'Una entradilla.',
    publishedAt: new Date(fields.publishedAt ?? '2025-03-10T09:00:00-06:00'),
    updatedAt: undefined,
    lang: fields.lang ?? 'es',
    featured: false,
    priority: 0,
    draft: fields.draft ?? false,
    tags: ['Texas', 'Austin'],
    section: { id: 'world', collection: 'sections' },
    authors: [{ id: 'jane', collection: 'authors' }],
    hero: undefined,
    translationOf: undefined,
    previousUrls: [],
    corrections: [],
    kind: 'news',
    updates: [],
    coverageEndedAt: undefined,
  };
  const body = fields.body ?? `<p>El cuerpo de ${id}.</p>`;
  const digest = JSON.stringify([data, body]);
  bodies.set(digest, body);
  return {
    id,
    filePath: `content/articles/${id}.md`,
    digest,
    data,
  } as unknown as StoredEntry<'articles'>;
}

const authors = [
  {
    id: 'jane',
    filePath: 'content/authors/jane.yaml',
    data: {
      name: 'Jane Roe',
      role: { en: 'Reporter', es: 'Reportera' },
      bio: { en: 'Bio.' },
      avatar: undefined,
      links: [],
    },
  },
] as unknown as StoredEntry<'authors'>[];

const sections = [
  {
    id: 'world',
    filePath: 'content/sections/world.yaml',
    data: { name: { es: 'Mundo', en: 'World' }, path: { es: 'mundo' }, order: 1 },
  },
] as unknown as StoredEntry<'sections'>[];

/** Bodies by story, as the body files hold them (the latest story made with an id wins). */
const bodies = new Map<string, string>();
const body = (entry: StoredEntry<'articles'>) => bodies.get(entry.digest as string) ?? '';

/** The whole catalogue, as the routes make it. */
const routeCatalogue = (entries: StoredEntry<'articles'>[]) =>
  createCatalogue({
    articles: entries.map(articleRecord),
    authors: authors.map(authorRecord),
    sections: sections.map(sectionRecord),
    settings,
  });

/** Each bundle's records file of an edition, as the records route writes it from the whole catalogue. */
function routeFiles(entries: StoredEntry<'articles'>[], lang: 'es' | 'en'): Map<string, Buffer> {
  const catalogue = routeCatalogue(entries);
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  return new Map(
    storiesByBundle(catalogue.published(lang), now).map(([bundle, list]) => [
      bundle,
      Buffer.from(
        JSON.stringify(
          list.map((article) => {
            const entry = byId.get(article.id);
            return searchRecord(article, plainText(entry ? body(entry) : ''), bundle);
          }),
        ),
      ),
    ]),
  );
}

/** Each bundle's inputs file of an edition, as the search inputs route writes it. */
function routeInputs(entries: StoredEntry<'articles'>[], lang: 'es' | 'en'): Map<string, string> {
  const catalogue = routeCatalogue(entries);
  return new Map(
    storiesByBundle(catalogue.published(lang), now).map(([bundle, list]) => [
      bundle,
      JSON.stringify(catalogue.cacheKeys.searchInputs(list)),
    ]),
  );
}

/** What the search index guesses for `edited`, from the files of `before` (records and inputs). */
function guesses(
  before: Map<string, Buffer>,
  edited: StoredEntry<'articles'>[],
  inputs: Map<string, string> = new Map(),
) {
  const stories = editedStories({ articles: edited, authors, sections, settings, body });
  return speculativeBundles(
    stories,
    () => [...before.keys()],
    (_, bundle) => before.get(bundle),
    (_, bundle) => inputs.get(bundle),
  );
}

const archive = [
  story('2025/primera', { publishedAt: '2025-01-05T09:00:00-06:00' }),
  story('2025/segunda', { publishedAt: '2025-02-05T09:00:00-06:00' }),
  story('2025/tercera', { publishedAt: '2025-03-05T09:00:00-06:00' }),
  story('2025/cuarta', { publishedAt: '2025-04-05T09:00:00-06:00' }),
  story('2026/reciente', { publishedAt: '2026-11-20T09:00:00-06:00' }),
  story('2025/english', { publishedAt: '2025-02-07T09:00:00-06:00', lang: 'en' }),
];

describe('search records guessed before the pages are bundled', () => {
  for (const [place, id] of [
    ['first', '2025/cuarta'],
    ['in the middle', '2025/segunda'],
    ['last', '2025/primera'],
  ] as const) {
    it(`are the bytes the route writes when a story ${place} in its bundle is edited`, () => {
      const before = routeFiles(archive, 'es');
      const edited = story(id, {
        publishedAt: archive.find((entry) => entry.id === id)?.data.publishedAt.toISOString(),
        title: 'Un titular "corregido"',
        body: '<p>El cuerpo, con una corrección y un texto raro: "},{"url":"/x/"}.</p>',
      });
      const after = archive.map((entry) => (entry.id === id ? edited : entry));
      const guessed = guesses(before, [edited], routeInputs(archive, 'es'));
      expect(guessed.map((guess) => [guess.lang, guess.bundle])).toEqual([['es', '2025']]);
      expect(guessed[0]?.bytes.toString()).toBe(routeFiles(after, 'es').get('2025')?.toString());
      // The inputs the route makes now confirm the guess without its records.
      expect(guessed[0]?.inputs).toBe(routeInputs(after, 'es').get('2025'));
    });
  }

  it('are not confirmed by the inputs when the bundle changed beyond the edited story', () => {
    // Moved past another story of its day: same URL and bundle, another order.
    const sameDay = [...archive, story('2025/otra', { publishedAt: '2025-02-05T10:00:00-06:00' })];
    const moved = story('2025/segunda', { publishedAt: '2025-02-05T11:00:00-06:00', title: 'X' });
    const after = sameDay.map((entry) => (entry.id === moved.id ? moved : entry));
    const [guess] = guesses(routeFiles(sameDay, 'es'), [moved], routeInputs(sameDay, 'es'));
    expect(guess?.inputs).toBeDefined();
    expect(guess?.inputs).not.toBe(routeInputs(after, 'es').get('2025'));
    const inputs = routeInputs(archive, 'es');
    // Another story of the bundle changed too, and only one was guessed.
    const edited = story('2025/tercera', { publishedAt: '2025-03-05T09:00:00-06:00', title: 'Y' });
    const other = story('2025/primera', { publishedAt: '2025-01-05T09:00:00-06:00', title: 'Z' });
    const both = archive.map((e) => (e.id === edited.id ? edited : e.id === other.id ? other : e));
    const [one] = guesses(routeFiles(archive, 'es'), [edited], inputs);
    expect(one?.inputs).not.toBe(routeInputs(both, 'es').get('2025'));
  });

  it('leave the inputs unknown when the kept inputs file is missing or not one', () => {
    const edited = story('2025/tercera', { publishedAt: '2025-03-05T09:00:00-06:00', title: 'Y' });
    const [missing] = guesses(routeFiles(archive, 'es'), [edited]);
    expect(missing?.inputs).toBeUndefined();
    const [broken] = guesses(routeFiles(archive, 'es'), [edited], new Map([['2025', '{"x":1']]));
    expect(broken?.inputs).toBeUndefined();
    const stories = editedStories({ articles: [edited], authors, sections, settings, body });
    expect(inputsWithEdits('{"shared":"s","stories":[["/es/z/","d"]]}', stories)).toBeUndefined();
    expect(inputsWithEdits('{"shared":"s","stories":[["/es/z/",1]]}', stories)).toBeUndefined();
  });

  it('are made for every bundle and edition an edit touches, and for no other', () => {
    const before = new Map([...routeFiles(archive, 'es')].map(([k, v]) => [`es ${k}`, v]));
    const edits = [
      story('2025/tercera', { publishedAt: '2025-03-05T09:00:00-06:00', title: 'Otro' }),
      story('2026/reciente', { publishedAt: '2026-11-20T09:00:00-06:00', title: 'Nuevo' }),
      story('2025/english', { publishedAt: '2025-02-07T09:00:00-06:00', lang: 'en', title: 'New' }),
    ];
    const stories = editedStories({ articles: edits, authors, sections, settings, body });
    const found = speculativeBundles(
      stories,
      (lang) => [...routeFiles(archive, lang).keys()],
      (lang, bundle) =>
        lang === 'es' ? before.get(`es ${bundle}`) : routeFiles(archive, 'en').get(bundle),
    );
    expect(found.map((guess) => `${guess.lang} ${guess.bundle}`).sort()).toEqual([
      'en 2025',
      'es 2025',
      'es 2026-11',
    ]);
  });

  it('are not made for a story that is new, moved to another bundle, unpublished, or unchanged', () => {
    const before = routeFiles(archive, 'es');
    const cases = [
      story('2025/nueva', { publishedAt: '2025-05-05T09:00:00-06:00' }),
      story('2025/segunda', { publishedAt: '2026-11-21T09:00:00-06:00', title: 'Movida' }),
      story('2025/segunda', { publishedAt: '2025-02-05T09:00:00-06:00', draft: true }),
      story('2025/tercera', { publishedAt: '2025-03-05T09:00:00-06:00' }),
    ];
    for (const edited of cases) expect(guesses(before, [edited])).toEqual([]);
  });

  it('are not made when the story cannot be catalogued on its own', () => {
    const orphan = story('2025/segunda', { publishedAt: '2025-02-05T09:00:00-06:00', title: 'X' });
    (orphan.data as { section: { id: string } }).section = { id: 'nowhere' };
    expect(editedStories({ articles: [orphan], authors, sections, settings, body })).toEqual([]);
  });
});

describe('recordsWithEdits', () => {
  const record = (url: string, content: string) => ({
    url,
    content,
    language: 'es',
    meta: { title: content, dek: '', date: '', datetime: '', section: '' },
    filters: { section: ['world'], author: ['jane'], bundle: ['2025'] },
    sort: { date: '2025-01-01T00:00:00.000Z' },
  });
  const edit = (path: string, content: string): EditedStory => ({
    lang: 'es',
    path,
    year: '2025',
    record: () => record(path, content),
    inputs: [path, content],
  });
  const file = Buffer.from(
    JSON.stringify([
      record('/es/a/', 'uno'),
      record('/es/ab/', '{"url":"/es/a/",'),
      record('/es/c/', 'tres'),
    ]),
  );

  it('replaces the record of the URL given, and only it, whatever its neighbours hold', () => {
    const next = recordsWithEdits(file, '2025', [edit('/es/a/', 'nuevo')]);
    expect(JSON.parse(String(next))).toEqual([
      record('/es/a/', 'nuevo'),
      record('/es/ab/', '{"url":"/es/a/",'),
      record('/es/c/', 'tres'),
    ]);
    const last = recordsWithEdits(file, '2025', [edit('/es/c/', 'otro')]);
    expect(JSON.parse(String(last)).at(-1)).toEqual(record('/es/c/', 'otro'));
  });

  it('gives nothing when the URL is not there or its record is the same', () => {
    expect(recordsWithEdits(file, '2025', [edit('/es/z/', 'x')])).toBeUndefined();
    expect(recordsWithEdits(file, '2025', [edit('/es/c/', 'tres')])).toBeUndefined();
  });
});

describe('earlyIndexPays', () => {
  it('starts a re-index early only when its bundle is large beside the archive', () => {
    // The bench's 10k edit: 1,013 Spanish stories of 2025 among 10,000.
    expect(earlyIndexPays(1_013, 10_000)).toBe(true);
    // Its 50k edit: a two-month part of 1,500 stories among 50,000.
    expect(earlyIndexPays(1_500, 50_000)).toBe(false);
    // A correction to a story of this month on a small site.
    expect(earlyIndexPays(30, 66)).toBe(true);
  });

  it('counts the records a records file holds', () => {
    const records = [1, 2, 3].map((n) => ({ url: `/es/${n}/`, content: '{"url":"inside"}' }));
    expect(recordCount(Buffer.from(JSON.stringify(records)))).toBe(3);
    expect(recordCount(Buffer.from('[]'))).toBe(0);
  });
});

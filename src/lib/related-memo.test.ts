import { describe, expect, it } from 'vitest';
import { createRelatedFinder } from './related';
import {
  relatedInputsDigest,
  rememberedRelatedFinder,
  type RelatedMemo,
  type RelatedStore,
} from './related-memo';

interface Story {
  id: string;
  publishedAt: Date;
  tags: string[];
  section: { id: string };
  title: string;
}

const story = (id: string, day: number, tags: string[], section = 'world'): Story => ({
  id,
  publishedAt: new Date(Date.UTC(2026, 10, day, 12)),
  tags,
  section: { id: section },
  title: `Headline of ${id}`,
});

const edition = (): Story[] => [
  story('treaty', 20, ['Korea', 'Russia']),
  story('summit', 19, ['Korea']),
  story('budget', 18, ['Congress'], 'politics'),
  story('vote', 17, ['Congress'], 'politics'),
  story('border', 16, ['Texas', 'Russia']),
  story('river', 15, [], 'science'),
];

/** A store in memory that counts its reads and writes. */
function memoryStore(initial: Record<string, unknown> = {}) {
  const files = new Map<string, unknown>(Object.entries(initial));
  let writes = 0;
  const store: RelatedStore = {
    read: (lang) => files.get(lang),
    write: (lang, memo) => {
      writes += 1;
      files.set(lang, JSON.parse(JSON.stringify(memo)));
    },
  };
  return { store, files, writes: () => writes };
}

const ids = (list: readonly { id: string }[]) => list.map((s) => s.id);

describe('rememberedRelatedFinder', () => {
  it('finds what createRelatedFinder finds, and stores every story’s list', () => {
    const stories = edition();
    const { store, files, writes } = memoryStore();
    const find = rememberedRelatedFinder(stories, store, 'en');
    const plain = createRelatedFinder(stories);
    for (const s of stories) expect(ids(find(s))).toEqual(ids(plain(s)));
    expect(writes()).toBe(1);
    const memo = files.get('en') as RelatedMemo;
    // By position in the edition: treaty (0) → summit (1), border (4).
    expect(memo.related[0]).toEqual([1, 4]);
    expect(memo.related[5]).toEqual([]);
  });

  it('gives the stored lists when no story’s date, tags or section changed', () => {
    const first = memoryStore();
    rememberedRelatedFinder(edition(), first.store, 'en');
    // A later build: a story retitled and its body edited, nothing else.
    const stories = edition().map((s) => (s.id === 'summit' ? { ...s, title: 'New' } : s));
    const memo = first.files.get('en') as RelatedMemo;
    // What is stored is what is given: a list the finder would not make.
    const planted = memoryStore({ en: { ...memo, related: [...memo.related.slice(0, 5), [3]] } });
    const find = rememberedRelatedFinder(stories, planted.store, 'en');
    expect(planted.writes()).toBe(0);
    expect(ids(find(stories[5] as Story))).toEqual(['vote']);
    // Each id comes back as this build's story, not a copy of the old one.
    expect(find(stories[0] as Story)[0]).toBe(stories[1]);
  });

  it.each([
    [
      'a story is retagged',
      (s: Story[]) => s.map((x) => (x.id === 'river' ? { ...x, tags: ['Korea'] } : x)),
    ],
    [
      'a story moves section',
      (s: Story[]) => s.map((x) => (x.id === 'vote' ? { ...x, section: { id: 'world' } } : x)),
    ],
    [
      'a story is redated',
      (s: Story[]) => s.map((x) => (x.id === 'summit' ? { ...x, publishedAt: new Date(0) } : x)),
    ],
    ['a story is added', (s: Story[]) => [story('new', 21, ['Korea']), ...s]],
    ['a story is taken down', (s: Story[]) => s.filter((x) => x.id !== 'summit')],
  ])('finds the lists again when %s', (_, change) => {
    const { store, files, writes } = memoryStore();
    rememberedRelatedFinder(edition(), store, 'en');
    const stories = change(edition());
    const find = rememberedRelatedFinder(stories, store, 'en');
    expect(writes()).toBe(2);
    const plain = createRelatedFinder(stories);
    for (const s of stories) expect(ids(find(s))).toEqual(ids(plain(s)));
    expect((files.get('en') as RelatedMemo).digest).toBe(relatedInputsDigest(stories));
  });

  it('ignores what is not a memo for these stories, and another edition’s', () => {
    const stories = edition();
    const plain = createRelatedFinder(stories);
    const digest = relatedInputsDigest(stories);
    for (const stored of [
      undefined,
      null,
      'text',
      { digest: 'other', related: stories.map(() => []) },
      { digest, related: {} },
      { digest, related: [[1]] },
    ]) {
      const { store, writes } = memoryStore({ en: stored });
      const find = rememberedRelatedFinder(stories, store, 'en');
      expect(ids(find(stories[0] as Story))).toEqual(ids(plain(stories[0] as Story)));
      expect(writes()).toBe(1);
    }
    const { store } = memoryStore();
    rememberedRelatedFinder(stories, store, 'en');
    const spanish = memoryStore({ es: store.read('en') });
    rememberedRelatedFinder(stories.slice(1), spanish.store, 'es');
    expect(spanish.writes()).toBe(1);
  });

  it('finds a story’s list itself when the memo names a story the edition lacks', () => {
    const stories = edition();
    const digest = relatedInputsDigest(stories);
    const related = [[99], ['x'], null, [], [], []];
    const { store } = memoryStore({ en: { digest, related } });
    const find = rememberedRelatedFinder(stories, store, 'en');
    expect(ids(find(stories[0] as Story))).toEqual(['summit', 'border']);
  });

  it('finds the lists when they cannot be stored', () => {
    const stories = edition();
    const store: RelatedStore = {
      read: () => undefined,
      write: () => {
        throw new Error('ENOSPC: no space left on device');
      },
    };
    const find = rememberedRelatedFinder(stories, store, 'en');
    expect(ids(find(stories[0] as Story))).toEqual(['summit', 'border']);
  });

  it('is the plain finder without a store', () => {
    const stories = edition();
    const find = rememberedRelatedFinder(stories, undefined, 'en');
    expect(ids(find(stories[0] as Story))).toEqual(['summit', 'border']);
  });
});

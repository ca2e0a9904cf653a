import { describe, expect, it } from 'vitest';
import {
  createRelatedFinder,
  relatedArticles,
  relatedScore,
  sectionNeighbours,
  type Relatable,
} from './related';
import { byNewest } from './publishing';
import { looseTag } from './tag-identity';

let day = 0;
function makeArticle(id: string, section: string, tags: string[] = []): Relatable {
  day += 1;
  return { id, section: { id: section }, tags, publishedAt: new Date(Date.UTC(2026, 10, day)) };
}

describe('relatedScore', () => {
  const article = makeArticle('a', 'world', ['Russia', 'North Korea']);

  it.each([
    [
      'a story sharing two tags in another section',
      4,
      makeArticle('b', 'politics', ['russia', 'North Korea']),
    ],
    ['a story sharing one tag in the same section', 3, makeArticle('c', 'world', ['Russia'])],
    ['a story in the same section only', 1, makeArticle('d', 'world', ['Texas'])],
    ['an unrelated story', 0, makeArticle('e', 'culture', ['Film'])],
  ])('scores %s as %i', (_name, score, candidate) => {
    expect(relatedScore(article, candidate)).toBe(score);
  });
});

describe('relatedArticles', () => {
  const article = makeArticle('seed', 'world', ['Russia', 'Ukraine war']);
  const twoTags = makeArticle('two-tags', 'politics', ['Russia', 'Ukraine war']);
  const oneTagSameSection = makeArticle('one-tag-world', 'world', ['Russia']);
  const oneTag = makeArticle('one-tag', 'economy', ['Russia']);
  const sameSection = makeArticle('world-only', 'world');
  const unrelatedOld = makeArticle('unrelated-old', 'culture');
  const unrelatedNew = makeArticle('unrelated-new', 'culture');
  const all = [
    article,
    unrelatedOld,
    sameSection,
    oneTag,
    oneTagSameSection,
    twoTags,
    unrelatedNew,
  ];

  it('ranks by shared tags, then section, and stops at the maximum', () => {
    expect(relatedArticles(article, all).map((a) => a.id)).toEqual([
      'two-tags',
      'one-tag-world',
      'one-tag',
      'world-only',
    ]);
  });

  it('never lists the article itself', () => {
    expect(relatedArticles(article, all, { max: 10 }).map((a) => a.id)).not.toContain('seed');
  });

  it('lists nothing for a story that shares no tag and no section with any other', () => {
    const lonely = makeArticle('lonely', 'sports', ['Chess']);
    expect(relatedArticles(lonely, [lonely, unrelatedOld, unrelatedNew, sameSection])).toEqual([]);
  });

  it('lists fewer stories rather than unrelated ones', () => {
    expect(
      relatedArticles(article, [article, twoTags, unrelatedOld, unrelatedNew]).map((a) => a.id),
    ).toEqual(['two-tags']);
  });

  it('ranks a story sharing a topic above a newer one sharing only the section', () => {
    const older = makeArticle('older-topic', 'culture', ['Ukraine war']);
    const newer = makeArticle('newer-section', 'world');
    expect(relatedArticles(article, [newer, older]).map((a) => a.id)).toEqual([
      'older-topic',
      'newer-section',
    ]);
  });

  it('returns what there is in a tiny edition', () => {
    expect(relatedArticles(article, [article, twoTags])).toEqual([twoTags]);
  });
});

describe('sectionNeighbours', () => {
  const edition = [
    makeArticle('new', 'us'),
    makeArticle('other', 'world'),
    makeArticle('mid', 'us'),
    makeArticle('old', 'us'),
  ];
  const around = sectionNeighbours(edition);

  it.each([
    ['new', undefined, 'mid'],
    ['mid', 'new', 'old'],
    ['old', 'mid', undefined],
    ['other', undefined, undefined],
  ])('around %s: newer %s, older %s in the same section', (id, newer, older) => {
    expect([around.get(id)?.newer?.id, around.get(id)?.older?.id]).toEqual([newer, older]);
  });
});

describe('createRelatedFinder', () => {
  const pool = Array.from({ length: 40 }, (_, i) =>
    makeArticle(`a${i}`, ['world', 'us', 'culture'][i % 3] ?? 'us', [
      ['Russia', 'Texas', 'Film', 'Oil'][i % 4] ?? 'x',
      i % 5 === 0 ? 'Ukraine war' : 'misc',
    ]),
  );

  it('finds the same stories as comparing every pair', () => {
    const find = createRelatedFinder(pool);
    for (const article of pool) {
      expect(
        find(article).map((a) => a.id),
        article.id,
      ).toEqual(relatedArticles(article, pool).map((a) => a.id));
    }
  });

  it('finds the same stories for a copy of a story as for the story itself', () => {
    const find = createRelatedFinder(pool);
    for (const article of pool.slice(0, 5)) {
      expect(find({ ...article }).map((a) => a.id)).toEqual(find(article).map((a) => a.id));
      expect(find({ ...article })).not.toEqual([]);
    }
  });

  it('never returns the article itself, and gives a lonely story nothing', () => {
    const lonely = makeArticle('lonely', 'sports', ['Chess']);
    const find = createRelatedFinder([...pool, lonely]);
    expect(find(lonely)).toEqual([]);
    for (const article of pool) expect(find(article)).not.toContain(article);
  });

  it('ranks, in a large edition, the newest stories of each tag and section as a full comparison of them would', () => {
    // 600 stories, more than the 60 per tag and section the index keeps:
    // the candidates are those, and every shared tag counts, even one whose
    // newest 60 the candidate is not among.
    const tags = ['Texas', 'texas', 'Border', 'Oil', 'Film', 'Ukraine war', 'Elections'];
    const at = new Date('2026-11-20T10:00:00Z').getTime();
    const large = Array.from({ length: 600 }, (_, i) => ({
      id: `s${String(i).padStart(3, '0')}`,
      section: { id: ['us', 'world', 'culture', 'economy'][(i * 7) % 4] as string },
      tags: [0, 1, 2]
        .filter((k) => (i * (k + 3)) % 5 < 2)
        .map((k) => tags[(i + k * 3) % 7] as string),
      // Every third story shares its minute with the one before.
      publishedAt: new Date(
        at - Math.floor(i / 3) * 120_000 - (i % 3 === 2 ? 0 : (i % 3) * 60_000),
      ),
    }));
    const newest = [...large].sort(byNewest);
    const keyed = new Map<string, Relatable[]>();
    for (const story of newest) {
      const keys = [
        ...new Set(story.tags.map((t) => `tag:${looseTag(t)}`)),
        `section:${story.section.id}`,
      ];
      for (const key of keys) {
        const list = keyed.get(key) ?? [];
        keyed.set(key, list);
        if (list.length < 60) list.push(story);
      }
    }
    const find = createRelatedFinder(large);
    let listed = 0;
    for (const story of large) {
      const keys = [
        ...new Set(story.tags.map((t) => `tag:${looseTag(t)}`)),
        `section:${story.section.id}`,
      ];
      const candidates = new Set(keys.flatMap((key) => keyed.get(key) ?? []));
      const expected = relatedArticles(story, candidates).map((a) => a.id);
      expect(
        find(story).map((a) => a.id),
        story.id,
      ).toEqual(expected);
      listed += expected.length;
    }
    expect(listed).toBe(600 * 4);
  });

  it('breaks ties between stories of the same minute by id, as every listing does', () => {
    const at = new Date('2026-11-20T10:00:00Z');
    const same = ['b', 'a', 'c'].map((id) => ({ ...makeArticle(id, 'us'), publishedAt: at }));
    const reader = makeArticle('reader', 'us');
    expect(createRelatedFinder([...same, reader])(reader).map((a) => a.id)).toEqual([
      'a',
      'b',
      'c',
    ]);
  });
});

describe('relatedArticles keeps the order of a full sort', () => {
  // The list is chosen without sorting every candidate; it must be exactly
  // the first `max` of them sorted by score, then newest first, then id.
  it('on many random archives, for every list length', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const tags = ['Texas', 'border', 'election', 'oil', 'Mexico', 'storm'];
    const sections = ['us', 'world', 'economy'];
    for (let round = 0; round < 200; round += 1) {
      const stories: Relatable[] = Array.from({ length: 40 }, (_, i) => ({
        id: `s${i}`,
        section: { id: sections[Math.floor(random() * sections.length)] ?? 'us' },
        tags: tags.filter(() => random() < 0.3),
        // Few distinct dates, so ties fall to the id.
        publishedAt: new Date(Date.UTC(2026, 10, 1 + Math.floor(random() * 5))),
      }));
      const article = stories[0] as Relatable;
      for (const max of [0, 1, 4, 10]) {
        const expected = stories
          .filter((c) => c.id !== article.id && relatedScore(article, c) > 0)
          .sort(
            (a, b) =>
              relatedScore(article, b) - relatedScore(article, a) ||
              b.publishedAt.getTime() - a.publishedAt.getTime() ||
              a.id.localeCompare(b.id),
          )
          .slice(0, max)
          .map((s) => s.id);
        expect(relatedArticles(article, stories, { max }).map((s) => s.id)).toEqual(expected);
      }
    }
  });
});

describe('related stories of a world story in a Texas-heavy edition', () => {
  // The 2026 issue: the North Korea–Russia treaty was followed by the Texas
  // legislature and a telecom outage, which share nothing with it.
  const treaty = makeArticle('north-korea-russia-treaty', 'world', [
    'North Korea',
    'Russia',
    'Ukraine war',
  ]);
  const legislature = makeArticle('texas-lawmakers-prefile-bills', 'politics', [
    'Texas Legislature',
  ]);
  const outage = makeArticle('bluebonnet-telecom-outage', 'economy', ['911', 'Texas']);
  const film = makeArticle('houston-latino-film-festival', 'culture', ['Houston', 'film']);

  it('lists no story that shares neither a topic nor the section', () => {
    const find = createRelatedFinder([treaty, legislature, outage, film]);
    expect(find(treaty)).toEqual([]);
  });

  it('lists a story on the same topic in another section, then the same section', () => {
    const sanctions = makeArticle('russia-sanctions-oil', 'economy', ['Russia']);
    const trade = makeArticle('canada-mexico-trade', 'world', ['trade']);
    const find = createRelatedFinder([treaty, legislature, outage, film, sanctions, trade]);
    expect(find(treaty).map((a) => a.id)).toEqual(['russia-sanctions-oil', 'canada-mexico-trade']);
  });
});

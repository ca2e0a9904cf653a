import { describe, expect, it } from 'vitest';
import { composeFrontPage, type FrontStory } from './front-page';

let day = 28;
/** A story with a photo, each made one day older than the one before. */
function makeArticle(id: string, section: string, overrides: Partial<FrontStory> = {}) {
  return {
    id,
    featured: false,
    priority: 0,
    publishedAt: new Date(Date.UTC(2026, 10, day--)),
    hero: { alt: 'photo' },
    section: { id: section },
    ...overrides,
  };
}

// Newest first, as the query module returns them.
day = 28;
const articles = [
  makeArticle('a', 'us'),
  makeArticle('b', 'world'),
  makeArticle('c', 'us', { featured: true }),
  makeArticle('d', 'economy'),
  makeArticle('e', 'us'),
  makeArticle('f', 'world'),
  makeArticle('g', 'us'),
];
const ids = (list: { id: string }[]) => list.map((a) => a.id);
const limits = { latest: 3, perRail: 2, beside: 2 };

describe('composeFrontPage', () => {
  const page = composeFrontPage(articles, ['us', 'world', 'economy', 'culture'], limits);

  it('leads with the featured story', () => {
    expect(page.lead?.id).toBe('c');
  });

  it('puts nothing beside a lead with a photo', () => {
    expect(page.beside).toEqual([]);
  });

  it('follows with the newest stories other than the lead', () => {
    expect(ids(page.latest)).toEqual(['a', 'b', 'd']);
  });

  it('fills section rails in navigation order with stories not shown above', () => {
    expect(page.rails.map((r) => [r.sectionId, ids(r.articles)])).toEqual([
      ['us', ['e', 'g']],
      ['world', ['f']],
    ]);
  });

  it('never shows a story twice', () => {
    const all = [page.lead?.id, ...ids(page.latest), ...page.rails.flatMap((r) => ids(r.articles))];
    expect(new Set(all).size).toBe(all.length);
  });

  it('leads with the newest story when none is featured', () => {
    day = 10;
    expect(
      composeFrontPage([makeArticle('x', 'us'), makeArticle('y', 'us')], ['us']).lead?.id,
    ).toBe('x');
  });

  it('is empty for an edition with no articles', () => {
    expect(composeFrontPage([], ['us'])).toEqual({
      lead: undefined,
      beside: [],
      latest: [],
      rails: [],
    });
  });
});

describe('composeFrontPage with a lead without a photo', () => {
  day = 20;
  const stories = [
    makeArticle('text-lead', 'us', { hero: undefined }),
    makeArticle('p', 'us'),
    makeArticle('q', 'world'),
    makeArticle('r', 'world'),
    makeArticle('s', 'us'),
  ];
  const page = composeFrontPage(stories, ['us', 'world'], limits);

  it('sets the next stories in a column beside the lead', () => {
    expect(page.lead?.id).toBe('text-lead');
    expect(ids(page.beside)).toEqual(['p', 'q']);
  });

  it('continues the latest news after the stories beside the lead', () => {
    expect(ids(page.latest)).toEqual(['r', 's']);
    expect(page.rails).toEqual([]);
  });
});

describe('composeFrontPage with front priorities', () => {
  day = 15;
  const stories = [
    makeArticle('new', 'us'),
    makeArticle('newer-world', 'world'),
    makeArticle('pinned', 'us', { priority: 5 }),
    makeArticle('raised', 'world', { priority: 1 }),
    makeArticle('lowered', 'us', { priority: -1 }),
    makeArticle('old', 'us'),
  ];

  it.each([
    ['leads with the highest priority when no story is featured', 'lead', ['pinned']],
    ['orders the latest news by priority, then newest', 'latest', ['raised', 'new', 'newer-world']],
  ] as const)('%s', (_name, block, expected) => {
    const page = composeFrontPage(stories, ['us', 'world'], limits);
    const got = block === 'lead' ? [page.lead?.id] : ids(page[block]);
    expect(got).toEqual(expected);
  });

  it('ranks a section rail by priority, so a lowered story comes last', () => {
    const page = composeFrontPage(stories, ['us', 'world'], { ...limits, latest: 1 });
    expect(page.rails.find((r) => r.sectionId === 'us')?.articles.map((a) => a.id)).toEqual([
      'new',
      'old',
    ]);
  });

  it('leads with a featured story over a higher priority one', () => {
    const withFeatured = [...stories, makeArticle('featured', 'world', { featured: true })];
    expect(composeFrontPage(withFeatured, ['us', 'world'], limits).lead?.id).toBe('featured');
  });

  it('leads with the featured story of highest priority when several are featured', () => {
    day = 30;
    const two = [
      makeArticle('newest-featured', 'us', { featured: true }),
      makeArticle('priority-featured', 'us', { featured: true, priority: 2 }),
    ];
    expect(composeFrontPage(two, ['us'], limits).lead?.id).toBe('priority-featured');
  });
});

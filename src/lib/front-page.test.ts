import { describe, expect, it } from 'vitest';
import { composeFrontPage } from './front-page';

function makeArticle(id: string, section: string, featured = false) {
  return { id, featured, section: { id: section } };
}

// Newest first, as the query module returns them.
const articles = [
  makeArticle('a', 'us'),
  makeArticle('b', 'world'),
  makeArticle('c', 'us', true),
  makeArticle('d', 'economy'),
  makeArticle('e', 'us'),
  makeArticle('f', 'world'),
  makeArticle('g', 'us'),
];
const ids = (list: { id: string }[]) => list.map((a) => a.id);

describe('composeFrontPage', () => {
  const page = composeFrontPage(articles, ['us', 'world', 'economy', 'culture'], {
    latest: 3,
    perRail: 2,
  });

  it('leads with the featured story', () => {
    expect(page.lead?.id).toBe('c');
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
    expect(
      composeFrontPage([makeArticle('x', 'us'), makeArticle('y', 'us')], ['us']).lead?.id,
    ).toBe('x');
  });

  it('is empty for an edition with no articles', () => {
    expect(composeFrontPage([], ['us'])).toEqual({ lead: undefined, latest: [], rails: [] });
  });
});

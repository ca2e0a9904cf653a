import { describe, expect, it } from 'vitest';
import { archiveFeed, getFeedSize } from './feed-archive';

/** Stories 1…n, newest first, as the catalogue lists them. */
const stories = (n: number) => Array.from({ length: n }, (_, i) => n - i);

// RFC 5005 §4 (archived feeds): archive documents together with the current
// feed hold the whole history, and published archive documents do not change.
describe('archiveFeed', () => {
  it.each([
    { count: 0, size: 3, pages: [] },
    { count: 2, size: 3, pages: [] },
    { count: 3, size: 3, pages: [[3, 2, 1]] },
    {
      count: 7,
      size: 3,
      pages: [
        [3, 2, 1],
        [6, 5, 4],
      ],
    },
  ])(
    'puts $count stories into complete documents of $size, oldest first',
    ({ count, size, pages }) => {
      expect(archiveFeed(stories(count), size).pages.map((p) => p.items)).toEqual(pages);
    },
  );

  it('links each document to its older and newer neighbour, and the current feed to the newest', () => {
    const archive = archiveFeed(stories(10), 3);
    expect(archive.pages.map((p) => [p.number, p.prev, p.next])).toEqual([
      [1, undefined, 2],
      [2, 1, 3],
      [3, 2, undefined],
    ]);
    expect(archive.newest).toBe(3);
    expect(archiveFeed(stories(2), 3).newest).toBeUndefined();
  });

  it('leaves every story either in an archive document or among the newest a current feed carries', () => {
    for (let count = 0; count < 20; count++) {
      const size = 4;
      const archived = archiveFeed(stories(count), size).pages.flatMap((p) => p.items);
      const current = stories(count).slice(0, size);
      expect(new Set([...archived, ...current])).toEqual(new Set(stories(count)));
    }
  });

  it('never changes an existing document when a story is added', () => {
    for (let count = 1; count < 20; count++) {
      const before = archiveFeed(stories(count), 4).pages;
      const after = archiveFeed(stories(count + 1), 4).pages;
      for (const page of before) {
        expect(after[page.number - 1]?.items).toEqual(page.items);
      }
    }
  });

  it('refuses a document size that is not a positive whole number', () => {
    expect(() => archiveFeed(stories(3), 0)).toThrow(/whole number/);
  });
});

describe('getFeedSize', () => {
  it.each([
    [{}, 50],
    [{ FEED_SIZE: '' }, 50],
    [{ FEED_SIZE: '5' }, 5],
  ])('reads %o as %i', (env, size) => {
    expect(getFeedSize(50, env)).toBe(size);
  });

  it('refuses a size that is not a positive whole number', () => {
    expect(() => getFeedSize(50, { FEED_SIZE: '2.5' })).toThrow(/FEED_SIZE="2.5"/);
  });
});

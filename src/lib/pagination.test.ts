import { describe, expect, it } from 'vitest';
import { pagePath, pagerNumbers, paginate } from './pagination';

const letters = 'abcdefg'.split('');

describe('paginate', () => {
  it.each([
    [7, 3, [['a', 'b', 'c'], ['d', 'e', 'f'], ['g']]],
    [
      6,
      3,
      [
        ['a', 'b', 'c'],
        ['d', 'e', 'f'],
      ],
    ],
    [1, 3, [['a']]],
    [0, 3, [[]]],
  ])('splits %i items into pages of %i', (count, size, expected) => {
    expect(paginate(letters.slice(0, count), size, '/es/world/').map((p) => p.items)).toEqual(
      expected,
    );
  });

  it('numbers pages and links each to its neighbours', () => {
    const pages = paginate(letters, 3, '/es/world/');
    expect(pages.map((p) => [p.number, p.total, p.path, p.prevPath, p.nextPath])).toEqual([
      [1, 3, '/es/world/', undefined, '/es/world/page/2/'],
      [2, 3, '/es/world/page/2/', '/es/world/', '/es/world/page/3/'],
      [3, 3, '/es/world/page/3/', '/es/world/page/2/', undefined],
    ]);
  });

  it('reaches every item exactly once', () => {
    const pages = paginate(letters, 2, '/x/');
    expect(pages.flatMap((p) => p.items)).toEqual(letters);
  });

  it('refuses a page size that is not a positive integer', () => {
    expect(() => paginate(letters, 0, '/x/')).toThrow(RangeError);
  });
});

describe('pagePath', () => {
  it('keeps page 1 at the listing root', () => {
    expect(pagePath('/en/tag/texas/', 1)).toBe('/en/tag/texas/');
    expect(pagePath('/en/tag/texas/', 4)).toBe('/en/tag/texas/page/4/');
  });
});

describe('pagerNumbers', () => {
  it.each([
    [1, 1, [1]],
    [1, 3, [1, 2, 3]],
    [1, 10, [1, 2, null, 10]],
    [5, 10, [1, null, 4, 5, 6, null, 10]],
    [10, 10, [1, null, 9, 10]],
    [3, 10, [1, 2, 3, 4, null, 10]],
  ])('on page %i of %i shows %j', (current, total, expected) => {
    expect(pagerNumbers(current, total)).toEqual(expected);
  });
});

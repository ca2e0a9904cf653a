import { describe, expect, it } from 'vitest';
import { blockLayout, byFrontOrder, leadLayout } from './front-layout';

/** A block of `count` stories, all with photos. */
const photos = (count: number) => Array.from({ length: count }, () => true);

describe('blockLayout', () => {
  const roles = (count: number) => blockLayout(photos(count)).cards.map((c) => c.role);
  const aligned = (count: number) => blockLayout(photos(count)).cards.map((c) => c.aligned);

  it.each([
    [1, 'single', ['wide']],
    [2, 'pair', ['feature', 'feature']],
    [3, 'trio', ['feature', 'standard', 'standard']],
    [4, 'quad', ['standard', 'standard', 'standard', 'standard']],
    [6, 'quad', ['standard', 'standard', 'standard', 'standard', 'headline', 'headline']],
  ])('arranges a block of %i stories as %s', (count, layout, expected) => {
    expect(blockLayout(photos(count)).layout).toBe(layout);
    expect(roles(count)).toEqual(expected);
  });

  it.each([
    [1, [false]],
    [2, [true, true]],
    [3, [false, true, true]],
    [4, [true, true, true, true]],
    [5, [true, true, true, true, false]],
  ])('lines up the headlines of cards sharing a row in a block of %i', (count, expected) => {
    expect(aligned(count)).toEqual(expected);
  });

  it.each([
    ['shows', 'every card of the row has a photo', [true, true, true, true]],
    ['shows', 'most cards of the row have a photo', [true, false, true, true]],
    ['hides', 'half the cards of the row have no photo', [true, false, false, true]],
    ['hides', 'one of a pair has no photo', [false, true]],
    ['hides', 'one of the two beside the feature has no photo', [true, true, false]],
    ['shows', 'a headline-only story after the row has no photo', [true, true, true, true, false]],
  ])('%s the photos of a row when %s', (verb, _name, hasPhotos) => {
    expect(blockLayout(hasPhotos).rowPhotos).toBe(verb === 'shows' ? 'shown' : 'hidden');
  });

  it('keeps the photo of the feature beside a row set as text', () => {
    const plan = blockLayout([true, false, false]);
    expect(plan.rowPhotos).toBe('hidden');
    expect(plan.cards[0]).toEqual({ role: 'feature', aligned: false });
  });

  it('gives every story of a block a card, in order', () => {
    for (let count = 1; count <= 9; count++) {
      expect(blockLayout(photos(count)).cards).toHaveLength(count);
    }
  });

  it('refuses a block with no story', () => {
    expect(() => blockLayout([])).toThrow(RangeError);
  });
});

describe('leadLayout', () => {
  it('shows a lead with a photo large, across the page', () => {
    expect(leadLayout({ hero: { alt: 'A photo' } })).toBe('photo');
  });

  it('gives a lead without a photo a column of other stories beside it', () => {
    expect(leadLayout({ hero: undefined })).toBe('text');
    expect(leadLayout({})).toBe('text');
  });
});

describe('byFrontOrder', () => {
  const story = (id: string, priority: number, day: number) => ({
    id,
    priority,
    publishedAt: new Date(Date.UTC(2026, 10, day)),
  });

  it('puts higher priority first, then newer stories', () => {
    const stories = [
      story('old', 0, 1),
      story('pinned', 2, 2),
      story('new', 0, 9),
      story('low', -1, 10),
    ];
    expect([...stories].sort(byFrontOrder).map((s) => s.id)).toEqual([
      'pinned',
      'new',
      'old',
      'low',
    ]);
  });

  it('keeps the given order of stories with equal priority and time', () => {
    const stories = [story('a', 1, 5), story('b', 1, 5), story('c', 1, 5)];
    expect([...stories].sort(byFrontOrder).map((s) => s.id)).toEqual(['a', 'b', 'c']);
  });
});

import { describe, expect, it } from 'vitest';
import { blockLayout, byFrontOrder, leadLayout } from './front-layout';

describe('blockLayout', () => {
  const roles = (count: number) => blockLayout(count).cards.map((c) => c.role);
  const aligned = (count: number) => blockLayout(count).cards.map((c) => c.aligned);

  it.each([
    [1, 'single', ['wide']],
    [2, 'pair', ['feature', 'feature']],
    [3, 'trio', ['feature', 'standard', 'standard']],
    [4, 'quad', ['standard', 'standard', 'standard', 'standard']],
    [6, 'quad', ['standard', 'standard', 'standard', 'standard', 'headline', 'headline']],
  ])('arranges a block of %i stories as %s', (count, layout, expected) => {
    expect(blockLayout(count).layout).toBe(layout);
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

  it('gives every story of a block a card, in order', () => {
    for (let count = 1; count <= 9; count++) {
      expect(blockLayout(count).cards).toHaveLength(count);
    }
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses a block of %s stories', (count) => {
    expect(() => blockLayout(count)).toThrow(RangeError);
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

import { describe, expect, it } from 'vitest';
import { isPublished, lastModified, pickLead, type Publishable } from './publishing';

type TestArticle = Publishable & { id: string };

function makeArticle(overrides: Partial<TestArticle> = {}): TestArticle {
  return {
    id: 'story',
    draft: false,
    publishedAt: new Date('2026-11-27T08:00:00-06:00'),
    lang: 'es',
    featured: false,
    ...overrides,
  };
}

const now = new Date('2026-11-28T12:00:00-06:00');

describe('isPublished', () => {
  it.each([
    ['an article published before now', {}, true],
    ['an article published exactly now', { publishedAt: now }, true],
    ['a draft', { draft: true }, false],
    [
      'an article scheduled one minute later',
      { publishedAt: new Date(now.getTime() + 60_000) },
      false,
    ],
    [
      'a draft from the past',
      { draft: true, publishedAt: new Date('2020-01-01T00:00:00Z') },
      false,
    ],
  ])('treats %s as published: %s', (_name, overrides, expected) => {
    expect(isPublished(makeArticle(overrides), now)).toBe(expected);
  });
});

describe('pickLead', () => {
  it('picks the newest article when none is featured', () => {
    expect(pickLead([makeArticle({ id: 'a' }), makeArticle({ id: 'b' })])?.id).toBe('a');
  });

  it('picks the featured article over newer ones', () => {
    expect(pickLead([makeArticle({ id: 'a' }), makeArticle({ id: 'b', featured: true })])?.id).toBe(
      'b',
    );
  });

  it('has no lead for an empty edition', () => {
    expect(pickLead([])).toBeUndefined();
  });
});

describe('lastModified', () => {
  const publishedAt = new Date('2026-11-20T08:00:00-06:00');
  const later = (hours: number) => new Date(publishedAt.getTime() + hours * 3_600_000);

  it.each([
    ['the publication when nothing changed', undefined, [], publishedAt],
    ['the update', later(2), [], later(2)],
    ['a correction made after the update', later(2), [later(1), later(5)], later(5)],
    ['the update made after every correction', later(9), [later(5)], later(9)],
  ])('is %s', (_name, updatedAt, corrections, expected) => {
    expect(
      lastModified({ publishedAt, updatedAt, corrections: corrections.map((date) => ({ date })) }),
    ).toEqual(expected);
  });
});

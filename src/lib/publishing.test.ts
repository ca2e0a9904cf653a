import { describe, expect, it } from 'vitest';
import {
  ContentError,
  assertUniquePaths,
  isPublished,
  lastModified,
  pickLead,
  resolveReference,
  selectPublished,
  type Publishable,
} from './publishing';

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

describe('selectPublished', () => {
  const articles = [
    makeArticle({ id: 'old-es', publishedAt: new Date('2026-11-20T08:00:00-06:00') }),
    makeArticle({ id: 'new-en', lang: 'en', publishedAt: new Date('2026-11-27T09:00:00-06:00') }),
    makeArticle({ id: 'mid-es', publishedAt: new Date('2026-11-25T08:00:00-06:00') }),
    makeArticle({ id: 'draft-es', draft: true }),
    makeArticle({ id: 'scheduled-es', publishedAt: new Date('2026-12-01T06:00:00-06:00') }),
  ];

  it('lists only public articles, newest first', () => {
    expect(selectPublished(articles, { now }).map((a) => a.id)).toEqual([
      'new-en',
      'mid-es',
      'old-es',
    ]);
  });

  it('keeps to one edition when asked', () => {
    expect(selectPublished(articles, { now, lang: 'es' }).map((a) => a.id)).toEqual([
      'mid-es',
      'old-es',
    ]);
  });

  it('publishes a scheduled article once the build time passes its date', () => {
    const later = new Date('2026-12-01T06:00:00-06:00');
    expect(selectPublished(articles, { now: later, lang: 'es' })[0]?.id).toBe('scheduled-es');
  });

  it('does not reorder the list it was given', () => {
    const ids = articles.map((a) => a.id);
    selectPublished(articles, { now });
    expect(articles.map((a) => a.id)).toEqual(ids);
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

describe('resolveReference', () => {
  const authors = new Map([['ana', { name: 'Ana' }]]);
  const where = {
    file: 'content/articles/2026/x.md',
    field: 'authors[1]',
    kind: 'author',
    folder: 'content/authors',
  };

  it('returns the referenced entry', () => {
    expect(resolveReference(authors, 'ana', where)).toEqual({ name: 'Ana' });
  });

  it('names the file, the field and the missing id', () => {
    expect(() => resolveReference(authors, 'bob', where)).toThrow(
      'content/articles/2026/x.md: authors[1]: unknown author "bob": there is no content/authors/bob.yaml',
    );
  });
});

describe('assertUniquePaths', () => {
  it('accepts distinct URLs', () => {
    expect(() =>
      assertUniquePaths([
        { path: '/es/a/', filePath: 'a.md' },
        { path: '/es/b/', filePath: 'b.md' },
      ]),
    ).not.toThrow();
  });

  it('rejects two files that would publish at the same URL', () => {
    expect(() =>
      assertUniquePaths([
        { path: '/es/2026/11/27/a/', filePath: 'content/articles/2026/a.md' },
        { path: '/es/2026/11/27/a/', filePath: 'content/articles/2026-bis/a.md' },
      ]),
    ).toThrow(ContentError);
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

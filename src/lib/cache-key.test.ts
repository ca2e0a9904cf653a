import { describe, expect, it } from 'vitest';
import { createStoryDigest, digest, feedCacheKey } from './cache-key';

const story = (title: string, body = 'b1') => ({
  title,
  publishedAt: new Date('2026-11-20T14:00:00Z'),
  digest: body,
});

describe('digest', () => {
  it('is the same for equal data and differs when anything shown differs', () => {
    expect(digest(['es', 3, story('A')])).toBe(digest(['es', 3, story('A')]));
    expect(digest(['es', 3, story('A')])).not.toBe(digest(['es', 4, story('A')]));
    expect(digest({ at: new Date(0) })).not.toBe(digest({ at: new Date(1) }));
  });
});

describe('createStoryDigest', () => {
  it('changes with the headline and with the body', () => {
    const of = createStoryDigest<ReturnType<typeof story>>();
    const original = story('Senate passes the bill');
    expect(of(story('Senate passes the bill'))).toBe(of(original));
    expect(of(story('Senate rejects the bill'))).not.toBe(of(original));
    expect(of(story('Senate passes the bill', 'b2'))).not.toBe(of(original));
  });
});

describe('createStoryDigest with shared objects', () => {
  const author = (bio: string) => ({ id: 'ana', name: 'Ana', bio: { es: bio } });
  const byline = (writer: ReturnType<typeof author>, title = 'Senate passes the bill') => ({
    ...story(title),
    authors: [writer],
  });

  it('changes when a shared author changes, as when the author is written out in full', () => {
    const ana = author('Periodista en Austin.');
    const anaMoved = author('Periodista en Houston.');
    const of = createStoryDigest<ReturnType<typeof byline>>((story, shared) => ({
      ...story,
      authors: story.authors.map(shared),
    }));
    expect(of(byline(ana))).toBe(of(byline(ana)));
    expect(of(byline(anaMoved))).not.toBe(of(byline(ana)));
    expect(of(byline(ana, 'Senate rejects the bill'))).not.toBe(of(byline(ana)));
  });

  it('writes a shared object as its digest, made once for every story that shares it', () => {
    const ana = author('Periodista en Austin.');
    let seen: unknown[] = [];
    const of = createStoryDigest<ReturnType<typeof byline>>((story, shared) => {
      const authors = story.authors.map(shared);
      seen = [...seen, ...authors];
      return { ...story, authors };
    });
    of(byline(ana));
    of(byline(ana, 'Senate rejects the bill'));
    expect(seen).toEqual([{ shared: digest(ana) }, { shared: digest(ana) }]);
    // The same object each time: digested once.
    expect(seen[0]).toBe(seen[1]);
  });
});

describe('feedCacheKey', () => {
  const titles = (stories: readonly string[]) => stories.join('|');
  const now = new Date('2026-11-28T18:00:00Z');
  const key = (stories: string[], parts: unknown[] = ['Voz: Mundo'], at = now) =>
    feedCacheKey(titles, parts, stories, { size: 2, now: at });

  it('changes when a story the feed carries changes, or when its title or links do', () => {
    expect(key(['a', 'b', 'c'])).toBe(key(['a', 'b', 'c']));
    expect(key(['a2', 'b', 'c'])).not.toBe(key(['a', 'b', 'c']));
    expect(key(['new', 'a', 'b'])).not.toBe(key(['a', 'b', 'c']));
    expect(key(['a', 'b'], ['Voz: World'])).not.toBe(key(['a', 'b']));
  });

  it('stays when only a story beyond the feed’s size changes, or the clock moves', () => {
    expect(key(['a', 'b', 'c2'])).toBe(key(['a', 'b', 'c']));
    expect(key(['a', 'b'], undefined, new Date('2026-11-29T18:00:00Z'))).toBe(key(['a', 'b']));
  });

  it('follows the build time when the feed is empty (its channel date)', () => {
    expect(key([], undefined, new Date('2026-11-29T18:00:00Z'))).not.toBe(key([]));
  });
});

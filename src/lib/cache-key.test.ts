import { describe, expect, it } from 'vitest';
import { createStoryDigest, digest } from './cache-key';

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
    const isShared = (value: object) => value === ana || value === anaMoved;
    const of = createStoryDigest<ReturnType<typeof byline>>(isShared);
    expect(of(byline(ana))).toBe(of(byline(ana)));
    expect(of(byline(anaMoved))).not.toBe(of(byline(ana)));
    expect(of(byline(ana, 'Senate rejects the bill'))).not.toBe(of(byline(ana)));
  });
});

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

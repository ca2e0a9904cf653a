import { describe, expect, it } from 'vitest';
import { FEDIVERSE_HANDLE, fediverseCreators } from './fediverse';

describe('FEDIVERSE_HANDLE', () => {
  it.each([
    ['@danielaortiz@mastodon.social', true],
    ['@daniela.ortiz@journa.host', true],
    ['danielaortiz@mastodon.social', false],
    ['@danielaortiz', false],
    ['https://mastodon.social/@danielaortiz', false],
    ['@daniela ortiz@mastodon.social', false],
  ])('%s is a handle: %s', (handle, valid) => {
    expect(FEDIVERSE_HANDLE.test(handle)).toBe(valid);
  });
});

describe('fediverseCreators', () => {
  it('names each author with a handle once, in byline order, and skips the others', () => {
    expect(
      fediverseCreators([
        { fediverse: '@b@news.example' },
        {},
        { fediverse: '@a@news.example' },
        { fediverse: '@b@news.example' },
      ]),
    ).toEqual(['@b@news.example', '@a@news.example']);
  });
});

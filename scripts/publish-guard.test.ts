import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MAX_LOSS,
  articlePages,
  decidePublish,
  guardReport,
  parseMaxLoss,
} from './publish-guard.ts';

/** `n` article pages of one edition, on distinct days. */
function pages(n: number, lang = 'en'): string[] {
  return Array.from(
    { length: n },
    (_, i) => `${lang}/2026/11/${String((i % 28) + 1).padStart(2, '0')}/story-${i}/index.html`,
  );
}

describe('articlePages', () => {
  it.each([
    ['es/2024/11/12/north-korea-russia-treaty/index.html', true],
    ['en/2026/01/02/a/index.html', true],
    ['pt/2026/01/02/a/index.html', true],
    ['pt-br/2026/01/02/a/index.html', true],
    ['zh-Hant/2026/01/02/a/index.html', true],
    ['en\\2026\\01\\02\\a\\index.html', true],
    ['en/index.html', false],
    ['en/world/index.html', false],
    ['en/2026/11/index.html', false],
    ['en/2026/11/20/index.html', false],
    ['en/world/page/2/index.html', false],
    ['en/tag/texas/index.html', false],
    ['og/en/2026/06/30/a.jpg', false],
    ['en/2026/11/20/a/og.jpg', false],
    ['_astro/2026/11/20/a/index.html', false],
    ['english/2026/11/20/a/index.html', false],
  ])('counts %s as an article page: %s', (file, expected) => {
    expect(articlePages([file])).toEqual(expected ? [file.split('\\').join('/')] : []);
  });
});

describe('decidePublish', () => {
  const decide = (
    before: string[],
    after: string[],
    extra: Partial<{ maxLoss: number; allowShrink: boolean }> = {},
  ) => decidePublish({ before, after, maxLoss: DEFAULT_MAX_LOSS, allowShrink: false, ...extra });

  it.each([
    ['a first build with articles', [], pages(5), true],
    ['a first build with no articles', [], [], false],
    ['a build that empties the site', pages(100), [], false],
    ['a build that adds stories', pages(100), pages(101), true],
    ['a build that loses exactly 10 %', pages(100), pages(100).slice(10), true],
    ['a build that loses 11 %', pages(100), pages(100).slice(11), false],
    ['a build that loses half the archive', pages(100), pages(50), false],
    ['a build that loses one story of three', pages(3), pages(2), false],
  ])('%s: allowed %s', (_, before, after, ok) => {
    expect(decide(before, after).ok).toBe(ok);
  });

  it('counts a page as lost when its path is gone, even if as many new pages appeared', () => {
    const before = pages(10, 'es');
    const after = [...before.slice(5), ...pages(5, 'en')];
    const decision = decide(before, after);
    expect(decision).toMatchObject({ ok: false, before: 10, after: 10, lostShare: 0.5 });
    expect(decision.lost).toEqual(before.slice(0, 5));
  });

  it('allows a larger loss when the limit is raised', () => {
    expect(decide(pages(100), pages(50), { maxLoss: 0.5 }).ok).toBe(true);
    expect(decide(pages(100), pages(49), { maxLoss: 0.5 }).ok).toBe(false);
  });

  it('refuses any loss at a limit of 0', () => {
    expect(decide(pages(100), pages(99), { maxLoss: 0 }).ok).toBe(false);
    expect(decide(pages(100), pages(100), { maxLoss: 0 }).ok).toBe(true);
  });

  it('lets an editor remove stories on purpose with allowShrink, down to none', () => {
    expect(decide(pages(100), pages(10), { allowShrink: true }).ok).toBe(true);
    expect(decide(pages(100), [], { allowShrink: true }).ok).toBe(true);
  });

  it('says why it refused', () => {
    expect(decide(pages(10), []).reason).toBe('the new build has no article pages');
    expect(decide(pages(10), pages(5)).reason).toBe(
      'the new build lost 50 % of the article pages, more than the 10 % allowed',
    );
  });
});

describe('parseMaxLoss', () => {
  it.each([
    [undefined, DEFAULT_MAX_LOSS],
    ['', DEFAULT_MAX_LOSS],
    ['0.25', 0.25],
    ['25%', 0.25],
    ['0', 0],
    ['1', 1],
  ])('reads %s as %s', (raw, share) => {
    expect(parseMaxLoss(raw, 'PUBLISH_GUARD_MAX_LOSS')).toBe(share);
  });

  it.each(['abc', '-0.1', '1.5', '150%'])('rejects %s, naming where it came from', (raw) => {
    expect(() => parseMaxLoss(raw, 'PUBLISH_GUARD_MAX_LOSS')).toThrow(
      `PUBLISH_GUARD_MAX_LOSS="${raw}" must be a share from 0 to 1`,
    );
  });
});

describe('guardReport', () => {
  const settings = { outDir: 'dist', maxLoss: 0.1, allowShrink: false };

  it('prints what it counted, the limit and how to override when it refuses', () => {
    const decision = decidePublish({
      before: pages(8),
      after: pages(2),
      maxLoss: 0.1,
      allowShrink: false,
    });
    const text = guardReport(decision, settings).join('\n');
    expect(text).toContain('refused to replace dist/');
    expect(text).toContain(
      'article pages in dist/ now: 8; in the new build: 2; lost: 6 (75 %); limit: 10 %',
    );
    expect(text).toContain('lost: en/2026/11/03/story-2/index.html');
    expect(text).toContain('… and 1 more');
    expect(text).toContain('dist/ was left as it was');
    expect(text).toContain('--allow-shrink');
    expect(text).toContain('PUBLISH_GUARD_MAX_LOSS');
  });

  it('prints one line of figures when it lets a build through', () => {
    const decision = decidePublish({
      before: pages(8),
      after: pages(9),
      maxLoss: 0.1,
      allowShrink: false,
    });
    expect(guardReport(decision, settings)).toEqual([
      'Publish guard: article pages in dist/ now: 8; in the new build: 9; lost: 0 (0 %); limit: 10 %',
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import {
  coverageStatus,
  liveUpdateProblems,
  newestFirst,
  renderUpdateText,
  updateAnchor,
  updateText,
} from './live';

const at = (time: string) => new Date(`2026-11-28T${time}-06:00`);

describe('updateAnchor', () => {
  it.each([
    [at('14:32:00'), 'update-20261128-143200'],
    [new Date('2026-11-29T03:05:09Z'), 'update-20261128-210509'],
  ])('names the update of %s %s, in the newsroom time zone', (date, anchor) => {
    expect(updateAnchor(date)).toBe(anchor);
  });
});

describe('newestFirst', () => {
  it('puts the latest update first without changing the list it was given', () => {
    const written = [{ date: at('09:00:00') }, { date: at('11:00:00') }, { date: at('10:00:00') }];
    expect(newestFirst(written).map((u) => u.date)).toEqual([
      at('11:00:00'),
      at('10:00:00'),
      at('09:00:00'),
    ]);
    expect(written[0]?.date).toEqual(at('09:00:00'));
  });
});

describe('coverageStatus', () => {
  const base = { publishedAt: at('08:00:00'), updates: [{ date: at('09:30:00') }] };

  it('says coverage runs until an end is given, and when the latest update came', () => {
    expect(coverageStatus({ ...base, coverageEndedAt: undefined })).toEqual({
      startedAt: at('08:00:00'),
      endedAt: undefined,
      running: true,
      latestUpdate: at('09:30:00'),
    });
  });

  it('says coverage has ended once it has an end', () => {
    const status = coverageStatus({ ...base, coverageEndedAt: at('18:00:00') });
    expect(status.running).toBe(false);
    expect(status.endedAt).toEqual(at('18:00:00'));
  });
});

describe('update text', () => {
  it('is Markdown, with links that leave the site marked', () => {
    const html = renderUpdateText('Firefighters: **contained**. [Source](https://example.org/)');
    expect(html).toContain('<strong>contained</strong>');
    expect(html).toContain('rel="noopener noreferrer"');
  });

  it('is refused with the field named when the sanitiser would change it', () => {
    const problems = liveUpdateProblems('content/articles/2026/live.md', {
      updates: [{ text: 'Fine.' }, { text: 'Bad <script>alert(1)</script>' }],
    });
    expect(problems.map((p) => p.field)).toEqual(['updates[1].text']);
  });
});

describe('updateText', () => {
  it('reads an update as plain text for structured data', () => {
    expect(
      updateText(
        '<p>Fire <strong>contained</strong> &amp; <a href="/x">roads</a>.</p><p>More.</p>',
      ),
    ).toBe('Fire contained & roads. More.');
  });
});

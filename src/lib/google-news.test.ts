import { XMLParser } from 'fast-xml-parser';
import { SyntaxValidator } from 'fast-xml-validator';
import { describe, expect, it } from 'vitest';
import { renderNewsSitemap, selectForNewsSitemap } from './google-news';

const buildTime = new Date('2026-11-28T12:00:00-06:00');
const hoursBefore = (h: number) => ({
  id: `${h}h`,
  publishedAt: new Date(buildTime.getTime() - h * 3_600_000),
});

describe('selectForNewsSitemap', () => {
  it.each([
    [47, true],
    [0, true],
    [48, false],
    [49, false],
    [-1, false],
  ])('an article %i hours old is included: %s', (hours, included) => {
    expect(selectForNewsSitemap([hoursBefore(hours)], buildTime)).toHaveLength(included ? 1 : 0);
  });

  it('keeps at most 1,000 articles, the newest', () => {
    const many = Array.from({ length: 1200 }, (_, i) => hoursBefore(i / 30));
    const selected = selectForNewsSitemap(many, buildTime);
    expect(selected).toHaveLength(1000);
    expect(selected[0]?.id).toBe('0h');
    expect(selected.at(-1)?.publishedAt.getTime()).toBeGreaterThan(
      many[1000]?.publishedAt.getTime() ?? 0,
    );
  });
});

describe('renderNewsSitemap', () => {
  const parser = new XMLParser({ isArray: (name) => name === 'url' });

  it('writes publication, language, date with offset and title per URL', () => {
    const xml = renderNewsSitemap(
      [
        {
          url: 'https://voz.us/en/2026/11/28/a/',
          title: 'AT&T "outage" <b> ]]>',
          publishedAt: new Date('2026-11-28T06:45:00-06:00'),
          language: 'en',
        },
      ],
      'Voz',
    );
    expect(() => SyntaxValidator.validate(xml)).not.toThrow();
    const [url] = parser.parse(xml).urlset.url;
    expect(url.loc).toBe('https://voz.us/en/2026/11/28/a/');
    expect(url['news:news']['news:publication']).toEqual({
      'news:name': 'Voz',
      'news:language': 'en',
    });
    expect(url['news:news']['news:publication_date']).toBe('2026-11-28T06:45:00-06:00');
    expect(url['news:news']['news:title']).toBe('AT&T "outage" <b> ]]>');
  });

  it('is a valid, empty urlset when nothing is recent', () => {
    const xml = renderNewsSitemap([], 'Voz');
    expect(() => SyntaxValidator.validate(xml)).not.toThrow();
    expect(parser.parse(xml).urlset).toBe('');
  });
});

import { XMLParser } from 'fast-xml-parser';
import { SyntaxValidator } from 'fast-xml-validator';
import { describe, expect, it } from 'vitest';
import { renderNewsSitemap } from './google-news';

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

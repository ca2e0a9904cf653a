import { markdownToHtml } from 'satteri';
import { describe, expect, it } from 'vitest';
import { externalLinks, isExternalLink } from './external-links';

describe('isExternalLink', () => {
  it.each([
    ['https://www.census.gov/data', true],
    ['http://example.org', true],
    ['https://voz.us/es/', false],
    ['/es/mundo/', false],
    ['#nota', false],
    ['mailto:news@voz.us', false],
  ])('%s leaves the site: %s', (href, expected) => {
    expect(isExternalLink(href, 'voz.us')).toBe(expected);
  });
});

describe('externalLinks', () => {
  const render = (md: string) =>
    markdownToHtml(md, { hastPlugins: [externalLinks('https://voz.us')] }).html;

  it('marks links to other sites noopener noreferrer', () => {
    expect(render('[Census](https://www.census.gov/)')).toContain('rel="noopener noreferrer"');
  });

  it('leaves links within the site alone', () => {
    expect(render('[Mundo](/es/mundo/) and [home](https://voz.us/es/)')).not.toContain('rel=');
  });
});

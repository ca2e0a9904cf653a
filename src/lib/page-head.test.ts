import { describe, expect, it } from 'vitest';
import { decodeEntities, readPageHead } from './page-head';

const page = (head: string) =>
  `<!doctype html><html><head>${head}</head><body><link rel="alternate" hreflang="fr" href="/ignored"></body></html>`;

describe('readPageHead', () => {
  it('finds hreflang alternates, x-default included, and ignores the body', () => {
    const html = page(
      '<link rel="alternate" hreflang="es-US" href="https://voz.us/es/a/">' +
        '<link rel="alternate" hreflang="en-US" href="https://voz.us/en/b/">' +
        '<link rel="alternate" hreflang="x-default" href="https://voz.us/es/a/">' +
        '<link rel="alternate" type="application/rss+xml" href="https://voz.us/es/rss.xml">',
    );
    expect(readPageHead(html).alternates).toEqual([
      { lang: 'es-US', url: 'https://voz.us/es/a/' },
      { lang: 'en-US', url: 'https://voz.us/en/b/' },
      { lang: 'x-default', url: 'https://voz.us/es/a/' },
    ]);
  });

  it.each([
    [
      'the modification time',
      '<meta property="article:published_time" content="2024-11-12T10:30:00-06:00"><meta property="article:modified_time" content="2024-11-13T08:00:00-06:00">',
      '2024-11-13T08:00:00-06:00',
    ],
    [
      'the publication time when never modified',
      '<meta property="article:published_time" content="2024-11-12T10:30:00-06:00">',
      '2024-11-12T10:30:00-06:00',
    ],
    ['nothing on a page without dates', '<title>Front</title>', undefined],
  ])('takes lastmod from %s', (_name, head, expected) => {
    expect(readPageHead(page(head)).lastmod).toBe(expected);
  });

  it.each([
    ['<meta name="robots" content="noindex">', true],
    ['<meta name="robots" content="max-image-preview:large">', false],
    ['', false],
  ])('reads %j as noindex: %s', (head, expected) => {
    expect(readPageHead(page(head)).noindex).toBe(expected);
  });
});

describe('readPageHead heroImage', () => {
  it('finds the lead photo of an article', () => {
    const html = page('').replace(
      '<body>',
      '<body><figure class="hero" data-x><picture><source srcset="/a.avif"><img src="/_astro/hero.jpg" alt=""></picture></figure>',
    );
    expect(readPageHead(html).heroImage).toBe('/_astro/hero.jpg');
  });

  it('finds nothing on a page without a hero', () => {
    expect(readPageHead(page('')).heroImage).toBeUndefined();
  });
});

describe('decodeEntities', () => {
  /** What page-head decoded before, one entity after another, `&amp;` last. */
  const oneByOne = (text: string) =>
    text
      .replace(/&quot;/g, '"')
      .replace(/&#39;|&#x27;|&apos;/g, "'")
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');

  it.each([
    'Trump &amp; Harris',
    '&quot;quoted&quot; &#39;single&#x27; &apos;apos&apos;',
    '&lt;b&gt;',
    // Written escaped once more: decoded once, as a browser reads an attribute.
    '&amp;lt;script&amp;gt; &amp;amp; &amp;quot;',
    'a & b &c; &amp &#38;',
    'no entity at all',
  ])('decodes %s as the entities one by one did', (text) => {
    expect(decodeEntities(text)).toBe(oneByOne(text));
  });

  it('reads attribute values decoded', () => {
    const head = readPageHead(
      '<head><link rel="alternate" hreflang="es" href="https://voz.us/es/?a=1&amp;b=2"></head>',
    );
    expect(head.alternates).toEqual([{ lang: 'es', url: 'https://voz.us/es/?a=1&b=2' }]);
  });
});

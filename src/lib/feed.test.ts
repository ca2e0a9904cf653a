import { XMLParser } from 'fast-xml-parser';
import { SyntaxValidator } from 'fast-xml-validator';
import { describe, expect, it } from 'vitest';
import { absolutizeHtml, renderFeed, toFeedItem, type FeedArticle } from './feed';

function makeArticle(overrides: Partial<FeedArticle> = {}): FeedArticle {
  return {
    title: 'North Korea and Russia ratify their expanded defense cooperation treaty',
    dek: 'The agreement establishes a mutual defense mechanism.',
    path: '/en/2024/11/12/north-korea-russia-treaty/',
    publishedAt: new Date('2024-11-12T10:30:00-06:00'),
    updatedAt: undefined,
    lang: 'en',
    tags: ['North Korea', 'Russia'],
    section: { name: { es: 'Mundo', en: 'World' } },
    authors: [{ name: 'Voz Staff' }],
    hero: { alt: 'Two leaders', caption: 'Vladimir Putin and Kim Jong Un', credit: 'AFP' },
    ...overrides,
  };
}

const image = {
  url: 'https://voz.us/_astro/hero.abc.jpg',
  width: 1200,
  height: 800,
  type: 'image/jpeg',
};
const site = 'https://voz.us';

async function parseFeed(articles: FeedArticle[], html = '<p>Body</p>') {
  const xml = await renderFeed({
    lang: 'en',
    title: 'Voz (English)',
    description: 'News from the United States and the world',
    link: 'https://voz.us/en/',
    selfUrl: 'https://voz.us/en/rss.xml',
    buildTime: new Date('2026-11-28T18:00:00Z'),
    items: articles.map((a) => toFeedItem(a, { site, html, image: a.hero ? image : undefined })),
  });
  expect(() => SyntaxValidator.validate(xml)).not.toThrow();
  const parsed = new XMLParser({
    ignoreAttributes: false,
    isArray: (name) => ['item', 'category', 'dc:creator'].includes(name),
  }).parse(xml);
  return { xml, channel: parsed.rss.channel };
}

describe('the edition feed', () => {
  it('describes the channel with language, ttl and a self link', async () => {
    const { channel } = await parseFeed([makeArticle()]);
    expect(channel.title).toBe('Voz (English)');
    expect(channel.link).toBe('https://voz.us/en/');
    expect(channel.language).toBe('en-US');
    expect(channel.ttl).toBe(15);
    expect(channel['atom:link']['@_href']).toBe('https://voz.us/en/rss.xml');
    expect(channel['atom:link']['@_rel']).toBe('self');
  });

  it('gives each item an absolute permalink, the dek and the publication date', async () => {
    const { channel } = await parseFeed([makeArticle()]);
    const [item] = channel.item;
    expect(item.link).toBe('https://voz.us/en/2024/11/12/north-korea-russia-treaty/');
    expect(item.guid['#text']).toBe(item.link);
    expect(item.description).toBe('The agreement establishes a mutual defense mechanism.');
    expect(new Date(item.pubDate).toISOString()).toBe('2024-11-12T16:30:00.000Z');
  });

  it('credits every author as dc:creator and files the item under section and tags', async () => {
    const { channel } = await parseFeed([
      makeArticle({ authors: [{ name: 'Ana Martínez' }, { name: 'Luis Ortega' }] }),
    ]);
    const [item] = channel.item;
    expect(item['dc:creator']).toEqual(['Ana Martínez', 'Luis Ortega']);
    expect(item.category).toEqual(['World', 'North Korea', 'Russia']);
  });

  it('carries the hero as media:content with type, size, caption and credit', async () => {
    const { channel } = await parseFeed([makeArticle()]);
    const media = channel.item[0]['media:content'];
    expect(media['@_url']).toBe(image.url);
    expect(media['@_type']).toBe('image/jpeg');
    expect(media['@_width']).toBe('1200');
    expect(media['media:credit']).toBe('AFP');
    expect(media['media:description']).toBe('Vladimir Putin and Kim Jong Un');
  });

  it('leaves media:content out when the article has no hero', async () => {
    const { channel } = await parseFeed([makeArticle({ hero: undefined })]);
    expect(channel.item[0]['media:content']).toBeUndefined();
  });

  it('puts the full body, with the hero figure, in content:encoded', async () => {
    const { channel } = await parseFeed([makeArticle()], '<p>First paragraph.</p>');
    const content: string = channel.item[0]['content:encoded'];
    expect(content).toContain('<figcaption>Vladimir Putin and Kim Jong Un — AFP</figcaption>');
    expect(content).toContain('<p>First paragraph.</p>');
  });

  it('stays well-formed when text holds markup characters, quotes, emoji and ]]>', async () => {
    const hostile = 'AT&T "outage" <b>bold</b> 5 > 3 ]]> it\'s 🚀';
    const { channel } = await parseFeed(
      [
        makeArticle({
          title: hostile,
          dek: hostile,
          tags: [hostile],
          authors: [{ name: hostile }],
          hero: { alt: hostile, caption: hostile, credit: hostile },
        }),
      ],
      `<p>${'5 &lt; 6 and <code>]]&gt;</code>'} 🚀</p>`,
    );
    const [item] = channel.item;
    expect(item.title).toBe(hostile);
    expect(item.description).toBe(hostile);
    expect(item['dc:creator']).toEqual([hostile]);
    expect(item['media:content']['media:credit']).toBe(hostile);
  });
});

describe('absolutizeHtml', () => {
  const base = 'https://voz.us/en/2024/11/12/story/';

  it.each([
    ['<a href="/es/">x</a>', '<a href="https://voz.us/es/">x</a>'],
    ['<img src="/_astro/a.jpg">', '<img src="https://voz.us/_astro/a.jpg">'],
    ['<a href="other/">x</a>', '<a href="https://voz.us/en/2024/11/12/story/other/">x</a>'],
    ['<a href="https://example.org/">x</a>', '<a href="https://example.org/">x</a>'],
    ['<a href="#note">x</a>', '<a href="#note">x</a>'],
    [
      '<img srcset="/a.avif 400w, /b.avif 800w">',
      '<img srcset="https://voz.us/a.avif 400w, https://voz.us/b.avif 800w">',
    ],
  ])('rewrites %s', (html, expected) => {
    expect(absolutizeHtml(html, base)).toBe(expected);
  });
});

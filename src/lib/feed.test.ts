import { parseFeed } from '@rowanmanning/feed-parser';
import { XMLParser } from 'fast-xml-parser';
import { SyntaxValidator } from 'fast-xml-validator';
import { describe, expect, it } from 'vitest';
import {
  absolutizeHtml,
  escapeXml,
  renderAtom,
  renderJsonFeed,
  renderRss,
  toCorrectionEntry,
  toFeedEntry,
  type FeedArticle,
  type FeedChannel,
} from './feed';

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
    authors: [{ name: 'Voz Staff', path: '/en/author/staff/' }],
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
const channel: FeedChannel = {
  lang: 'en',
  title: 'Voz (English)',
  description: 'News from the United States and the world',
  link: 'https://voz.us/en/',
  self: {
    rss: 'https://voz.us/en/rss.xml',
    atom: 'https://voz.us/en/atom.xml',
    json: 'https://voz.us/en/feed.json',
  },
  buildTime: new Date('2026-11-28T18:00:00Z'),
};

function entriesOf(articles: FeedArticle[], html = '<p>Body</p>') {
  return articles.map((a) => toFeedEntry(a, { site, html, image: a.hero ? image : undefined }));
}

const xmlParser = new XMLParser({
  ignoreAttributes: false,
  isArray: (name) => ['item', 'entry', 'category', 'dc:creator', 'author'].includes(name),
});

async function rssChannel(articles: FeedArticle[], html?: string) {
  const xml = await renderRss(channel, entriesOf(articles, html));
  expect(() => SyntaxValidator.validate(xml)).not.toThrow();
  return xmlParser.parse(xml).rss.channel;
}

describe('the RSS serialiser', () => {
  it('describes the channel with language, ttl and a self link', async () => {
    const rss = await rssChannel([makeArticle()]);
    expect(rss.title).toBe('Voz (English)');
    expect(rss.link).toBe('https://voz.us/en/');
    expect(rss.language).toBe('en-US');
    expect(rss.ttl).toBe(15);
    expect(rss['atom:link']['@_href']).toBe('https://voz.us/en/rss.xml');
    expect(rss['atom:link']['@_rel']).toBe('self');
  });

  it('gives each item an absolute permalink, the dek and the publication date', async () => {
    const [item] = (await rssChannel([makeArticle()])).item;
    expect(item.link).toBe('https://voz.us/en/2024/11/12/north-korea-russia-treaty/');
    expect(item.guid['#text']).toBe(item.link);
    expect(item.description).toBe('The agreement establishes a mutual defense mechanism.');
    expect(new Date(item.pubDate).toISOString()).toBe('2024-11-12T16:30:00.000Z');
  });

  it('credits every author as dc:creator and files the item under section and tags', async () => {
    const [item] = (
      await rssChannel([
        makeArticle({ authors: [{ name: 'Ana Martínez' }, { name: 'Luis Ortega' }] }),
      ])
    ).item;
    expect(item['dc:creator']).toEqual(['Ana Martínez', 'Luis Ortega']);
    expect(item.category).toEqual(['World', 'North Korea', 'Russia']);
  });

  it('carries the hero as media:content with type, size, caption and credit', async () => {
    const media = (await rssChannel([makeArticle()])).item[0]['media:content'];
    expect(media['@_url']).toBe(image.url);
    expect(media['@_type']).toBe('image/jpeg');
    expect(media['@_width']).toBe('1200');
    expect(media['media:credit']).toBe('AFP');
    expect(media['media:description']).toBe('Vladimir Putin and Kim Jong Un');
  });

  it('leaves media:content out when the article has no hero', async () => {
    expect(
      (await rssChannel([makeArticle({ hero: undefined })])).item[0]['media:content'],
    ).toBeUndefined();
  });

  it('puts the full body, with the hero figure, in content:encoded', async () => {
    const content: string = (await rssChannel([makeArticle()], '<p>First paragraph.</p>')).item[0][
      'content:encoded'
    ];
    expect(content).toContain('<figcaption>Vladimir Putin and Kim Jong Un — AFP</figcaption>');
    expect(content).toContain('<p>First paragraph.</p>');
  });
});

describe('the three serialisers over the same entries', () => {
  const hostile = 'AT&T "outage" <b>bold</b> 5 > 3 ]]> it\'s 🚀 </script>';
  const articles = [
    makeArticle({
      title: hostile,
      dek: hostile,
      tags: [hostile],
      hero: { alt: hostile, caption: hostile, credit: hostile },
    }),
    makeArticle({
      title: 'Second',
      path: '/en/2024/11/13/second/',
      publishedAt: new Date('2024-11-13T08:00:00-06:00'),
      updatedAt: new Date('2024-11-13T12:00:00-06:00'),
      hero: undefined,
    }),
  ];
  const entries = entriesOf(articles, '<p>5 &lt; 6 and <code>]]&gt;</code> 🚀</p>');

  it('agree on every item, as a real feed parser reads them', async () => {
    const rss = parseFeed(await renderRss(channel, entries));
    const atom = parseFeed(renderAtom(channel, entries));
    const json = JSON.parse(renderJsonFeed(channel, entries));
    expect(rss.items.map((i) => [i.url, i.title])).toEqual(
      articles.map((a) => [`${site}${a.path}`, a.title]),
    );
    expect(atom.items.map((i) => [i.url, i.title])).toEqual(
      articles.map((a) => [`${site}${a.path}`, a.title]),
    );
    expect(json.items.map((i: { url: string; title: string }) => [i.url, i.title])).toEqual(
      articles.map((a) => [`${site}${a.path}`, a.title]),
    );
    expect(atom.items.map((i) => i.published?.toISOString())).toEqual(
      json.items.map((i: { date_published: string }) => i.date_published),
    );
    expect(atom.items.map((i) => i.updated?.toISOString())).toEqual([
      '2024-11-12T16:30:00.000Z',
      '2024-11-13T18:00:00.000Z',
    ]);
    const atomXml = new XMLParser({ ignoreAttributes: false, htmlEntities: true }).parse(
      renderAtom(channel, entries),
    );
    expect(atomXml.feed.entry[0].content['#text']).toBe(json.items[0].content_html);
  });

  it('write well-formed Atom with self link and authors', () => {
    const xml = renderAtom(channel, entries);
    expect(() => SyntaxValidator.validate(xml)).not.toThrow();
    const feed = xmlParser.parse(xml).feed;
    expect(feed['@_xml:lang']).toBe('en-US');
    const self = [feed.link].flat().find((l: Record<string, string>) => l['@_rel'] === 'self');
    expect(self['@_href']).toBe('https://voz.us/en/atom.xml');
    expect(feed.entry[0].author[0]).toEqual({
      name: 'Voz Staff',
      uri: 'https://voz.us/en/author/staff/',
    });
    expect(feed.entry[0].title['#text']).toBe(hostile);
  });

  it('write JSON Feed 1.1 with authors, language and the hero image', () => {
    const json = JSON.parse(renderJsonFeed(channel, entries));
    expect(json.version).toBe('https://jsonfeed.org/version/1.1');
    expect(json.feed_url).toBe('https://voz.us/en/feed.json');
    expect(json.language).toBe('en-US');
    expect(json.items[0].authors).toEqual([
      { name: 'Voz Staff', url: 'https://voz.us/en/author/staff/' },
    ]);
    expect(json.items[0].image).toBe(image.url);
    expect(json.items[1].image).toBeUndefined();
    expect(json.items[0].title).toBe(hostile);
  });

  it('keep hostile text as text in RSS', async () => {
    const [item] = (await rssChannel(articles, '<p>x</p>')).item;
    expect(item.title).toBe(hostile);
    expect(item.description).toBe(hostile);
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

// Issue 15: WebSub hub links (W3C WebSub §4: "the publisher MUST include a
// link with rel=hub"), RFC 5005 archive links, and feed dates that depend on
// the stories only, so two builds of the same stories write the same feed.
describe('hub, archive links and feed dates', () => {
  const links = (base: string) => ({
    rss: `${base}rss.xml`,
    atom: `${base}atom.xml`,
    json: `${base}feed.json`,
  });
  const archived: FeedChannel = {
    ...channel,
    hub: 'https://hub.example/',
    history: {
      archive: true,
      current: links('https://voz.us/en/'),
      prev: links('https://voz.us/en/archive/feed/1/'),
      next: links('https://voz.us/en/archive/feed/3/'),
    },
  };
  const entries = entriesOf([makeArticle()]);
  const relsOf = (nodes: Record<string, string>[]) =>
    Object.fromEntries(nodes.map((l) => [l['@_rel'], l['@_href']]));
  const parser = new XMLParser({
    ignoreAttributes: false,
    isArray: (name) => ['atom:link', 'link'].includes(name),
  });

  it('announces the hub and the archive neighbours in RSS, and marks an archive document', async () => {
    const xml = await renderRss(archived, entries);
    expect(() => SyntaxValidator.validate(xml)).not.toThrow();
    const rss = parser.parse(xml).rss;
    expect(rss['@_xmlns:fh']).toBe('http://purl.org/syndication/history/1.0');
    expect(rss.channel).toHaveProperty('fh:archive');
    expect(relsOf(rss.channel['atom:link'])).toEqual({
      self: 'https://voz.us/en/rss.xml',
      hub: 'https://hub.example/',
      current: 'https://voz.us/en/rss.xml',
      'prev-archive': 'https://voz.us/en/archive/feed/1/rss.xml',
      'next-archive': 'https://voz.us/en/archive/feed/3/rss.xml',
    });
  });

  it('links Atom documents to Atom documents', () => {
    const feed = parser.parse(renderAtom(archived, entries)).feed;
    expect(feed).toHaveProperty('fh:archive');
    const rels = relsOf(feed.link);
    expect(rels['prev-archive']).toBe('https://voz.us/en/archive/feed/1/atom.xml');
    expect(rels['hub']).toBe('https://hub.example/');
  });

  it('pages JSON Feed back to the older document and names the hub', () => {
    const json = JSON.parse(renderJsonFeed(archived, entries));
    expect(json.next_url).toBe('https://voz.us/en/archive/feed/1/feed.json');
    expect(json.hubs).toEqual([{ type: 'WebSub', url: 'https://hub.example/' }]);
  });

  it('says nothing of hubs or archives when none is configured', async () => {
    const xml = await renderRss(channel, entries);
    expect(xml).not.toMatch(/rel="hub"|archive/);
    expect(JSON.parse(renderJsonFeed(channel, entries))).not.toHaveProperty('hubs');
  });

  it('dates the channel by its newest change, whatever the build time', async () => {
    const later = { ...channel, buildTime: new Date('2030-01-01T00:00:00Z') };
    expect(await renderRss(later, entries)).toBe(await renderRss(channel, entries));
    expect(renderAtom(later, entries)).toBe(renderAtom(channel, entries));
    expect(xmlParser.parse(await renderRss(channel, entries)).rss.channel.lastBuildDate).toBe(
      'Tue, 12 Nov 2024 16:30:00 GMT',
    );
  });
});

// Issue 15: Media RSS 1.5.1, media:credit and media:copyright.
describe('photo rights in Media RSS', () => {
  it('gives the hero its credit and copyright notice', async () => {
    const [item] = (
      await rssChannel([
        makeArticle({
          hero: { alt: 'A river', credit: 'Ana Ruiz / Voz', copyright: '© 2026 Voz Media' },
        }),
      ])
    ).item;
    expect(item['media:content']['media:credit']).toBe('Ana Ruiz / Voz');
    expect(item['media:content']['media:copyright']).toBe('© 2026 Voz Media');
  });

  it('leaves media:copyright out when the photo has none', async () => {
    const [item] = (await rssChannel([makeArticle()])).item;
    expect(item['media:content']).not.toHaveProperty('media:copyright');
  });
});

describe('article kinds and live coverage in feeds', () => {
  it('files an opinion piece under its label first, as a plain-text category (the title stays the headline)', async () => {
    const [item] = (await rssChannel([makeArticle({ kindLabel: 'Opinion' })])).item;
    expect(item.category).toEqual(['Opinion', 'World', 'North Korea', 'Russia']);
    expect(item.title).toBe(makeArticle().title);
  });

  it("gives a live story's item its latest update as its date of change in every format", async () => {
    const latest = new Date('2026-11-28T15:10:00-06:00');
    const article = makeArticle({ publishedAt: new Date('2026-11-28T08:00:00-06:00') });
    const entry = toFeedEntry(article, {
      site,
      html: '<p>Body</p>',
      image: undefined,
      updated: latest,
    });
    const rss = xmlParser.parse(await renderRss(channel, [entry])).rss.channel;
    expect(new Date(rss.item[0].pubDate).toISOString()).toBe('2026-11-28T14:00:00.000Z');
    expect(rss.item[0]['atom:updated']).toBe(latest.toISOString());
    const atom = xmlParser.parse(renderAtom(channel, [entry])).feed;
    expect(atom.entry[0].published).toBe('2026-11-28T14:00:00.000Z');
    expect(atom.entry[0].updated).toBe(latest.toISOString());
    expect(JSON.parse(renderJsonFeed(channel, [entry])).items[0].date_modified).toBe(
      latest.toISOString(),
    );
  });

  it('gives an item never changed no atom:updated', async () => {
    const [item] = (await rssChannel([makeArticle()])).item;
    expect(item).not.toHaveProperty('atom:updated');
  });
});

describe('the corrections feed', () => {
  const correction = {
    url: 'https://voz.us/en/2026/11/24/jobs/#correction-1',
    storyTitle: 'Texas jobless rate holds at 4.1% in October',
    storyUrl: 'https://voz.us/en/2026/11/24/jobs/',
    text: 'The figures were released on Friday, not Thursday.',
    date: new Date('2026-11-25T10:20:00-06:00'),
    authors: [{ name: 'Lucía Herrera', url: 'https://voz.us/en/author/lucia-herrera/' }],
  };

  it('gives each correction its own item, linking to its notice and dated when it was made', async () => {
    const second = { ...correction, url: correction.url.replace('-1', '-2') };
    const entries = [correction, second].map((c) => toCorrectionEntry(c, 'Correction to'));
    const rss = xmlParser.parse(await renderRss(channel, entries)).rss.channel;
    expect(rss.item.map((i: { link: string }) => i.link)).toEqual([correction.url, second.url]);
    expect(rss.item[0].title).toBe('Correction to: Texas jobless rate holds at 4.1% in October');
    expect(rss.item[0].description).toBe(correction.text);
    expect(new Date(rss.item[0].pubDate).toISOString()).toBe('2026-11-25T16:20:00.000Z');
    expect(rss.item[0]['content:encoded']).toContain('href="https://voz.us/en/2026/11/24/jobs/"');
  });
});

describe('escapeXml and the HTML of a correction', () => {
  /** What feed.ts escaped before, one character after another, `&` first. */
  const oneByOne = (text: string) =>
    text
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;');
  const texts = [
    'Trump & Harris <debate> "live" at O\'Hare',
    '&amp; already escaped &lt;b&gt; &apos;',
    'no markup at all',
    '',
  ];

  it.each(texts)('escapes %j as the replaces one by one did', (text) => {
    expect(escapeXml(text)).toBe(oneByOne(text));
  });

  it('writes a correction in HTML with the apostrophe as a number', () => {
    const entry = toCorrectionEntry(
      {
        url: 'https://voz.us/en/2026/11/24/jobs/#correction-1',
        storyTitle: texts[0] ?? '',
        storyUrl: 'https://voz.us/en/2026/11/24/jobs/?a=1&b=2',
        text: texts[1] ?? '',
        date: new Date('2026-11-25T10:20:00-06:00'),
        authors: [],
      },
      'Correction to',
    );
    const html = (text: string) => oneByOne(text).replace(/&apos;/g, '&#39;');
    expect(entry.contentHtml).toContain(`<p>${html(texts[1] ?? '')}</p>`);
    expect(entry.contentHtml).toContain(
      `<a href="https://voz.us/en/2026/11/24/jobs/?a=1&amp;b=2">${html(texts[0] ?? '')}</a>`,
    );
  });
});

import { expect, test } from '@playwright/test';
import { XMLParser } from 'fast-xml-parser';
import { SyntaxValidator } from 'fast-xml-validator';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import robotsParser from 'robots-parser';
import exifr from 'exifr';
import sharp from 'sharp';
import { parse as parseYaml } from 'yaml';
import {
  DIST,
  distFileFor,
  distFiles,
  expectedPublished,
  readDist,
  sitemapPaths,
} from './fixtures';
import { SITE } from '../src/site';

// Issue 15: the rules aggregators publish for the feeds and pages they take,
// checked over every feed and every article of the test build. Each test
// names the rule's source.

const parser = new XMLParser({
  ignoreAttributes: false,
  isArray: (_name, jpath) =>
    [
      'rss.channel.item',
      'rss.channel.atom:link',
      'rss.channel.item.dc:creator',
      'feed.entry',
      'feed.link',
    ].includes(String(jpath)),
});
const rssFeeds = distFiles().filter((file) => file.endsWith('rss.xml'));
const atomFeeds = distFiles().filter((file) => file.endsWith('atom.xml'));
const editionFeeds = SITE.langs.map((lang) => `${lang}/rss.xml`);

type RssItem = Record<string, unknown> & {
  title: string;
  link: string;
  description: string;
  guid: { '#text': string };
  pubDate: string;
  'content:encoded': string;
  'dc:creator'?: string[];
  'media:content'?: Record<string, string>;
};

/** The parts of an RSS channel these rules read. */
interface RssChannel {
  language: string;
  lastBuildDate: string;
  'atom:link': Record<string, string>[];
  item: RssItem[];
}

function rssChannel(file: string): RssChannel {
  const channel = parser.parse(readDist(file)).rss.channel;
  return { ...channel, item: channel.item ?? [] };
}

/** The text of an HTML fragment, as a reader sees it. */
const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&[a-z#0-9]+;/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim();
const words = (text: string) => text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
/** A Markdown body's words, without its markup (links keep their text). */
const markdownWords = (body: string) =>
  words(
    body
      .replace(/<!--[\s\S]*?-->/g, ' ')
      .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/<[^>]+>/g, ' '),
  );

/** RFC 822 dates as RSS 2.0 asks (with a four-digit year, as RFC 1123 amends it). */
const RFC_822 =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} (GMT|[+-]\d{4})$/;
/** RFC 3339 date-times as Atom asks. */
const RFC_3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

test.describe('feeds aggregators take as they are', () => {
  test('there are feeds to check', () => {
    expect(rssFeeds).toEqual(expect.arrayContaining(editionFeeds));
  });

  for (const file of rssFeeds) {
    test.describe(file, () => {
      // Apple News Publisher, "RSS feed requirements": valid RSS 2.0 or Atom
      // in UTF-8.
      test('is well-formed RSS 2.0 in UTF-8 (Apple News)', () => {
        const bytes = new TextDecoder('utf-8', { fatal: true }).decode(
          readFileSync(join(DIST, file)),
        );
        expect(bytes.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
        expect(() => SyntaxValidator.validate(bytes)).not.toThrow();
        expect(parser.parse(bytes).rss['@_version']).toBe('2.0');
      });

      // Apple News: the channel's language with its region (`es-US`).
      test('gives the channel language with its region (Apple News)', () => {
        const lang = file.split('/')[0] as keyof typeof SITE.editions;
        expect(rssChannel(file).language).toBe(SITE.editions[lang].locale);
        expect(rssChannel(file).language).toMatch(/^[a-z]{2,3}-[A-Z]{2}$/);
      });

      // Apple News: every item with title, link and description; titles
      // are plain text (no HTML), and the full text, never a "read more" stub.
      test('gives every item a plain-text title, a link, a description and the full text (Apple News)', () => {
        const published = new Map(expectedPublished().map((a) => [`${SITE.url}${a.path}`, a]));
        for (const item of rssChannel(file).item) {
          expect(String(item.title).trim(), item.link).not.toBe('');
          expect(String(item.title), item.link).not.toMatch(/<\/?[a-z][^>]*>|&[a-z]+;/i);
          expect(String(item.description).trim(), item.link).not.toBe('');
          const text = textOf(item['content:encoded']);
          expect(text, item.link).not.toMatch(
            /\b(read more|continue reading|leer más|seguir leyendo|sigue leyendo)\b/i,
          );
          // A corrections feed's items link to a notice on a published story
          // (`…/#correction-1`) and carry the correction, not the story.
          const [story, notice] = String(item.link).split('#');
          const source = published.get(story ?? '');
          expect(source, `${item.link} is on a published article`).toBeDefined();
          if (notice !== undefined) continue;
          // The whole body: at least as many words as the Markdown source.
          expect(words(text), item.link).toBeGreaterThanOrEqual(
            Math.floor(markdownWords(source?.body ?? '') * 0.95),
          );
        }
      });

      // Flipboard, "RSS specifications for publishers": the full body in
      // content:encoded (above), an author in dc:creator, and a Media RSS
      // image of at least 1,200 px on every item that has a photo.
      test('credits every item with dc:creator and carries each photo at 1,200 px or more (Flipboard)', async () => {
        const published = new Map(expectedPublished().map((a) => [`${SITE.url}${a.path}`, a]));
        for (const item of rssChannel(file).item) {
          expect(item['dc:creator']?.length ?? 0, item.link).toBeGreaterThan(0);
          const source = published.get(item.link);
          const media = item['media:content'];
          expect(Boolean(media), `${item.link} has a photo`).toBe(Boolean(source?.heroFile));
          if (!media || !source?.heroFile) continue;
          const original = await sharp(
            join(
              import.meta.dirname,
              '..',
              'content',
              'articles',
              source.id,
              '..',
              source.heroFile,
            ),
          ).metadata();
          const served = await sharp(join(DIST, new URL(media['@_url'] ?? '').pathname)).metadata();
          expect(media['@_medium']).toBe('image');
          expect(Number(media['@_width'])).toBe(served.width);
          // Photos narrower than 1,200 px are published with a warning
          // (README, "Images"); they cannot be enlarged.
          expect(served.width, item.link).toBeGreaterThanOrEqual(Math.min(1200, original.width));
        }
      });

      // MSN Partner Hub feed requirements: HTTPS links, a unique id per
      // item, dates in RFC 822 (RSS) or RFC 3339 (Atom).
      test('uses HTTPS, a unique guid per item and RFC 822 dates (MSN)', () => {
        const channel = rssChannel(file);
        const guids = channel.item.map((item) => item.guid['#text']);
        expect(new Set(guids).size).toBe(guids.length);
        expect(RFC_822.test(channel.lastBuildDate), channel.lastBuildDate).toBe(true);
        for (const item of channel.item) {
          expect(item.link).toMatch(/^https:\/\//);
          expect(item.guid['#text']).toMatch(/^https:\/\//);
          expect(RFC_822.test(item.pubDate), item.pubDate).toBe(true);
          if (item['media:content']) expect(item['media:content']['@_url']).toMatch(/^https:\/\//);
        }
        for (const link of channel['atom:link'] as Record<string, string>[]) {
          expect(link['@_href']).toMatch(/^https:\/\//);
        }
      });

      // W3C WebSub §4: a feed names its hub with rel="hub".
      test('names the configured WebSub hub', () => {
        const hubs = (rssChannel(file)['atom:link'] as Record<string, string>[])
          .filter((l) => l['@_rel'] === 'hub')
          .map((l) => l['@_href']);
        expect(hubs).toEqual(SITE.distribution?.websubHub ? [SITE.distribution.websubHub] : []);
      });
    });
  }

  for (const file of atomFeeds) {
    // MSN: RFC 3339 dates and a unique id per entry in Atom too.
    test(`${file} gives each entry a unique id and RFC 3339 dates (MSN)`, () => {
      const feed = parser.parse(readDist(file)).feed;
      const entries = (feed.entry ?? []) as Record<string, string>[];
      const ids = entries.map((e) => e['id']);
      expect(new Set(ids).size).toBe(ids.length);
      expect(feed.updated).toMatch(RFC_3339);
      for (const entry of entries) {
        expect(entry['published']).toMatch(RFC_3339);
        expect(entry['updated']).toMatch(RFC_3339);
      }
    });
  }

  // Flipboard: at least 30 items in each edition feed where the archive has them.
  for (const file of editionFeeds) {
    test(`${file} carries at least 30 items, or every story when there are fewer (Flipboard)`, () => {
      const lang = file.split('/')[0] as (typeof SITE.langs)[number];
      const items = rssChannel(file).item.length;
      expect(SITE.feedSize).toBeGreaterThanOrEqual(30);
      expect(items).toBe(Math.min(expectedPublished(lang).length, SITE.feedSize));
    });
  }
});

test.describe('who may reuse the work', () => {
  const robots = robotsParser(`${SITE.url}/robots.txt`, readDist('robots.txt'));
  const pages = sitemapPaths().map((path) => `${SITE.url}${path}`);
  const policy = SITE.distribution;

  // Google Search Central, "robots.txt introduction" and Bing Webmaster
  // Guidelines: search crawlers must be able to read every page.
  test('robots.txt lets Googlebot and Bingbot read every page in the sitemap', () => {
    expect(pages.length).toBeGreaterThan(10);
    for (const agent of ['Googlebot', 'Googlebot-News', 'Googlebot-Image', 'Bingbot']) {
      const blocked = pages.filter((url) => !robots.isAllowed(url, agent));
      expect(blocked, agent).toEqual([]);
    }
  });

  // OpenAI, Common Crawl, Google, Apple, Anthropic, ByteDance and Meta
  // publish these tokens for their training crawlers.
  test('robots.txt keeps the AI training crawlers out as configured', () => {
    const expected = policy?.aiTraining !== 'allow' ? false : true;
    for (const agent of [
      'GPTBot',
      'CCBot',
      'Google-Extended',
      'Applebot-Extended',
      'ClaudeBot',
      'Bytespider',
      'Meta-ExternalAgent',
    ]) {
      expect(robots.isAllowed(pages[0] ?? '', agent), agent).toBe(expected);
    }
  });

  test('robots.txt treats AI search and user-fetch agents apart from training crawlers', () => {
    const expected = policy?.aiSearch !== 'disallow';
    for (const agent of ['OAI-SearchBot', 'ChatGPT-User', 'Claude-User', 'PerplexityBot']) {
      expect(robots.isAllowed(pages[0] ?? '', agent), agent).toBe(expected);
    }
  });

  // W3C TDM Reservation Protocol (TDMRep), §4.1 and §4.2: the reservation
  // in /.well-known/tdmrep.json and in an HTTP header, saying the same.
  test('reserves text and data mining in tdmrep.json and the tdm-reservation header alike', () => {
    const rules = JSON.parse(readDist('.well-known/tdmrep.json')) as Record<string, unknown>[];
    const reserved = (policy?.tdm.reserved ?? true) ? 1 : 0;
    expect(rules).toEqual([
      expect.objectContaining({ location: '/*', 'tdm-reservation': reserved }),
    ]);
    const headers = readDist('_headers');
    const global = headers.split(/\n(?=\S)/).find((block) => block.startsWith('/*\n')) ?? '';
    expect(global).toMatch(new RegExp(`^\\s+tdm-reservation: ${reserved}$`, 'm'));
  });

  // IndexNow, "Using the API": the key is proven by a file at /<key>.txt
  // holding the key.
  test('publishes the IndexNow key file from the configuration', () => {
    const key = policy?.indexNow?.key;
    test.skip(!key, 'no IndexNow key configured');
    expect(readDist(`${key}.txt`)).toBe(key);
  });
});

test.describe('Google Discover and Top Stories', () => {
  const articlePaths = sitemapPaths().filter((path) =>
    /^\/(es|en)\/\d{4}\/\d{2}\/\d{2}\/[^/]+\/$/.test(path),
  );
  const withPhoto = new Set(
    expectedPublished()
      .filter((a) => a.heroFile)
      .map((a) => a.path),
  );

  for (const path of articlePaths) {
    const html = readDist(distFileFor(path) ?? '');
    const article = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)]
      .map((m) => JSON.parse(m[1] ?? '{}'))
      // Every kind's type (src/lib/article-kinds.ts): NewsArticle and its
      // Analysis and Opinion subtypes, LiveBlogPosting for live coverage.
      .find((d) => /NewsArticle$|^LiveBlogPosting$/.test(String(d['@type'])));

    // Google Search Central, "Get on Discover": large images need
    // max-image-preview:large.
    test(`${path} allows large image previews (Discover)`, () => {
      const robots = /<meta name="robots" content="([^"]*)"/.exec(html)?.[1] ?? '';
      expect(robots.split(/,\s*/)).toContain('max-image-preview:large');
    });

    // Google Search Central, "Article structured data": authors as Person
    // with a url that identifies them.
    test(`${path} names every author as a Person with the URL of an author page that exists`, () => {
      expect(article.author.length).toBeGreaterThan(0);
      for (const author of article.author) {
        expect(author['@type']).toBe('Person');
        expect(author.url).toMatch(new RegExp(`^${SITE.url}/(es|en)/author/[^/]+/$`));
        expect(distFileFor(new URL(author.url).pathname), author.url).toBeDefined();
      }
    });

    // Mastodon 4.3 ("Highlighting journalism on Mastodon"): the author's
    // handle in fediverse:creator, for each author whose YAML gives one.
    test(`${path} names its authors' fediverse handles, and only theirs`, () => {
      const handles = (article.author as { url: string }[]).flatMap((author) => {
        const id = new URL(author.url).pathname.split('/').at(-2) ?? '';
        const yaml = parseYaml(
          readFileSync(join(import.meta.dirname, '..', 'content', 'authors', `${id}.yaml`), 'utf8'),
        ) as { fediverse?: string };
        return yaml.fediverse ? [yaml.fediverse] : [];
      });
      const meta = [...html.matchAll(/<meta name="fediverse:creator" content="([^"]*)"/g)].map(
        (m) => m[1],
      );
      expect(meta).toEqual([...new Set(handles)]);
    });

    if (withPhoto.has(path)) {
      // "Article structured data": images in 16x9, 4x3 and 1x1, at least
      // 1,200 px wide for Discover.
      test(`${path} offers its photo at 16:9, 4:3 and 1:1, each at least 1,200 px wide`, async () => {
        const ratios: string[] = [];
        for (const image of article.image as (string | { url: string })[]) {
          const url = typeof image === 'string' ? image : image.url;
          const { width = 0, height = 1 } = await sharp(
            join(DIST, distFileFor(new URL(url).pathname) ?? ''),
          ).metadata();
          expect(width, url).toBeGreaterThanOrEqual(1200);
          const ratio = width / height;
          ratios.push(
            Math.abs(ratio - 16 / 9) < 0.02
              ? '16:9'
              : Math.abs(ratio - 4 / 3) < 0.02
                ? '4:3'
                : Math.abs(ratio - 1) < 0.02
                  ? '1:1'
                  : String(ratio),
          );
        }
        expect(ratios.sort()).toEqual(['16:9', '1:1', '4:3']);
      });
    }
  }
});

test('at least one article names an author on the fediverse', () => {
  const pages = sitemapPaths().map((path) => readDist(distFileFor(path) ?? ''));
  expect(pages.some((html) => html.includes('<meta name="fediverse:creator"'))).toBe(true);
});

test.describe('photo rights travel with the photo', () => {
  const CONTENT = join(import.meta.dirname, '..', 'content', 'articles');
  const withPhoto = expectedPublished().filter((a) => a.heroFile);
  const originalOf = (a: (typeof withPhoto)[number]) => join(CONTENT, a.id, '..', a.heroFile ?? '');

  /** What the frontmatter says of the hero's rights. */
  function frontmatterRights(a: (typeof withPhoto)[number]) {
    const text = readFileSync(join(CONTENT, `${a.id}.md`), 'utf8');
    const hero =
      (
        parseYaml(/^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '') as {
          hero?: Record<string, string>;
        }
      ).hero ?? {};
    return { credit: hero['credit'], copyright: hero['copyright'], creator: hero['creator'] };
  }

  /** The rights a photo file states, read with exifr (XMP, then IPTC, then EXIF). */
  async function embeddedRights(path: string) {
    const m = ((await exifr.parse(path, {
      xmp: true,
      iptc: true,
      tiff: true,
      mergeOutput: true,
    })) ?? {}) as Record<string, unknown>;
    const text = (v: unknown): string | undefined =>
      typeof v === 'string'
        ? v
        : Array.isArray(v)
          ? text(v[0])
          : v && typeof v === 'object' && 'value' in v
            ? text((v as { value: unknown }).value)
            : undefined;
    return {
      credit: text(m['Credit']),
      copyright: text(m['rights']) ?? text(m['CopyrightNotice']) ?? text(m['Copyright']),
      creator: text(m['creator']) ?? text(m['Byline']) ?? text(m['Artist']),
    };
  }

  test('the sample content has a photo whose rights and location are only in its metadata', async () => {
    const found = [];
    for (const a of withPhoto) {
      const gps = await exifr.gps(originalOf(a)).catch(() => undefined);
      if (gps && !frontmatterRights(a).credit && (await embeddedRights(originalOf(a))).credit)
        found.push(a.id);
    }
    expect(found.length).toBeGreaterThan(0);
  });

  for (const a of withPhoto) {
    // Google Search Central, "Image metadata in Google Images" (creditText,
    // copyrightNotice, creator); Media RSS 1.5.1 (media:credit,
    // media:copyright); IPTC Photo Metadata in XMP in the served JPEG.
    test(`${a.path}: credit, copyright and creator in structured data, the feed and the feed's JPEG`, async () => {
      const own = frontmatterRights(a);
      const found = await embeddedRights(originalOf(a));
      const expected = {
        credit: own.credit ?? found.credit,
        copyright: own.copyright ?? found.copyright,
        creator: own.creator ?? found.creator,
      };
      const html = readDist(distFileFor(a.path) ?? '');
      const article = [
        ...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g),
      ]
        .map((m) => JSON.parse(m[1] ?? '{}'))
        // Every kind's type (src/lib/article-kinds.ts): NewsArticle and its
        // Analysis and Opinion subtypes, LiveBlogPosting for live coverage.
        .find((d) => /NewsArticle$|^LiveBlogPosting$/.test(String(d['@type'])));
      for (const image of article.image as Record<string, unknown>[]) {
        if (!expected.credit && !expected.copyright && !expected.creator) {
          expect(typeof image).toBe('string');
          continue;
        }
        expect(image['creditText']).toBe(expected.credit);
        expect(image['copyrightNotice']).toBe(expected.copyright);
        expect((image['creator'] as { name?: string } | undefined)?.name).toBe(expected.creator);
      }
      const item = rssChannel(`${a.lang}/rss.xml`).item.find(
        (i) => i.link === `${SITE.url}${a.path}`,
      );
      const media = item?.['media:content'] as Record<string, string> | undefined;
      expect(media?.['media:credit']).toBe(expected.credit);
      expect(media?.['media:copyright']).toBe(expected.copyright);
      const served = await embeddedRights(join(DIST, new URL(media?.['@_url'] ?? '').pathname));
      expect(served).toEqual(expected);
    });
  }

  // No served image keeps the original's EXIF, so none carries its GPS position.
  test('no image the site serves carries EXIF, so none says where a photo was taken', async () => {
    const images = distFiles().filter(
      (f) => /\.(jpe?g|png|webp|avif)$/i.test(f) && !f.startsWith('icon') && f !== 'logo.png',
    );
    expect(images.length).toBeGreaterThan(10);
    const withExif: string[] = [];
    for (const file of images) {
      const meta = await sharp(join(DIST, file)).metadata();
      if (meta.exif) withExif.push(file);
    }
    expect(withExif).toEqual([]);
  });
});

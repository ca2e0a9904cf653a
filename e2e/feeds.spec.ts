import { parseFeed } from '@rowanmanning/feed-parser';
import { expect, test } from '@playwright/test';
import { XMLParser } from 'fast-xml-parser';
import { SyntaxValidator } from 'fast-xml-validator';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, asTyped, distFiles, expectedPublished, readDist, sectionPaths } from './fixtures';
import { SITE } from '../src/site';

const SITE_URL = SITE.url;

for (const lang of SITE.langs) {
  test.describe(`the ${lang} RSS feed`, () => {
    const xml = readDist(`${lang}/rss.xml`);
    const published = expectedPublished(lang);

    test('is well-formed XML', () => {
      expect(() => SyntaxValidator.validate(xml)).not.toThrow();
    });

    test('lists exactly the published articles of its edition, newest first', () => {
      const feed = parseFeed(xml);
      expect(feed.items.map((item) => item.url)).toEqual(
        published.slice(0, SITE.feedSize).map((a) => `${SITE_URL}${a.path}`),
      );
      expect(feed.items.map((item) => asTyped(item.title))).toEqual(
        published.map((a) => asTyped(a.title)),
      );
    });

    test('gives each item a dek, a date, an author, categories and the full body', () => {
      const feed = parseFeed(xml);
      for (const [index, item] of feed.items.entries()) {
        const article = published[index];
        expect(asTyped(item.description)).toBe(asTyped(article?.dek));
        expect(item.published?.getTime()).toBe(
          Math.floor((article?.publishedAt.getTime() ?? 0) / 1000) * 1000,
        );
        expect(item.authors.length).toBeGreaterThan(0);
        expect(item.categories.length).toBeGreaterThan(0);
        expect(item.content?.length ?? 0).toBeGreaterThan(article?.dek.length ?? 0);
      }
    });

    test('advertises itself and uses only absolute URLs in items', () => {
      const parsed = new XMLParser({ ignoreAttributes: false }).parse(xml);
      const channel = parsed.rss.channel;
      const self = [channel['atom:link']]
        .flat()
        .find((link: Record<string, string>) => link['@_rel'] === 'self');
      expect(self['@_href']).toBe(`${SITE_URL}/${lang}/rss.xml`);
      const items = [channel.item].flat();
      for (const item of items) {
        const content: string = item['content:encoded'];
        for (const [, url] of content.matchAll(/\s(?:href|src)="([^"]*)"/g)) {
          expect(url, `in ${item.link}`).toMatch(/^(https?:|mailto:|#)/);
        }
      }
    });

    test('carries each hero as media:content that exists in the build', () => {
      const parsed = new XMLParser({ ignoreAttributes: false }).parse(xml);
      const items = [parsed.rss.channel.item].flat();
      const withHero = published.filter((a) => a.heroFile);
      const media = items.flatMap((item) => (item['media:content'] ? [item['media:content']] : []));
      expect(media.length).toBe(withHero.length);
      for (const entry of media) {
        expect(entry['@_type']).toBe('image/jpeg');
        expect(Number(entry['@_width'])).toBeGreaterThanOrEqual(400);
        const path = new URL(entry['@_url']).pathname;
        expect(existsSync(join(DIST, path)), `${path} exists in dist`).toBe(true);
      }
    });
  });
}

test.describe('section and author feeds', () => {
  for (const lang of SITE.langs) {
    const published = expectedPublished(lang);

    for (const [id, paths] of sectionPaths()) {
      const expected = published.filter((a) => a.section === id);
      if (expected.length === 0) continue;
      test(`${paths[lang]}rss.xml carries exactly that section's ${lang} articles`, () => {
        const feed = parseFeed(readDist(`${paths[lang].slice(1)}rss.xml`));
        expect(feed.items.map((item) => item.url)).toEqual(
          expected.map((a) => `${SITE_URL}${a.path}`),
        );
      });
    }

    const authors = [...new Set(published.flatMap((a) => a.authors))];
    for (const author of authors) {
      test(`/${lang}/author/${author}/rss.xml carries exactly that author's ${lang} articles`, () => {
        const xml = readDist(`${lang}/author/${author}/rss.xml`);
        expect(() => SyntaxValidator.validate(xml)).not.toThrow();
        const feed = parseFeed(xml);
        expect(feed.items.map((item) => item.url)).toEqual(
          published.filter((a) => a.authors.includes(author)).map((a) => `${SITE_URL}${a.path}`),
        );
      });
    }
  }

  test('section pages advertise their own feed before the edition feed', async ({ page }) => {
    await page.goto('/es/mundo/');
    const feeds = await page
      .locator('link[rel="alternate"][type="application/rss+xml"]')
      .evaluateAll((links) => links.map((l) => l.getAttribute('href')));
    expect(feeds).toEqual([`${SITE_URL}/es/mundo/rss.xml`, `${SITE_URL}/es/rss.xml`]);
  });
});

test.describe('Atom and JSON Feed beside every RSS feed', () => {
  const bases = distFiles()
    .filter((file) => file.endsWith('rss.xml'))
    .map((file) => file.replace(/rss\.xml$/, ''));

  test('exist for the editions, sections and authors', () => {
    expect(bases).toEqual(expect.arrayContaining(['es/', 'en/', 'es/mundo/', 'en/author/staff/']));
  });

  for (const base of bases) {
    test(`/${base}: RSS, Atom and JSON Feed parse and list the same items`, () => {
      const atomXml = readDist(`${base}atom.xml`);
      expect(() => SyntaxValidator.validate(atomXml)).not.toThrow();
      const rss = parseFeed(readDist(`${base}rss.xml`));
      const atom = parseFeed(atomXml);
      const json = JSON.parse(readDist(`${base}feed.json`)) as {
        version: string;
        feed_url: string;
        items: { url: string; title: string; date_published: string }[];
      };
      expect(json.version).toBe('https://jsonfeed.org/version/1.1');
      expect(json.feed_url).toBe(`${SITE_URL}/${base}feed.json`);
      const fromRss = rss.items.map((i) => [i.url, i.title, i.published?.toISOString()]);
      expect(fromRss.length).toBeGreaterThan(0);
      expect(atom.items.map((i) => [i.url, i.title, i.published?.toISOString()])).toEqual(fromRss);
      expect(json.items.map((i) => [i.url, i.title, i.date_published])).toEqual(fromRss);
    });
  }

  test('pages advertise RSS, Atom and JSON Feed', async ({ page }) => {
    await page.goto('/en/');
    for (const [type, file] of [
      ['application/rss+xml', 'rss.xml'],
      ['application/atom+xml', 'atom.xml'],
      ['application/feed+json', 'feed.json'],
    ]) {
      await expect(page.locator(`link[rel="alternate"][type="${type}"]`)).toHaveAttribute(
        'href',
        `${SITE_URL}/en/${file}`,
      );
    }
  });
});

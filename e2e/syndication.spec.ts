import { expect, test } from '@playwright/test';
import { XMLParser } from 'fast-xml-parser';
import { SyntaxValidator } from 'fast-xml-validator';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import {
  DIST,
  buildTime,
  distFileFor,
  distFiles,
  expectedPublished,
  readDist,
  sitemapPaths,
} from './fixtures';
import { SITE } from '../src/site';

// Every kind's structured data type (src/lib/article-kinds.ts) is a NewsArticle or a LiveBlogPosting.
const ARTICLE_TYPES = [
  'NewsArticle',
  'AnalysisNewsArticle',
  'OpinionNewsArticle',
  'LiveBlogPosting',
];

const SITE_URL = SITE.url;
const articlePaths = sitemapPaths().filter((path) =>
  /^\/(es|en)\/\d{4}\/\d{2}\/\d{2}\/[^/]+\/$/.test(path),
);

function headOf(path: string) {
  const html = readDist(distFileFor(path) ?? '');
  const meta = (property: string) =>
    [...html.matchAll(/<meta (?:property|name)="([^"]+)" content="([^"]*)"/g)]
      .filter((m) => m[1] === property)
      .map((m) => m[2] ?? '');
  const jsonLd = [
    ...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g),
  ].map((m) => JSON.parse(m[1] ?? '{}'));
  const canonical = /<link rel="canonical" href="([^"]+)"/.exec(html)?.[1];
  return { html, meta, jsonLd, canonical };
}

test('the sitemap lists the articles these checks cover', () => {
  expect(articlePaths.length).toBe(expectedPublished().length);
});

for (const path of articlePaths) {
  test.describe(path, () => {
    const { meta, jsonLd, canonical, html } = headOf(path);
    const article = jsonLd.find((d) => ARTICLE_TYPES.includes(d['@type']));

    test('has NewsArticle data with every field search engines ask for', () => {
      expect(article).toBeDefined();
      for (const field of [
        'headline',
        'description',
        'image',
        'datePublished',
        'dateModified',
        'author',
        'publisher',
        'mainEntityOfPage',
        'inLanguage',
        'articleSection',
      ]) {
        expect(article, field).toHaveProperty(field);
      }
      expect(article.datePublished).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
      expect(article.author[0]).toMatchObject({
        '@type': 'Person',
        url: expect.stringMatching(/^https:\/\/voz\.us\/(es|en)\/author\//),
      });
      expect(article.publisher['@type']).toBe('NewsMediaOrganization');
      expect(article.mainEntityOfPage['@id']).toBe(`${SITE_URL}${path}`);
      expect(JSON.stringify(article)).not.toMatch(/undefined|null|""/);
      expect(jsonLd.some((d) => d['@type'] === 'BreadcrumbList')).toBe(true);
    });

    test('offers structured-data images at least 1200 px wide that exist in the build', async () => {
      // Plain URLs, or ImageObjects carrying the photo's rights (issue 15).
      for (const image of article.image as (string | { url: string })[]) {
        const url = typeof image === 'string' ? image : image.url;
        const file = distFileFor(new URL(url).pathname);
        expect(file, url).toBeDefined();
        const { width } = await sharp(join(DIST, file ?? '')).metadata();
        expect(width).toBeGreaterThanOrEqual(1200);
      }
    });

    test('has a 1200×630 share image that exists in the build', async () => {
      const [image] = meta('og:image');
      const file = distFileFor(new URL(image ?? '').pathname);
      expect(file, image).toBeDefined();
      const { width, height } = await sharp(join(DIST, file ?? '')).metadata();
      expect([width, height]).toEqual([1200, 630]);
      expect(meta('twitter:card')).toEqual(['summary_large_image']);
    });

    test('points its canonical URL at itself, absolutely', () => {
      expect(canonical).toBe(`${SITE_URL}${path}`);
      expect(meta('og:url')).toEqual([`${SITE_URL}${path}`]);
    });

    test('describes itself to Open Graph as an article with times, section and tags', () => {
      expect(meta('og:type')).toEqual(['article']);
      expect(meta('article:published_time')[0]).toBe(article.datePublished);
      expect(meta('article:modified_time')[0]).toBe(article.dateModified);
      expect(meta('article:section')).toEqual([article.articleSection]);
      expect(meta('article:tag')).toEqual(article.keywords ?? []);
      expect(meta('og:locale:alternate').length).toBeGreaterThan(0);
      expect(meta('robots')).toEqual(['max-image-preview:large']);
      expect(html).not.toContain('content="undefined"');
    });
  });
}

test('every share card in the build is a whole 1200×630 JPEG', async () => {
  // Stories with the same headline and section share a card, drawn while
  // other pages render: each must go out whole, never empty or cut short.
  const cards = distFiles().filter((file) => /^og\/.+\.jpg$/.test(file));
  expect(cards.length).toBeGreaterThan(0);
  for (const card of cards) {
    const bytes = readFileSync(join(DIST, card));
    expect([bytes[0], bytes[1], bytes.at(-2), bytes.at(-1)], card).toEqual([
      0xff, 0xd8, 0xff, 0xd9,
    ]);
    // Decoding every pixel fails on a truncated file.
    const { info } = await sharp(bytes, { failOn: 'truncated' })
      .raw()
      .toBuffer({ resolveWithObject: true });
    expect([info.width, info.height], card).toEqual([1200, 630]);
  }
});

test('a corrected article dates its modification at the correction and lists it', () => {
  const corrected = articlePaths
    .map((path) => headOf(path).jsonLd.find((d) => ARTICLE_TYPES.includes(d['@type'])))
    .find((a) => a?.correction);
  expect(corrected).toBeDefined();
  const latest = corrected.correction
    .map((c: { datePublished: string }) => c.datePublished)
    .sort()
    .at(-1);
  expect(corrected.dateModified).toBe(latest);
});

test.describe('the Google News sitemap', () => {
  const xml = readDist('news-sitemap.xml');
  const parsed = new XMLParser({ isArray: (name) => name === 'url' }).parse(xml);
  const urls: { loc: string; 'news:news': Record<string, unknown> }[] = parsed.urlset.url ?? [];

  test('is well-formed and listed in the sitemap index and robots.txt', () => {
    expect(() => SyntaxValidator.validate(xml)).not.toThrow();
    expect(readDist('sitemap-index.xml')).toContain(`${SITE_URL}/news-sitemap.xml`);
    expect(readDist('robots.txt')).toContain(`Sitemap: ${SITE_URL}/news-sitemap.xml`);
  });

  test('lists exactly the articles of the 48 hours before the build', () => {
    const from = buildTime.getTime() - 48 * 3_600_000;
    const expected = expectedPublished().filter((a) => a.publishedAt.getTime() > from);
    expect(expected.length).toBeGreaterThan(0);
    expect(urls.map((u) => u.loc).sort()).toEqual(
      expected.map((a) => `${SITE_URL}${a.path}`).sort(),
    );
  });

  test('names the publication and language of each', () => {
    for (const url of urls) {
      const news = url['news:news'] as Record<string, Record<string, string>>;
      expect(news['news:publication']?.['news:name']).toBe('Voz');
      expect(['es', 'en']).toContain(news['news:publication']?.['news:language']);
    }
  });
});

test('the general sitemap dates each article and lists hero images', () => {
  const xml = readDist('sitemap-0.xml');
  for (const path of articlePaths) {
    const entry = xml
      .split('<url>')
      .find((chunk) => chunk.startsWith(`<loc>${SITE_URL}${path}</loc>`));
    expect(entry, path).toContain('<lastmod>');
  }
  expect(xml).toContain('<image:loc>');
});

test('front pages describe the outlet as a WebSite and NewsMediaOrganization', () => {
  const types = headOf('/es/').jsonLd.flatMap((d) =>
    (d['@graph'] ?? [d]).map((n: { '@type': string }) => n['@type']),
  );
  expect(types).toEqual(expect.arrayContaining(['WebSite', 'NewsMediaOrganization']));
});

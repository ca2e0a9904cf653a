import { expect, test } from '@playwright/test';
import { distFileFor, distFiles, expectedPublished, internalLinks, readDist } from './fixtures';

const pages = distFiles().filter((file) => file.endsWith('.html'));
const pathOf = (file: string) => `/${file.replace(/index\.html$/, '')}`;

test('every internal link, image and srcset in every page resolves to a file in dist/', () => {
  const broken: string[] = [];
  for (const file of pages) {
    for (const link of internalLinks(readDist(file), pathOf(file))) {
      if (!distFileFor(link)) broken.push(`${file} → ${link}`);
    }
  }
  expect(broken).toEqual([]);
});

test('every link and image in every feed resolves to a file in dist/', () => {
  const feeds = distFiles().filter((file) => /(rss\.xml|atom\.xml|feed\.json)$/.test(file));
  expect(feeds.length).toBeGreaterThan(2);
  const broken: string[] = [];
  for (const feed of feeds) {
    const xml = readDist(feed);
    const urls = [...xml.matchAll(/https:\/\/voz\.us(\/[^"<\s&\\]*)/g)].map((m) => m[1] ?? '');
    // A fragment (`#correction-1`) names a place in the page, not a file.
    for (const path of urls.map((url) => url.replace(/#.*$/, ''))) {
      if (!distFileFor(path)) broken.push(`${feed} → ${path}`);
    }
  }
  expect(broken).toEqual([]);
});

for (const lang of ['es', 'en'] as const) {
  test(`a reader browsing the ${lang} edition from its front page reaches every published article`, () => {
    const seen = new Set<string>();
    const queue = [`/${lang}/`];
    while (queue.length > 0) {
      const path = queue.shift() ?? '';
      if (seen.has(path)) continue;
      seen.add(path);
      const file = distFileFor(path);
      if (!file?.endsWith('.html')) continue;
      for (const link of internalLinks(readDist(file), path)) {
        if (link.startsWith(`/${lang}/`) && link.endsWith('/') && !seen.has(link)) queue.push(link);
      }
    }
    const unreachable = expectedPublished(lang)
      .map((a) => a.path)
      .filter((path) => !seen.has(path));
    expect(unreachable).toEqual([]);
  });
}

import { expect, test } from '@playwright/test';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DIST, distFileFor, expectedPublished, readDist } from './fixtures';

// Byte budgets for readers on phones. Bytes are deterministic, so these are
// tests; timings are measured by `npm run bench`, never here.
const KB = 1024;
const gz = (text: string) => gzipSync(text, { level: 9 }).length;

const articles = expectedPublished();

function stylesheetsOf(html: string): string[] {
  return [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1] ?? '');
}

for (const article of articles) {
  test(`${article.path} stays within its byte budget`, () => {
    const html = readDist(distFileFor(article.path) ?? '');
    expect(gz(html), 'article HTML, gzipped').toBeLessThanOrEqual(15 * KB);
    const inline = [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)]
      .map((m) => m[1] ?? '')
      .join('');
    const linked = stylesheetsOf(html)
      .map((href) => readDist(distFileFor(href) ?? ''))
      .join('');
    expect(gz(inline + linked), 'all CSS of the page, gzipped').toBeLessThanOrEqual(10 * KB);
    expect(html, 'no JavaScript on article pages').not.toMatch(
      /<script(?![^>]*type="application\/ld\+json")/,
    );
  });
}

test('the hero a phone loads is AVIF of at most 60 KB', async ({ browser }) => {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 1.75,
  });
  const page = await context.newPage();
  const withHero = articles.filter((a) => a.heroFile);
  expect(withHero.length).toBeGreaterThan(0);
  for (const article of withHero) {
    await page.goto(article.path);
    const img = page.locator('figure picture img');
    await expect(img).toHaveJSProperty('complete', true);
    const current = new URL(await img.evaluate((el: HTMLImageElement) => el.currentSrc)).pathname;
    expect(current, article.path).toMatch(/\.avif$/);
    expect(statSync(join(DIST, current)).size, current).toBeLessThanOrEqual(60 * KB);
  }
  await context.close();
});

test('no full-size re-encoded fallback is wider than the largest srcset width', async ({
  page,
}) => {
  const withHero = articles.filter((a) => a.heroFile);
  for (const article of withHero.slice(0, 3)) {
    await page.goto(article.path);
    const img = page.locator('figure picture img');
    const [src, widthAttr] = await img.evaluate((el: HTMLImageElement) => [
      el.getAttribute('src'),
      el.getAttribute('width'),
    ]);
    const fallbackWidth = await page.evaluate(async (url) => {
      const i = new Image();
      i.src = url ?? '';
      await i.decode();
      return i.naturalWidth;
    }, src);
    expect(fallbackWidth).toBeLessThanOrEqual(1600);
    expect(Number(widthAttr)).toBeLessThanOrEqual(1600);
  }
});

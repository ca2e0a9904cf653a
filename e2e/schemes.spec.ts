import { expect, test } from '@playwright/test';
import { sitemapPaths, seriousAxeViolations } from './fixtures';

// Readers whose system uses a dark scheme get one: every page kind stays
// readable (axe's contrast rules) in both schemes, and photos are shown as
// taken, never inverted or filtered.

/** The kind of page a sitemap path is, by the URL rules in README. */
function kindOf(path: string): string {
  if (/^\/[a-z]{2}\/$/.test(path)) return 'front';
  if (/\/\d{4}\/\d{2}\/\d{2}\/[^/]+\/$/.test(path)) return 'article';
  if (/\/\d{4}\/\d{2}\/$/.test(path)) return 'month';
  if (/\/\d{4}\/$/.test(path)) return 'year';
  if (/\/archive\/$/.test(path)) return 'archive';
  if (/\/author\/[^/]+\/$/.test(path)) return 'author';
  if (/\/tag\/$/.test(path)) return 'topics';
  if (/\/tag\/[^/]+\/$/.test(path)) return 'tag';
  return 'section';
}

/** One page of each kind per edition, the root and the 404 page. */
const samples = [
  '/',
  '/no-such-page/',
  ...new Map(sitemapPaths().map((p) => [`${p.split('/')[1]} ${kindOf(p)}`, p])).values(),
];

/** Relative luminance (WCAG) of a computed `rgb(…)` colour. */
function luminance(colour: string): number {
  const [r = 0, g = 0, b = 0] = (colour.match(/[\d.]+/g) ?? []).map(Number).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`in the ${colorScheme} scheme`, () => {
    test.use({ colorScheme });

    for (const path of samples) {
      test(`${path} is readable, with photos as taken`, async ({ page }) => {
        await page.goto(path);
        const paper = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
        const ink = await page.evaluate(() => getComputedStyle(document.body).color);
        if (colorScheme === 'dark') {
          expect(luminance(paper), `background ${paper}`).toBeLessThan(0.05);
          expect(luminance(ink), `text ${ink}`).toBeGreaterThan(0.6);
        } else {
          expect(luminance(paper), `background ${paper}`).toBeGreaterThan(0.9);
          expect(luminance(ink), `text ${ink}`).toBeLessThan(0.05);
        }
        const filtered = await page.locator('img').evaluateAll((images) =>
          images
            .filter((img) => {
              const style = getComputedStyle(img);
              return style.filter !== 'none' || style.mixBlendMode !== 'normal';
            })
            .map((img) => img.getAttribute('src')),
        );
        expect(filtered, 'photos drawn with a filter').toEqual([]);
        expect(await seriousAxeViolations(page)).toEqual([]);
      });
    }
  });
}

import { expect, test } from '@playwright/test';

// Screenshots for people to look at (written to screenshots/, not compared
// pixel by pixel), plus what a phone reader would notice at once: nothing
// wider than the screen.
const PAGES = {
  'article-seed': '/en/2024/11/12/north-korea-russia-treaty/',
  'front-es': '/es/',
  'front-en': '/en/',
  'section-es': '/es/estados-unidos/',
  'author-en': '/en/author/ruben-castillo/',
};
const WIDTHS = [390, 1280];

for (const [name, path] of Object.entries(PAGES)) {
  for (const width of WIDTHS) {
    test(`${name} at ${width} px fits the screen`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(path);
      // Bring lazy images in before the full-page shot.
      for (const img of await page.locator('img[loading="lazy"]').all())
        await img.scrollIntoViewIfNeeded();
      await page.evaluate(() => window.scrollTo(0, 0));
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(scrollWidth).toBeLessThanOrEqual(width);
      await page.screenshot({ path: `screenshots/${name}-${width}.png`, fullPage: true });
    });
  }
}

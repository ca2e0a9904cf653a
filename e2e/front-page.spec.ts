import { expect, test } from '@playwright/test';
import { asTyped, expectedPublished } from './fixtures';
import { SITE } from '../src/site';

for (const lang of SITE.langs) {
  test.describe(`the ${lang} front page`, () => {
    const published = expectedPublished(lang);

    test('leads with the featured story, or else the newest', async ({ page }) => {
      await page.goto(`/${lang}/`);
      const lead = published.find((a) => a.featured) ?? published[0];
      const leadHeading = page
        .getByRole('region', { name: lang === 'es' ? 'Noticia principal' : 'Top story' })
        .getByRole('heading');
      expect(asTyped(await leadHeading.innerText())).toBe(asTyped(lead?.title));
    });

    test('links every story it lists, and each link opens that article', async ({ page }) => {
      await page.goto(`/${lang}/`);
      const cards = page.locator('main article');
      const links = await cards.locator('h2 a, h3 a').evaluateAll((anchors) =>
        anchors.map((a) => ({
          href: a.getAttribute('href') ?? '',
          text: a.textContent?.trim() ?? '',
        })),
      );
      expect(links.length).toBeGreaterThanOrEqual(Math.min(published.length, 5));
      for (const link of links) {
        const article = published.find((a) => a.path === link.href);
        expect(article, `${link.href} is a published ${lang} article`).toBeDefined();
        expect(asTyped(link.text)).toBe(asTyped(article?.title));
      }
      for (const link of links) {
        const response = await page.goto(link.href);
        expect(response?.status()).toBe(200);
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(link.text);
      }
    });

    test('gives each card a time and lazy, optimised thumbnails below the lead', async ({
      page,
    }) => {
      await page.goto(`/${lang}/`);
      await expect(page.locator('main article time').first()).toHaveAttribute(
        'datetime',
        /^\d{4}-/,
      );
      const thumbs = page.locator('main article:not(.lead) picture img');
      const count = await thumbs.count();
      expect(count).toBeGreaterThan(0);
      for (let i = 0; i < count; i++) {
        await expect(thumbs.nth(i)).toHaveAttribute('loading', 'lazy');
      }
      await expect(
        page.locator('main article:not(.lead) picture source[type="image/avif"]').first(),
      ).toHaveAttribute('srcset', /320w/);
    });
  });
}

test('the root leads readers to the Spanish edition without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/');
  await page.waitForURL('**/es/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'es-US');
  await context.close();
});

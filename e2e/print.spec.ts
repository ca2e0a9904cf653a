import { expect, test } from '@playwright/test';
import { expectedPublished } from './fixtures';

// A printed article is the story alone: headline, standfirst, byline,
// dates, the hero with its caption and credit, the body, corrections and
// the article's address as text; no masthead, navigation, topics, other
// stories or footer.
test.use({ viewport: { width: 800, height: 1100 } });

for (const article of expectedPublished()) {
  test(`${article.path} prints the story and nothing around it`, async ({ page }) => {
    await page.goto(article.path);
    const canonical = await page.locator('link[rel="canonical"]').getAttribute('href');
    const address = page.getByText(canonical ?? '', { exact: true });
    await expect(address, 'the address is not repeated on screen').toBeHidden();
    const corrections = await page.locator('main .corrections').count();

    await page.emulateMedia({ media: 'print' });
    const main = page.getByRole('main');
    await expect(main.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(main.locator('.dek')).toBeVisible();
    await expect(main.locator('.byline')).toBeVisible();
    await expect(main.locator('time').first()).toBeVisible();
    await expect(main.locator('.body p').first()).toBeVisible();
    await expect(address).toBeVisible();
    if (article.heroFile) {
      await expect(main.locator('figure img').first()).toBeVisible();
      await expect(main.locator('figure figcaption')).toBeVisible();
    }
    if (corrections > 0) {
      await expect(main.locator('.corrections')).toBeVisible();
    }

    for (const role of ['banner', 'contentinfo', 'navigation', 'complementary'] as const) {
      for (const element of await page.getByRole(role, { includeHidden: true }).all()) {
        await expect(element, `${role} is not printed`).toBeHidden();
      }
    }
    const links = await main
      .locator('a:visible')
      .evaluateAll((anchors) =>
        anchors.filter((a) => !a.closest('.body, .byline')).map((a) => a.textContent?.trim()),
      );
    expect(
      links,
      'links outside the story and byline (translations, topics, other stories)',
    ).toEqual([]);
  });
}

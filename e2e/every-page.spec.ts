import { expect, test } from '@playwright/test';
import { expectedPublished, readDist, sitemapPaths, seriousAxeViolations } from './fixtures';
import { SITE } from '../src/site';

const paths = sitemapPaths();

test('the sitemap lists every published article and both front pages', () => {
  expect(paths).toEqual(
    expect.arrayContaining(['/es/', '/en/', ...expectedPublished().map((a) => a.path)]),
  );
});

test('robots.txt points crawlers at the sitemap', () => {
  expect(readDist('robots.txt')).toContain(`Sitemap: ${SITE.url}/sitemap-index.xml`);
});

test('a missing page answers with the 404 page', async ({ page }) => {
  const response = await page.goto('/es/no-such-page/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Página no encontrada');
});

for (const path of paths) {
  test(`${path} is a sound, accessible page`, async ({ page }) => {
    const response = await page.goto(path);
    expect(response?.status()).toBe(200);
    await expect(page.locator('h1')).toHaveCount(1);
    await expect(page).toHaveTitle(/\S/);
    const lang = path.split('/')[1];
    await expect(page.locator('html')).toHaveAttribute('lang', new RegExp(`^${lang}-`));
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
}

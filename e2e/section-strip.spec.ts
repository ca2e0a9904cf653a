import { expect, test } from '@playwright/test';
import { expectedPublished, sectionPaths } from './fixtures';
import { SITE } from '../src/site';

// On a phone the row of sections scrolls sideways: a reader must see that
// there is more (a faded edge) and find the section they are in on screen.
test.use({ viewport: { width: 320, height: 700 } });

/** Pages that belong to a section: its own page and, per edition, an article of it. */
const pages = [...sectionPaths()].flatMap(([id, paths]) =>
  SITE.langs.flatMap((lang) => {
    const article = expectedPublished(lang).find((a) => a.section === id);
    return [paths[lang], ...(article ? [article.path] : [])];
  }),
);

for (const path of pages) {
  test(`${path} opens with its section in view in the section row`, async ({ page }) => {
    const response = await page.goto(path);
    test.skip(response?.status() === 404, 'a section with no story in this edition has no page');
    const current = page.locator('header nav a[aria-current="page"]');
    await expect(current).toHaveCount(1);
    const fits = await current.evaluate((link) => {
      const row = link.closest('ul')?.getBoundingClientRect();
      const box = link.getBoundingClientRect();
      return row !== undefined && box.left >= row.left - 0.5 && box.right <= row.right + 0.5;
    });
    expect(fits).toBe(true);
  });
}

for (const lang of SITE.langs) {
  test(`the ${lang} section row fades at the edge where there is more to scroll to`, async ({
    page,
  }) => {
    await page.goto(`/${lang}/`);
    const row = page
      .getByRole('navigation', { name: lang === 'es' ? 'Secciones' : 'Sections', exact: true })
      .getByRole('list');
    const overflows = await row.evaluate((ul) => ul.scrollWidth > ul.clientWidth + 1);
    test.skip(!overflows, 'every section fits on one screen');
    const fades = () =>
      row.evaluate((ul) => {
        const style = getComputedStyle(ul);
        return {
          mask: style.maskImage,
          start: parseFloat(style.getPropertyValue('--fade-start')),
          end: parseFloat(style.getPropertyValue('--fade-end')),
        };
      });
    const atStart = await fades();
    expect(atStart.mask).toContain('gradient');
    expect(atStart.start).toBe(0);
    expect(atStart.end).toBeGreaterThan(0);
    await row.evaluate((ul) => ul.scrollTo({ left: ul.scrollWidth, behavior: 'instant' }));
    await expect.poll(async () => (await fades()).end).toBe(0);
    expect((await fades()).start).toBeGreaterThan(0);
  });
}

import { expect, test, type Locator } from '@playwright/test';
import {
  asTyped,
  distFileFor,
  expectedPublished,
  readDist,
  sectionPaths,
  type SourceArticle,
} from './fixtures';
import { SITE } from '../src/site';

/** README, "Writing an article": front order is higher `priority` first, then newer. */
function frontOrder(articles: SourceArticle[]): SourceArticle[] {
  return [...articles].sort(
    (a, b) => b.priority - a.priority || b.publishedAt.getTime() - a.publishedAt.getTime(),
  );
}

/** A box's edges, rounded to whole pixels. */
async function box(locator: Locator) {
  const b = await locator.boundingBox();
  if (!b) throw new Error('element has no box');
  return {
    left: Math.round(b.x),
    right: Math.round(b.x + b.width),
    top: Math.round(b.y),
    width: b.width,
  };
}

for (const lang of SITE.langs) {
  test.describe(`the ${lang} front page`, () => {
    const published = expectedPublished(lang);
    const ranked = frontOrder(published);
    const lead = ranked.find((a) => a.featured) ?? ranked[0];

    test('leads with the featured story of highest priority, or else the first in front order', async ({
      page,
    }) => {
      await page.goto(`/${lang}/`);
      const leadHeading = page
        .getByRole('region', { name: lang === 'es' ? 'Noticia principal' : 'Top story' })
        .getByRole('heading')
        .getByRole('link');
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
      expect(new Set(links.map((l) => l.href)).size, 'no story twice').toBe(links.length);
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
      const avif = page.locator('main article:not(.lead) picture source[type="image/avif"]');
      for (const source of await avif.all()) {
        await expect(source).toHaveAttribute('srcset', /\d+w,.*\d+w/);
      }
    });

    test.describe('on a desktop screen', () => {
      test.use({ viewport: { width: 1280, height: 900 } });

      test('sets a lead with a photo beside its headline, and a lead without one beside a column of stories', async ({
        page,
      }) => {
        await page.goto(`/${lang}/`);
        const region = page.getByRole('region', {
          name: lang === 'es' ? 'Noticia principal' : 'Top story',
        });
        const headline = await box(region.getByRole('heading'));
        if (lead?.heroFile) {
          const photo = await box(region.locator('img'));
          expect(photo.right).toBeLessThanOrEqual(headline.left);
          expect(photo.width).toBeGreaterThan(1280 / 2);
        } else {
          const beside = page.locator('main .top > ul h3');
          await expect(beside.first()).toBeVisible();
          expect((await box(beside.first())).left).toBeGreaterThan(headline.right);
          const size = (l: Locator) => l.evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
          const latest = page.locator('main section[aria-labelledby] h3').first();
          expect(await size(region.getByRole('heading'))).toBeGreaterThan(
            1.5 * (await size(latest)),
          );
        }
      });

      test('spreads every block across the page, whatever number of stories it holds', async ({
        page,
      }) => {
        await page.goto(`/${lang}/`);
        const blocks = page.locator('main section[aria-labelledby]');
        expect(await blocks.count()).toBeGreaterThan(0);
        for (const block of await blocks.all()) {
          const name = await block.locator('h2').first().textContent();
          const width = (await box(block)).width;
          const parts = await block
            .locator('article img, article :is(h2, h3), article p')
            .evaluateAll((elements) =>
              elements.map((e) => {
                const r = e.getBoundingClientRect();
                return [r.left, r.right];
              }),
            );
          const used =
            Math.max(...parts.map(([, right = 0]) => right)) -
            Math.min(...parts.map(([left = 0]) => left));
          expect(used / width, `the ${name} block`).toBeGreaterThan(0.6);
        }
      });

      test('lines up the headlines of cards of one width in a row, with or without a photo', async ({
        page,
      }) => {
        await page.goto(`/${lang}/`);
        const cards = await page.locator('main section[aria-labelledby] li').evaluateAll((items) =>
          items.map((li) => {
            const r = li.getBoundingClientRect();
            const headline = li.querySelector('h2, h3')?.getBoundingClientRect();
            return {
              block:
                li.closest('section')?.id ?? li.closest('section')?.getAttribute('aria-labelledby'),
              top: Math.round(r.top),
              width: Math.round(r.width),
              headline: Math.round(headline?.top ?? 0),
            };
          }),
        );
        const rows = Map.groupBy(cards, (c) => `${c.block} ${c.top} ${c.width}`);
        let compared = 0;
        for (const [row, members] of rows) {
          if (members.length < 2) continue;
          compared++;
          const tops = members.map((m) => m.headline);
          expect(Math.max(...tops) - Math.min(...tops), `row ${row}`).toBeLessThanOrEqual(1);
        }
        expect(compared, 'some block has a row of cards').toBeGreaterThan(0);
      });
    });
  });
}

test('the root shows the main edition’s front, styled, with a way to every other edition', async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const response = await page.goto('/');
  expect(response?.status()).toBe(200);
  expect(new URL(page.url()).pathname, 'no redirect').toBe('/');
  await expect(page.locator('meta[http-equiv="refresh"]')).toHaveCount(0);
  await expect(page.locator('html')).toHaveAttribute('lang', 'es-US');
  const main = SITE.defaultLang;
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute(
    'href',
    `${SITE.url}/${main}/`,
  );
  const ranked = frontOrder(expectedPublished(main));
  const lead = ranked.find((a) => a.featured) ?? ranked[0];
  const leadHeading = page
    .getByRole('region', { name: 'Noticia principal' })
    .getByRole('heading')
    .getByRole('link');
  expect(asTyped(await leadHeading.innerText())).toBe(asTyped(lead?.title));
  // Styled as the edition's front is: same type and colours, no bare HTML first.
  const looks = () =>
    page.evaluate(() =>
      [document.body, document.querySelector('h2')].map((e) => {
        const style = e ? getComputedStyle(e) : undefined;
        return [style?.fontFamily, style?.fontSize, style?.color, style?.backgroundColor];
      }),
    );
  const atRoot = await looks();
  await page.goto(`/${main}/`);
  expect(atRoot).toEqual(await looks());
  await page.goto('/');
  for (const other of SITE.langs.filter((l) => l !== main)) {
    const link = page
      .getByRole('main')
      .locator(`a[href="/${other}/"][hreflang="${SITE.editions[other].locale}"]`);
    await expect(link).toBeVisible();
    await link.click();
    await expect(page).toHaveURL(new RegExp(`/${other}/$`));
  }
  await context.close();
});

test('_redirects sends browsers that ask for another edition’s language from / to it', () => {
  const rules = readDist('_redirects').split('\n');
  for (const other of SITE.langs.filter((l) => l !== SITE.defaultLang)) {
    expect(rules).toContain(`/ /${other}/ 302! Language=${other}`);
  }
});

test.describe('the 404 page', () => {
  for (const lang of SITE.langs) {
    test(`offers the ${lang} front page, its sections and its latest stories`, async ({ page }) => {
      const response = await page.goto('/no-such-page/');
      expect(response?.status()).toBe(404);
      const edition = page.getByRole('region', { name: new RegExp(SITE.editions[lang].label) });
      await expect(edition.locator(`a[href="/${lang}/"]`)).toBeVisible();
      await expect(edition).toHaveAttribute('lang', SITE.editions[lang].locale);
      for (const paths of sectionPaths().values()) {
        if (distFileFor(paths[lang])) {
          await expect(edition.locator(`a[href="${paths[lang]}"]`)).toBeVisible();
        }
      }
      const newest = expectedPublished(lang)[0];
      const newestLink = edition.locator(`a[href="${newest?.path ?? ''}"]`).first();
      await expect(newestLink).toBeVisible();
      expect(asTyped(await newestLink.innerText())).toBe(asTyped(newest?.title));
    });
  }
});

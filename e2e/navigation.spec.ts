import { expect, test } from '@playwright/test';
import { expectedPublished, readDist, sectionPaths, sourceArticles } from './fixtures';
import { SITE } from '../src/site';

const t = {
  es: { next: 'Siguiente', sections: 'Secciones', edition: 'Edición', readIn: 'Read in English' },
  en: { next: 'Next', sections: 'Sections', edition: 'Edition', readIn: 'Leer en español' },
} as const;

for (const lang of ['es', 'en'] as const) {
  test(`paging through each ${lang} section reaches its oldest article`, async ({ page }) => {
    // One page per story at the e2e build's page size: the time grows with the content.
    test.setTimeout(30_000 + 2_000 * expectedPublished(lang).length);
    await page.goto(`/${lang}/`);
    const nav = page.getByRole('navigation', { name: t[lang].sections });
    const sectionLinks = await nav
      .getByRole('link')
      .evaluateAll((links) =>
        links
          .map((a) => a.getAttribute('href') ?? '')
          .filter((href) => href.split('/').length === 4),
      );
    expect(sectionLinks.length).toBeGreaterThanOrEqual(4);
    let pagesVisited = 0;
    for (const sectionPath of sectionLinks) {
      await page.goto(sectionPath);
      const seen: string[] = [];
      for (;;) {
        pagesVisited += 1;
        const onPage = await page
          .locator('main article h2 a')
          .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
        seen.push(...onPage);
        const next = page
          .getByRole('navigation', { name: /Pages|Páginas/ })
          .getByRole('link', { name: new RegExp(t[lang].next) });
        if ((await next.count()) === 0) break;
        // Wait for the next page before reading it: under load the click's
        // navigation can still be under way when the loop reads the links.
        const href = await next.getAttribute('href');
        await next.click();
        await page.waitForURL((url) => url.pathname === href);
      }
      const sectionId = [...sectionPaths()].find(([, paths]) => paths[lang] === sectionPath)?.[0];
      const expected = expectedPublished(lang).filter((a) => a.section === sectionId);
      expect(seen, sectionPath).toEqual(expected.map((a) => a.path));
    }
    // The e2e build's small page size makes at least one section span pages.
    expect(pagesVisited).toBeGreaterThan(sectionLinks.length);
  });
}

test.describe('linked translations', () => {
  const articles = sourceArticles();
  const pairs = articles
    .filter((a) => a.translationOf)
    .flatMap((translation) => {
      const original = articles.find((a) => a.id === translation.translationOf);
      return original ? [[translation, original] as const] : [];
    });

  test('exist in the sample content', () => {
    expect(pairs.length).toBeGreaterThan(0);
  });

  for (const [translation, original] of pairs) {
    for (const [from, to] of [
      [translation, original],
      [original, translation],
    ] as const) {
      test(`${from.path} links to ${to.path}`, async ({ page }) => {
        await page.goto(from.path);
        const visible = page.getByRole('link', { name: t[from.lang].readIn });
        await expect(visible).toHaveAttribute('href', to.path ?? '');
        await expect(
          page.locator(`link[rel="alternate"][hreflang^="${to.lang}-"]`),
        ).toHaveAttribute('href', `${SITE.url}${to.path}`);
        await expect(page.locator('link[rel="alternate"][hreflang="x-default"]')).toHaveCount(1);
        const edition = page.getByRole('navigation', { name: t[from.lang].edition });
        await expect(edition.getByRole('link')).toHaveAttribute('href', to.path ?? '');
        await visible.click();
        await expect(page).toHaveURL(new RegExp(`${to.path}$`));
      });
    }
  }

  test('appear as alternates in the sitemap', () => {
    const sitemap = readDist('sitemap-0.xml');
    for (const [translation, original] of pairs) {
      expect(sitemap).toContain(
        `hreflang="${translation.lang}-US" href="${SITE.url}${translation.path}"`,
      );
      expect(sitemap).toContain(
        `hreflang="${original.lang}-US" href="${SITE.url}${original.path}"`,
      );
    }
  });
});

test('an article without a translation switches edition to the other front page', async ({
  page,
}) => {
  const lonely = expectedPublished('en').find(
    (a) => !sourceArticles().some((b) => b.translationOf === a.id) && !a.translationOf,
  );
  await page.goto(lonely?.path ?? '/en/');
  await expect(page.getByRole('navigation', { name: 'Edition' }).getByRole('link')).toHaveAttribute(
    'href',
    '/es/',
  );
});

test('the header marks the current section and offers a skip link first', async ({ page }) => {
  await page.goto('/es/mundo/');
  await expect(
    page.getByRole('navigation', { name: 'Secciones' }).getByRole('link', { name: 'Mundo' }),
  ).toHaveAttribute('aria-current', 'page');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Saltar al contenido' });
  await expect(skip).toBeFocused();
  await expect(skip).toHaveAttribute('href', '#content');
});

test('the section navigation fits a phone without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({
    javaScriptEnabled: false,
    viewport: { width: 390, height: 844 },
  });
  const page = await context.newPage();
  await page.goto('/en/');
  const nav = page.getByRole('navigation', { name: 'Sections' });
  const last = nav.getByRole('link').last();
  await last.scrollIntoViewIfNeeded();
  await expect(last).toBeInViewport();
  await last.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Culture');
  await context.close();
});

test.describe('a moved article', () => {
  const moved = sourceArticles().find((a) => a.previousUrls.length > 0);

  test('exists in the sample content', () => {
    expect(moved).toBeDefined();
  });

  test('answers at its former address with a redirect to the current one', async ({ page }) => {
    const from = moved?.previousUrls[0] ?? '';
    await page.goto(from);
    await page.waitForURL(`**${moved?.path}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(moved?.title ?? '');
  });

  test('is listed for static hosts as a 301 in _redirects', () => {
    expect(readDist('_redirects')).toContain(`${moved?.previousUrls[0]} ${moved?.path} 301`);
    const html = readDist(`${(moved?.previousUrls[0] ?? '').slice(1)}index.html`);
    expect(html).toContain(`<link rel="canonical" href="${SITE.url}${moved?.path}">`);
  });
});

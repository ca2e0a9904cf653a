import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import {
  buildTime,
  distFiles,
  expectedPublished,
  readDist,
  sourceArticles,
  type SourceArticle,
} from './fixtures';
import { bundleFolders, indexedPages } from './pagefind-files';
import { SITE } from '../src/site';
import { BUNDLE_STORIES } from '../src/lib/search';

// Search (issue 13), written from the fixtures and the README's URL rules,
// not from the code under test: the seed article is found by a word of its
// Spanish headline, accents do not matter, filters narrow, each edition's
// index holds its own published stories and nothing else, and only the
// search pages run a script or may compile WebAssembly.

const SEARCH_PAGES = { es: '/es/buscar/', en: '/en/search/' } as const;
const seed = sourceArticles().find((a) => a.lang === 'es' && a.translationOf !== undefined);
const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('es');
const words = (text: string): string[] => fold(text).match(/\p{L}+/gu) ?? [];

/** Watches a page for console errors, Pagefind's warnings and CSP violations. */
function watch(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    const text = message.text();
    if (message.type() === 'error' || /Content Security Policy|Refused to|pagefind/i.test(text)) {
      problems.push(`${message.type()}: ${text}`);
    }
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  return problems;
}

/** The result links of the search page, in order, once the search has answered. */
async function results(page: Page): Promise<string[]> {
  await expect(page.locator('.results[aria-busy="false"]')).toBeAttached();
  return page
    .locator('.results li h2 a')
    .evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
}

/** Every result, with "more results" clicked until there are none. */
async function allResults(page: Page): Promise<string[]> {
  await results(page);
  const items = page.locator('.results li');
  const more = page.locator('.search .more');
  while (await more.isVisible()) {
    const shown = await items.count();
    await more.click();
    await expect(items).not.toHaveCount(shown);
  }
  return results(page);
}

test('the fixtures have a Spanish seed article to search for', () => {
  expect(seed).toBeDefined();
});

test('a word of the seed article’s Spanish headline finds it first', async ({ page }) => {
  const article = seed as SourceArticle;
  const others = expectedPublished('es').filter((a) => a.path !== article.path);
  // Pagefind also finds words that begin with the query's stem ("corea"
  // finds "coreopsis"): a word counts as in another story when one of its
  // words begins with the word less its last letter.
  const inOthers = (word: string) =>
    others.filter((a) =>
      words(`${a.title} ${a.dek} ${a.body}`).some((w) => w.startsWith(word.slice(0, -1))),
    ).length;
  // The headline's rarest long word, so the result does not hang on what
  // other stories say; with newest first, a word no other story has.
  const [word] = words(article.title)
    .filter((w) => w.length >= 5)
    .sort((a, b) => inOthers(a) - inOthers(b));
  expect(word).toBeDefined();
  const order = inOthers(word ?? '') === 0 ? '' : '&order=relevance';
  const problems = watch(page);
  await page.goto(`${SEARCH_PAGES.es}?q=${encodeURIComponent(word ?? '')}${order}`);
  const found = await results(page);
  expect(found[0]).toBe(article.path);
  await expect(page.locator('.results li').first()).toContainText(article.title);
  await expect(page.locator('.results li').first()).toContainText(article.dek);
  await expect(page.getByRole('main').getByRole('searchbox')).toHaveValue(word ?? '');
  expect(problems).toEqual([]);
});

test('a query finds the same stories with and without its accents', async ({ page }) => {
  const accented = (seed as SourceArticle).title
    .split(/[^\p{L}]+/u)
    .find((w) => w.length >= 5 && fold(w) !== w.toLocaleLowerCase('es'));
  expect(accented, 'the seed headline has an accented word').toBeDefined();
  const problems = watch(page);
  await page.goto(`${SEARCH_PAGES.es}?q=${encodeURIComponent(accented ?? '')}`);
  const withAccents = await allResults(page);
  await page.goto(`${SEARCH_PAGES.es}?q=${encodeURIComponent(fold(accented ?? ''))}`);
  const without = await allResults(page);
  expect(withAccents.length).toBeGreaterThan(0);
  expect(without).toEqual(withAccents);
  expect(without).toContain((seed as SourceArticle).path);
  expect(problems).toEqual([]);
});

test('the section filter narrows the results to that section', async ({ page }) => {
  const published = expectedPublished('es');
  const section = (seed as SourceArticle).section;
  const inSection = published.filter((a) => a.section === section);
  expect(inSection.length).toBeLessThan(published.length);
  const problems = watch(page);
  // "de" is in every Spanish story: every published one, newest first.
  await page.goto(`${SEARCH_PAGES.es}?q=de`);
  expect(await allResults(page)).toEqual(published.map((a) => a.path));
  await page.getByLabel(SITE.editions.es.ui.searchSection).selectOption(section);
  await expect(page).toHaveURL(new RegExp(`[?&]section=${section}(&|$)`));
  await expect
    .poll(async () => (await allResults(page)).sort())
    .toEqual(inSection.map((a) => a.path).sort());
  const sectionFile = join(import.meta.dirname, '..', 'content', 'sections', `${section}.yaml`);
  const name = (parseYaml(readFileSync(sectionFile, 'utf8')) as { name: { es: string } }).name.es;
  for (const label of await page.locator('.results .result-label').allTextContents()) {
    expect(label.trim()).toBe(name);
  }
  expect(problems).toEqual([]);
});

test('results show the newest first, with their date in the newsroom’s time zone', async ({
  page,
}) => {
  await page.goto(`${SEARCH_PAGES.es}?q=de`);
  await results(page);
  const newest = expectedPublished('es')[0] as SourceArticle;
  const first = page.locator('.results li').first();
  await expect(first.getByRole('link')).toHaveText(newest.title);
  const datetime = await first.locator('time').getAttribute('datetime');
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: SITE.timeZone }).format(
    newest.publishedAt,
  );
  expect(datetime?.slice(0, 10)).toBe(day);
});

test('the header’s search box works without JavaScript up to the results page', async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto((seed as SourceArticle).path);
  const header = page.locator('header.site-header');
  await header.getByRole('searchbox').fill('tratado');
  await header.getByRole('searchbox').press('Enter');
  await expect(page).toHaveURL(/\/es\/buscar\/\?q=tratado$/);
  await expect(page.getByText(SITE.editions.es.ui.searchNeedsScript)).toBeVisible();
  await context.close();
});

test('English searches find English stories only', async ({ page }) => {
  const problems = watch(page);
  await page.goto(`${SEARCH_PAGES.en}?q=the`);
  const found = await results(page);
  expect(found.length).toBeGreaterThan(0);
  for (const path of found) expect(path).toMatch(/^\/en\//);
  expect(problems).toEqual([]);
});

/**
 * The bundle a story belongs in, as the search page promises readers and the
 * newsroom: the build's month and the one before each have their own (so a
 * publish re-indexes a month, not a year); older stories are in their year
 * (or a part of it, for a year of more than BUNDLE_STORIES stories).
 * Months and years in the newsroom's time zone.
 */
function expectedBundle(publishedAt: Date): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: SITE.timeZone,
    year: 'numeric',
    month: '2-digit',
  });
  const [year, month] = parts.format(publishedAt).split('-') as [string, string];
  const [nowYear, nowMonth] = parts.format(buildTime).split('-') as [string, string];
  const age = (Number(nowYear) - Number(year)) * 12 + Number(nowMonth) - Number(month);
  return age >= 0 && age < 2 ? `${year}-${month}` : year;
}

/** The bundles of an edition's published stories, newest first. */
function publishedBundles(lang: (typeof SITE.langs)[number]): string[] {
  return [...new Set(expectedPublished(lang).map((a) => expectedBundle(a.publishedAt)))]
    .sort()
    .reverse();
}

test('the fixtures have stories in a recent month’s bundle and in a year’s', () => {
  const keys = SITE.langs.flatMap(publishedBundles);
  expect(keys.some((key) => key.includes('-'))).toBe(true);
  expect(keys.some((key) => !key.includes('-'))).toBe(true);
  // No year of the fixtures holds enough stories to be split into parts
  // (src/lib/search.test.ts checks the split), so expectedBundle holds.
  for (const lang of SITE.langs) {
    const perYear = new Map<string, number>();
    for (const a of expectedPublished(lang)) {
      const key = expectedBundle(a.publishedAt);
      perYear.set(key, (perYear.get(key) ?? 0) + 1);
    }
    expect(Math.max(...perYear.values())).toBeLessThanOrEqual(BUNDLE_STORIES);
  }
});

test('each edition’s index holds exactly its published stories, one bundle per recent month or older year, and no other page', () => {
  const bundles = bundleFolders().sort();
  expect(bundles).toEqual(
    SITE.langs
      .flatMap((lang) =>
        publishedBundles(lang).map(
          (key) => `${SEARCH_PAGES[lang as 'es' | 'en'].slice(1)}pagefind/${key}/`,
        ),
      )
      .sort(),
  );
  for (const lang of SITE.langs) {
    const page = SEARCH_PAGES[lang as 'es' | 'en'];
    const keys = publishedBundles(lang);
    expect(readDist(`${page.slice(1)}index.html`)).toContain(
      `data-search-bundles="${keys.join(' ')}"`,
    );
    for (const key of keys) {
      const bundle = `${page.slice(1)}pagefind/${key}/`;
      const pages = indexedPages(bundle);
      expect(pages.map((p) => p.url).sort()).toEqual(
        expectedPublished(lang)
          .filter((a) => expectedBundle(a.publishedAt) === key)
          .map((a) => a.path)
          .sort(),
      );
      const entry = JSON.parse(readDist(`${bundle}pagefind-entry.json`)) as {
        languages: Record<string, unknown>;
      };
      expect(Object.keys(entry.languages)).toEqual([lang]);
    }
  }
});

test('only the search pages run a script or may compile WebAssembly', () => {
  const searchFiles = Object.values(SEARCH_PAGES).map((path) => `${path.slice(1)}index.html`);
  for (const file of distFiles().filter((f) => f.endsWith('.html'))) {
    const html = readDist(file);
    const csp = /<meta http-equiv="content-security-policy" content="([^"]+)"/.exec(html)?.[1];
    if (searchFiles.includes(file)) {
      expect(csp, file).toContain("'wasm-unsafe-eval'");
      continue;
    }
    expect(csp ?? '', file).not.toContain('wasm-unsafe-eval');
    expect(html, `${file} has no script`).not.toMatch(
      /<script(?![^>]*type="application\/ld\+json")/,
    );
  }
  // The header policy of static hosts names no script source, so the page's own decides.
  for (const [policy] of readDist('_headers').matchAll(/Content-Security-Policy:.*/g)) {
    expect(policy).not.toMatch(/script-src|default-src|worker-src/);
  }
});

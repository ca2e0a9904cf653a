import { expect, test } from '@playwright/test';
import { plainQuotes } from './fixtures';
import { SITE } from '../src/site';

const SEED = '/en/2024/11/12/north-korea-russia-treaty/';

test.describe('the seed article page', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto(SEED);
  });

  test('shows the headline as the only h1 and the standfirst under it', async ({ page }) => {
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'North Korea and Russia ratify their expanded defense cooperation treaty',
    );
    await expect(page.locator('h1')).toHaveCount(1);
    await expect(
      page.getByText(/^The agreement establishes a mutual defense mechanism/),
    ).toBeVisible();
    await expect(page).toHaveTitle(/North Korea and Russia ratify .* \| Voz$/);
  });

  test('labels the article with its section, linking to the section page', async ({ page }) => {
    const trail = page.getByRole('navigation', { name: 'Breadcrumbs' });
    await expect(trail.getByRole('link')).toHaveText(['Home', 'World']);
    await expect(trail.getByRole('link', { name: 'World' })).toHaveAttribute('href', '/en/world/');
  });

  test('credits the photo with caption and agency in the figure caption', async ({ page }) => {
    const caption = page.locator('figure figcaption');
    await expect(caption).toContainText('Vladimir Putin and Kim Jong Un');
    await expect(caption).toContainText('AFP');
  });

  test('serves the hero as AVIF and WebP at several widths, loaded first', async ({ page }) => {
    const picture = page.locator('figure picture');
    await expect(picture.locator('source[type="image/avif"]')).toHaveAttribute(
      'srcset',
      /480w.*800w.*1200w/,
    );
    await expect(picture.locator('source[type="image/webp"]')).toHaveAttribute(
      'srcset',
      /480w.*800w.*1200w/,
    );
    await expect(picture.locator('source').first()).toHaveAttribute('sizes', /.+/);
    const img = picture.locator('img');
    await expect(img).toHaveAttribute('loading', 'eager');
    await expect(img).toHaveAttribute('fetchpriority', 'high');
    await expect(img).toHaveAttribute('width', /^\d+$/);
    await expect(img).toHaveAttribute('height', /^\d+$/);
    await expect(img).toHaveAttribute('alt', /.+/);
    const loaded = await img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0);
    expect(loaded).toBe(true);
  });

  test('bylines the staff author with a working link to the author page', async ({ page }) => {
    const byline = page.getByRole('link', { name: 'Voz Staff' });
    await expect(byline).toHaveAttribute('href', '/en/author/staff/');
    await byline.click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Voz Staff');
    await expect(page.getByText('Newsroom', { exact: true })).toBeVisible();
    await expect(page.locator('main article h2 a').first()).toHaveAttribute(
      'href',
      /^\/en\/\d{4}\//,
    );
  });

  test('dates the article in Central time with a machine-readable time', async ({ page }) => {
    const time = page.locator('article header time').first();
    await expect(time).toHaveAttribute('datetime', '2024-11-12T16:30:00.000Z');
    await expect(time).toHaveText(/November 12, 2024.*10:30\sAM CST/);
  });

  test('prints the body with its quotations, and no tracking pixel text', async ({ page }) => {
    const body = plainQuotes(await page.getByRole('article').first().innerText());
    expect(body).toContain('"was ratified as a decree" signed by North Korean leader Kim Jong Un');
    expect(body).toContain('"immediate military assistance"');
    expect(body).toContain(
      'would "stand firmly on the side of the Russian comrades until the day of victory."',
    );
    expect(await page.locator('body').innerText()).not.toMatch(/\btracking\b/i);
  });

  test('lists its topics as links to tag pages', async ({ page }) => {
    const topics = page.getByRole('navigation', { name: 'Topics' });
    await expect(topics.getByRole('link', { name: 'Kim Jong Un' })).toHaveAttribute(
      'href',
      '/en/tag/kim-jong-un/',
    );
  });

  test('ships no client-side JavaScript', async ({ page }) => {
    await expect(page.locator('script:not([type="application/ld+json"])')).toHaveCount(0);
  });

  test('offers the edition feed and the other edition', async ({ page }) => {
    const feeds = page.locator('link[rel="alternate"][type="application/rss+xml"]');
    await expect(feeds).toHaveCount(2);
    await expect(feeds.first()).toHaveAttribute('href', `${SITE.url}/en/world/rss.xml`);
    await expect(feeds.last()).toHaveAttribute('href', `${SITE.url}/en/rss.xml`);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en-US');
    const edition = page.getByRole('navigation', { name: 'Edition' });
    await expect(edition.getByRole('link', { name: 'Español' })).toHaveAttribute(
      'href',
      '/es/2024/11/12/corea-del-norte-rusia-tratado/',
    );
  });
});

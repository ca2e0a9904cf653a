import { expect, test } from '@playwright/test';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { copyProject, listFiles } from '../scripts/project-copy.mjs';
import { build } from './project-builds';
import { distFiles, readDist } from './fixtures';
import { searchPagePath } from '../src/lib/search';
import { SITE } from '../src/site';

// Page-view analytics is configuration (src/site.ts `analytics`), off by
// default. Off: no page carries it and connect-src is the site alone (the
// test build). On (a copy of the project built with it): every page loads
// the same small script, the CSP allows the endpoint's exact origin and
// nothing else, article text and feeds never mention it, and a browser
// sends one page view, or none when it signals Global Privacy Control.

const ROOT = join(import.meta.dirname, '..');
const ENDPOINT = 'https://stats.example.org/api/event';
const ORIGIN = 'https://stats.example.org';
const SITE_URL = 'https://voz.us';
const CONFIG = `  analytics: { endpoint: '${ENDPOINT}', domain: 'voz.us' },\n`;

const cspOf = (html: string) =>
  /<meta http-equiv="content-security-policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
const connectSrc = (html: string) => /connect-src ([^;]+);/.exec(cspOf(html))?.[1]?.trim();
const scriptsOf = (html: string) =>
  [...html.matchAll(/<script(?![^>]*application\/ld\+json)[^>]*>/g)].map((m) => m[0]);
const bodyOf = (html: string) => /<div class="body"[\s\S]*?<\/article>/.exec(html)?.[0] ?? '';

test.describe('with analytics off (the default)', () => {
  test('no page carries analytics and connect-src allows the site alone', () => {
    const pages = distFiles().filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(0);
    for (const page of pages) {
      const html = readDist(page);
      expect(html, page).not.toContain('id="analytics"');
      if (cspOf(html)) expect(connectSrc(html), page).toBe("'self'");
    }
  });
});

test.describe('with analytics on', () => {
  test.describe.configure({ mode: 'serial', timeout: 360_000 });
  let dir = '';
  let dist = '';
  const read = (file: string) => readFileSync(join(dist, file), 'utf8');

  test.beforeAll(() => {
    dir = copyProject('analytics');
    cpSync(join(ROOT, 'content'), join(dir, 'content'), { recursive: true });
    const siteFile = join(dir, 'src/site.ts');
    const site = readFileSync(siteFile, 'utf8');
    const marker = "  icon: { path: '/favicon.svg', type: 'image/svg+xml' },\n";
    expect(site).toContain(marker);
    // The one line an outlet adds to turn analytics on.
    writeFileSync(siteFile, site.replace(marker, `${marker}${CONFIG}`));
    const result = build(dir);
    expect(result.ok, result.output).toBe(true);
    dist = join(dir, 'dist');
  });

  test.afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('every page loads the same script, and the CSP allows the exact origin only', () => {
    const pages = listFiles(dist)
      .map((f) => relative(dist, f))
      .filter((f) => f.endsWith('.html') && !f.startsWith('_'));
    // The search pages also load the search script (issue 13), and only they do.
    const searchPages = new Set(
      SITE.langs.map((lang) => `${searchPagePath(lang).slice(1)}index.html`),
    );
    const scripts = new Set<string>();
    const searchScripts: string[][] = [];
    for (const page of pages) {
      const html = read(page);
      // Redirect stubs (`/`, former URLs) send the reader on before anything loads.
      if (html.includes('http-equiv="refresh"')) continue;
      expect(html, page).toContain(`data-endpoint="${ENDPOINT}"`);
      const tags = scriptsOf(html);
      if (searchPages.has(page)) {
        expect(tags, page).toHaveLength(2);
        searchScripts.push(tags);
      } else {
        expect(tags, page).toHaveLength(1);
        scripts.add(tags[0] ?? '');
      }
      expect(connectSrc(html), page).toBe(`'self' ${ORIGIN}`);
      expect(cspOf(html), page).not.toMatch(/\*|https:\s|unsafe-inline/);
    }
    expect(scripts.size).toBe(1);
    expect(searchScripts).toHaveLength(searchPages.size);
    for (const tags of searchScripts) expect(tags).toEqual(expect.arrayContaining([...scripts]));
  });

  test('the script is small and lives on the site, and never appears in article text or feeds', () => {
    // Astro inlines a script this small (its hash is in the CSP) or serves it from /_astro/.
    const html = read('es/index.html');
    const [tag] = scriptsOf(html);
    const src = /src="([^"]+)"/.exec(tag ?? '')?.[1];
    if (src) expect(src).toMatch(/^\/_astro\//);
    const js = src
      ? read(src.slice(1))
      : (/<script type="module">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '');
    expect(js).toContain('globalPrivacyControl');
    expect(gzipSync(js).length).toBeLessThanOrEqual(1024);
    const articles = listFiles(dist)
      .map((f) => relative(dist, f))
      .filter((f) => /^(es|en)\/\d{4}\/\d{2}\/\d{2}\/[^/]+\/index\.html$/.test(f))
      .filter((f) => !read(f).includes('http-equiv="refresh"'));
    expect(articles.length).toBeGreaterThan(0);
    for (const page of articles) {
      const body = bodyOf(read(page));
      expect(body, page).not.toBe('');
      expect(body, page).not.toContain('analytics');
      expect(body, page).not.toContain(ORIGIN);
    }
    const feeds = listFiles(dist)
      .map((f) => relative(dist, f))
      .filter((f) => /(rss|atom)\.xml$|feed\.json$/.test(f));
    expect(feeds.length).toBeGreaterThan(0);
    for (const feed of feeds) {
      expect(read(feed), feed).not.toContain(ORIGIN);
      expect(read(feed), feed).not.toContain('id="analytics"');
    }
  });

  for (const gpc of [false, true]) {
    test(
      gpc
        ? 'a browser signalling Global Privacy Control sends nothing'
        : 'a browser sends one page view to the endpoint',
      async ({ browser }) => {
        const context = await browser.newContext();
        if (gpc) {
          await context.addInitScript(() =>
            Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true }),
          );
        }
        const sent: { url: string; body: string | null }[] = [];
        await context.route(`${SITE_URL}/**`, (route) => {
          const path = new URL(route.request().url()).pathname;
          const file = path.endsWith('/') ? `${path}index.html` : path;
          const type = file.endsWith('.html')
            ? 'text/html'
            : file.endsWith('.js')
              ? 'text/javascript'
              : file.endsWith('.css')
                ? 'text/css'
                : 'application/octet-stream';
          try {
            return route.fulfill({ body: readFileSync(join(dist, file)), contentType: type });
          } catch {
            return route.fulfill({ status: 404 });
          }
        });
        await context.route(`${ORIGIN}/**`, (route) => {
          sent.push({ url: route.request().url(), body: route.request().postData() });
          return route.fulfill({ status: 202, body: 'ok' });
        });
        const page = await context.newPage();
        await page.goto(`${SITE_URL}/en/2024/11/12/north-korea-russia-treaty/`);
        await page.waitForLoadState('networkidle');
        await page.waitForTimeout(300);
        if (gpc) {
          expect(sent).toEqual([]);
        } else {
          expect(sent).toHaveLength(1);
          expect(sent[0]?.url).toBe(ENDPOINT);
          expect(JSON.parse(sent[0]?.body ?? '{}')).toEqual({
            name: 'pageview',
            url: `${SITE_URL}/en/2024/11/12/north-korea-russia-treaty/`,
            domain: 'voz.us',
            referrer: null,
          });
        }
        await context.close();
      },
    );
  }
});

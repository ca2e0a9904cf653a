import { expect, test } from '@playwright/test';
import { distFileFor, distFiles, readDist } from './fixtures';
import { SITE } from '../src/site';

/** `#b3001b` as the browser reports it, `rgb(179, 0, 27)`. */
function rgb(hex: string): string {
  const channels = hex.slice(1).match(/../g) ?? [];
  return `rgb(${channels.map((channel) => parseInt(channel, 16)).join(', ')})`;
}

const pages = distFiles().filter((file) => file.endsWith('.html'));

test('every page carries a Content Security Policy without unsafe-inline', () => {
  for (const file of pages) {
    const csp = /<meta http-equiv="content-security-policy" content="([^"]+)"/.exec(
      readDist(file),
    )?.[1];
    expect(csp, file).toBeDefined();
    expect(csp, file).toMatch(/script-src 'self'/);
    expect(csp, file).toMatch(/object-src 'none'/);
    expect(csp, file).not.toContain('unsafe-inline');
    // 'wasm-unsafe-eval' (the search pages, e2e/search.spec.ts) is not 'unsafe-eval'.
    expect(csp, file).not.toContain("'unsafe-eval'");
  }
});

for (const path of ['/es/', '/en/2024/11/12/north-korea-russia-treaty/', '/es/mundo/']) {
  test(`${path} renders with no CSP violation`, async ({ page }) => {
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text()))
        violations.push(message.text());
    });
    await page.goto(path);
    await page.waitForLoadState('load');
    expect(violations).toEqual([]);
    // Styles applied: the masthead wordmark is set in the brand colour of src/site.ts.
    const color = await page
      .locator('.wordmark')
      .first()
      .evaluate((el) => getComputedStyle(el).color);
    expect(color).toBe(rgb(SITE.brand.accent));
  });
}

test('static hosts get security headers and long caching for fingerprinted assets', () => {
  const headers = readDist('_headers');
  for (const header of [
    'Content-Security-Policy: frame-ancestors',
    'Referrer-Policy:',
    'X-Content-Type-Options: nosniff',
    'Permissions-Policy:',
  ]) {
    expect(headers).toContain(header);
  }
  expect(headers).toMatch(/\/_astro\/\*\n\s+Cache-Control: public, max-age=31536000, immutable/);
});

test('links in article bodies that leave the site open with noopener noreferrer', () => {
  let external = 0;
  for (const file of pages.filter((f) => /^(es|en)\/\d{4}\/\d{2}\/\d{2}\//.test(f))) {
    const body = /<div class="body"[^>]*>([\s\S]*?)<footer/.exec(readDist(file))?.[1] ?? '';
    for (const [tag] of body.matchAll(/<a [^>]*href="https?:\/\/(?!voz\.us)[^"]*"[^>]*>/g)) {
      external += 1;
      expect(tag, file).toContain('rel="noopener noreferrer"');
    }
  }
  expect(external).toBeGreaterThan(0);
  expect(distFileFor('/en/')).toBeDefined();
});

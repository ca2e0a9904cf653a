// Takes the README's screenshots (docs/readme-images/*.webp) of a built site:
//   npm run build && npx node docs/readme-images/take.mjs [dist]
// Serves the folder itself, opens each page in Chromium (Playwright's own,
// else /usr/bin/chromium) at a phone and a desktop width, and writes small
// WebP files with sharp. Not part of the build or the tests.
/* global document, window -- the functions given to page.evaluate run in the browser */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join } from 'node:path';
import { chromium } from '@playwright/test';
import sharp from 'sharp';

const root = process.argv[2] ?? 'dist';
const out = join(import.meta.dirname);
const SHOTS = [
  { name: 'front-desktop', path: '/es/', width: 1280, height: 1500 },
  { name: 'front-phone', path: '/es/', width: 390, height: 1400 },
  {
    name: 'article-desktop',
    path: '/en/2024/11/12/north-korea-russia-treaty/',
    width: 1280,
    height: 1300,
  },
  {
    name: 'article-phone',
    path: '/en/2024/11/12/north-korea-russia-treaty/',
    width: 390,
    height: 1400,
  },
];
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.avif': 'image/avif',
  '.webp': 'image/webp',
  '.jpg': 'image/jpeg',
  '.png': 'image/png',
};

const server = createServer((request, response) => {
  let file = join(root, decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  if (!existsSync(file)) {
    response.writeHead(404).end();
    return;
  }
  response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
  response.end(readFileSync(file));
});
await new Promise((done) => server.listen(0, '127.0.0.1', () => done(undefined)));
const address = server.address();
const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
const bundled = chromium.executablePath();
const browser = await chromium.launch(
  bundled && existsSync(bundled) ? {} : { executablePath: '/usr/bin/chromium' },
);
for (const shot of SHOTS) {
  const page = await browser.newPage({
    viewport: { width: shot.width, height: shot.height },
    deviceScaleFactor: 1,
  });
  await page.goto(base + shot.path);
  for (const img of await page.locator('img[loading="lazy"]').all()) {
    await img.scrollIntoViewIfNeeded();
  }
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForFunction(() => [...document.images].every((img) => img.complete));
  const png = await page.screenshot();
  const file = join(out, `${shot.name}.webp`);
  // README shows images at most about 900 px wide: no need for more pixels.
  await sharp(png)
    .resize({ width: Math.min(shot.width, 960) })
    .webp({ quality: 70, effort: 6 })
    .toFile(file);
  console.log(`${file}: ${statSync(file).size} bytes`);
  await page.close();
}
await browser.close();
server.close();

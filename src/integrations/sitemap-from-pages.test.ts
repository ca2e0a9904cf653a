import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import { afterEach, describe, expect, it } from 'vitest';
import {
  builtFileOf,
  inSitemapOrder,
  sitemapFromPages,
  withPagesInSitemapOrder,
} from './sitemap-from-pages';

type DoneParams = Parameters<NonNullable<AstroIntegration['hooks']['astro:build:done']>>[0];

describe('withPagesInSitemapOrder', () => {
  it('hands @astrojs/sitemap its pages already in the order it sorts them in', async () => {
    let seen: string[] = [];
    const sitemap: AstroIntegration = {
      name: '@astrojs/sitemap',
      hooks: {
        'astro:build:done': ({ pages }) => {
          seen = pages.map((p) => p.pathname);
        },
      },
    };
    // As Astro lists them: in the order the routes were built.
    const built = [
      'es/2026/11/28/historia/',
      'en/us/page/10/',
      'en/',
      'en/us/page/9/',
      'en/us/',
      'en/2026/01/05/story/',
      'en/2025/12/31/story/',
      'es/',
    ];
    const params = { pages: built.map((pathname) => ({ pathname })) } as unknown as DoneParams;
    await withPagesInSitemapOrder(sitemap).hooks['astro:build:done']?.(params);

    // What @astrojs/sitemap's own sort gives (a collator per comparison).
    const expected = [...built].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
    expect(seen).toEqual(expected);
    expect(seen.indexOf('en/us/page/9/')).toBeLessThan(seen.indexOf('en/us/page/10/'));
    // Astro's own list is left as it was.
    expect(params.pages.map((p) => p.pathname)).toEqual(built);
  });

  it('leaves an integration without a build:done hook as it is', () => {
    const other: AstroIntegration = { name: 'other', hooks: {} };
    expect(withPagesInSitemapOrder(other)).toBe(other);
  });
});

describe('builtFileOf', () => {
  it('names the file a page of a directory build is written to', () => {
    expect(builtFileOf('/')).toBe('index.html');
    expect(builtFileOf('/en/politics/')).toBe('en/politics/index.html');
    expect(builtFileOf('/es/etiqueta/educaci%C3%B3n/')).toBe('es/etiqueta/educación/index.html');
    expect(builtFileOf('/404.html')).toBe('404.html');
  });
});

describe('inSitemapOrder', () => {
  const collated = (paths: string[]) =>
    [...paths].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const ordered = (paths: string[]) =>
    inSitemapOrder(paths.map((pathname) => ({ pathname }))).map((p) => p.pathname);

  it('gives the collator’s order where a comparison as plain strings would not', () => {
    // Plain strings put 10 before 9, `_` after the letters and capitals
    // before lower case; the collator does none of these.
    const paths = [
      'es/archive/feed/10/',
      'es/archive/feed/9/',
      'es/archive/feed/100/',
      'es/tag/a_b/',
      'es/tag/a-b/',
      'es/tag/ab/',
      'es/tag/Zeta/',
      'es/tag/alfa/',
      'es/tag/ñandú/',
      'es/tag/nube/',
      'es/tag/oso/',
      'es/2026/11/28/x/',
      'es/2026/1/2/x/',
    ];
    expect(ordered(paths)).toEqual(collated(paths));
    expect(ordered([...paths].reverse())).toEqual(collated(paths));
  });

  it('orders a large site as the collator does', () => {
    const paths: string[] = [];
    for (let n = 1; n <= 400; n += 1) {
      paths.push(
        `es/archive/feed/${n}/`,
        `en/politics/page/${n}/`,
        `es/2025/0${(n % 9) + 1}/${n}/nota-${n}/`,
      );
    }
    expect(ordered(paths)).toEqual(collated(paths));
  });
});

describe('an integration without a build:done hook', () => {
  it('is left as it is', () => {
    const other: AstroIntegration = { name: 'other', hooks: {} };
    expect(withPagesInSitemapOrder(other)).toBe(other);
  });
});

describe('sitemapFromPages().inputs', () => {
  let root = '';
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const page = (modified: string, body: string) =>
    `<html><head><meta property="article:modified_time" content="${modified}">` +
    `<link rel="alternate" hreflang="en" href="https://voz.us/en/a/"></head><body>${body}</body></html>`;
  let tick = 0;
  const write = (file: string, html: string) => {
    mkdirSync(join(root, file, '..'), { recursive: true });
    writeFileSync(join(root, file), html);
    // Each write a second apart, as two builds are: the cache of heads knows a
    // page was written again by its time.
    const at = new Date(Date.UTC(2026, 0, 1, 0, 0, (tick += 1)));
    utimesSync(join(root, file), at, at);
  };

  /** One build's sitemap inputs, the heads read as the build:done hook reads them. */
  async function inputsOfBuild(pages: string[]): Promise<string> {
    const sitemap = sitemapFromPages('https://voz.us');
    const config = {
      root: pathToFileURL(`${root}/`),
      outDir: pathToFileURL(`${root}/dist/`),
      cacheDir: pathToFileURL(`${root}/cache/`),
    };
    await sitemap.integration.hooks['astro:config:done']?.({ config } as never);
    await sitemap.integration.hooks['astro:build:done']?.({} as never);
    return sitemap.inputs(pages.map((pathname) => ({ pathname })));
  }

  it('changes when a page is added or a head changes, not when only a body does', async () => {
    root = mkdtempSync(join(tmpdir(), 'sitemap-inputs-'));
    write('dist/es/a/index.html', page('2026-01-01T10:00:00Z', 'primera versión'));
    write('dist/en/a/index.html', page('2026-01-01T10:00:00Z', 'first version'));
    const first = await inputsOfBuild(['en/a/', 'es/a/']);
    expect(await inputsOfBuild(['en/a/', 'es/a/'])).toBe(first);

    // An edited body: the sitemap shows nothing of it.
    write('dist/en/a/index.html', page('2026-01-01T10:00:00Z', 'a corrected sentence'));
    expect(await inputsOfBuild(['en/a/', 'es/a/'])).toBe(first);

    // A new date on the page is the sitemap's lastmod.
    write('dist/en/a/index.html', page('2026-01-02T08:00:00Z', 'a corrected sentence'));
    const updated = await inputsOfBuild(['en/a/', 'es/a/']);
    expect(updated).not.toBe(first);

    // A page more, or one fewer.
    write('dist/en/b/index.html', page('2026-01-02T09:00:00Z', 'new story'));
    const added = await inputsOfBuild(['en/a/', 'en/b/', 'es/a/']);
    expect(added).not.toBe(updated);
    rmSync(join(root, 'dist/en/b'), { recursive: true });
    const removed = await inputsOfBuild(['en/a/', 'es/a/']);
    expect(removed).not.toBe(added);
    expect(await inputsOfBuild(['en/a/', 'es/a/'])).toBe(removed);
  });
});

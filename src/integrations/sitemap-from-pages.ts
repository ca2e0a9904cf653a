import { createHash, randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { SitemapItem } from '@astrojs/sitemap';
import type { AstroIntegration } from 'astro';
import { readPageHead, type PageHead } from '../lib/page-head';
import {
  BuiltOutput,
  deriveFromBuiltFiles,
  outputCacheFile,
  type DerivedValues,
} from './built-files';

/** Names the shape of PageHead in the cache of heads kept between builds. */
const PAGE_HEAD_VERSION = 'page-head-1';

/**
 * A `serialize` hook for @astrojs/sitemap that copies each page's own
 * hreflang alternates, last-modified time and lead photo from its built
 * HTML, and leaves out pages marked noindex (the root redirect, the 404
 * page). Pages are read only when written since the previous build
 * (deriveFromBuiltFiles); `output` is the listing of the build's files it
 * shares with the other hooks.
 */
export function sitemapFromPages(
  site: string,
  output: BuiltOutput = new BuiltOutput(),
): {
  integration: AstroIntegration;
  serialize: (item: SitemapItem) => Promise<SitemapItem | undefined>;
  inputs: (pages: readonly { pathname: string }[]) => string;
} {
  // Heads of every built page by file, found before @astrojs/sitemap (listed
  // after this integration) calls `serialize` for each URL in turn, and
  // parsed only then.
  let heads: DerivedValues<PageHead> | undefined;
  let headsGeneration = '';
  // The build may write elsewhere than dist/ (scripts/build.mjs builds into
  // a fresh folder), so the folder is read from the resolved config.
  let root = '';
  let cacheFile = '';
  const integration: AstroIntegration = {
    name: 'sitemap-from-pages',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.outDir);
        cacheFile = outputCacheFile(config, 'page-heads');
      },
      'astro:build:start': () => output.reset(),
      'astro:build:done': async () => {
        heads = undefined;
        headsGeneration = '';
        heads = await deriveFromBuiltFiles({
          root,
          files: output.files(root),
          wanted: (file) => file.endsWith('.html'),
          derive: readPageHead,
          cacheFile,
          version: PAGE_HEAD_VERSION,
          generation: (name) => (headsGeneration = name),
        });
      },
    },
  };
  const serialize = async (item: SitemapItem): Promise<SitemapItem | undefined> => {
    const { pathname } = new URL(item.url, site);
    const head = heads?.get(builtFileOf(pathname));
    if (head === undefined) return item;
    if (head.noindex) return undefined;
    return {
      ...item,
      ...(head.lastmod ? { lastmod: head.lastmod } : {}),
      ...(head.alternates.length ? { links: head.alternates } : {}),
      // The `sitemap` package writes image:image entries from `img`, which
      // @astrojs/sitemap's item type does not list but passes through.
      ...(head.heroImage ? { img: [{ url: new URL(head.heroImage, site).href }] } : {}),
    };
  };
  /**
   * A digest of what the sitemap of `pages` is made from, for
   * keptWhenUnchanged: the pages in the order given, and the heads of the
   * built pages (`serialize` reads nothing else), named by the generation
   * of the cache of heads, which changes whenever a head does. Taken after
   * this integration's `astro:build:done` has read the heads. (Digesting
   * every head instead took 0.2 s of a publish at 10,000 articles.)
   */
  const inputs = (pages: readonly { pathname: string }[]): string =>
    createHash('sha256')
      // Heads not read (no build:done yet): inputs like no other build's.
      .update(`${PAGE_HEAD_VERSION}\n${headsGeneration || randomUUID()}\n`)
      .update(pages.map((page) => page.pathname).join('\n'))
      .digest('base64url');
  return { integration, serialize, inputs };
}

/** The built file of a page's path, relative to the output folder (`/en/` → `en/index.html`). */
export function builtFileOf(pathname: string): string {
  const path = decodeURIComponent(pathname).replace(/^\/+/, '');
  return pathname.endsWith('/') ? `${path}index.html` : path;
}

/** The order @astrojs/sitemap sorts its URLs in: `localeCompare(b, 'en', { numeric: true })`. */
const SITEMAP_ORDER = new Intl.Collator('en', { numeric: true });

/**
 * Pages in the order @astrojs/sitemap sorts them (SITEMAP_ORDER). A
 * collator's comparison is slow, and sorting a 50,000-article site's 73,000
 * pages with it took 0.2–0.4 s of every publish. They are first sorted as
 * plain strings, which is the collator's order but for numbers of different
 * lengths (`feed/10/` before `feed/9/`) and a few characters a site's paths
 * rarely hold; the collator's own sort then puts those right, and on pages
 * so nearly in its order it compares little more than each neighbour (about
 * 150,000 comparisons instead of 1.2 million).
 */
export function inSitemapOrder<T extends { pathname: string }>(pages: readonly T[]): T[] {
  return [...pages]
    .sort((a, b) => (a.pathname < b.pathname ? -1 : a.pathname > b.pathname ? 1 : 0))
    .sort((a, b) => SITEMAP_ORDER.compare(a.pathname, b.pathname));
}

/**
 * @astrojs/sitemap sorts every URL of the site on every build with
 * `a.localeCompare(b, 'en', { numeric: true })`, which sets up a collator
 * for each comparison: 1.1 s of a 50,000-article rebuild's hooks in a CPU
 * profile, for pages that arrive in the order they were built. Handed them
 * already in that order (one collator, 0.2 s), its own sort only checks
 * each neighbour. The sitemap is the same: it still sorts, and no two of
 * the site's paths compare equal.
 *
 * A build into the kept folder renders only the changed paths, and Astro
 * names only those in `pages`; `allPages` (kept-output's ListedPaths) gives
 * every page of the site, kept or rendered.
 */
export function withPagesInSitemapOrder(
  integration: AstroIntegration,
  allPages: () => { pathname: string }[] | undefined = () => undefined,
): AstroIntegration {
  const done = integration.hooks['astro:build:done'];
  if (!done) return integration;
  return {
    ...integration,
    hooks: {
      ...integration.hooks,
      'astro:build:done': (params) =>
        done({ ...params, pages: inSitemapOrder(allPages() ?? params.pages) }),
    },
  };
}

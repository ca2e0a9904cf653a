import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SitemapItem } from '@astrojs/sitemap';
import type { AstroIntegration } from 'astro';
import { readPageHead } from '../lib/page-head';

/**
 * A `serialize` hook for @astrojs/sitemap that copies each page's own
 * hreflang alternates, last-modified time and lead photo from its built
 * HTML, and
 * leaves out pages marked noindex (the root redirect, the 404 page).
 */
export function sitemapFromPages(site: string): {
  integration: AstroIntegration;
  serialize: (item: SitemapItem) => Promise<SitemapItem | undefined>;
} {
  // The build may write elsewhere than dist/ (scripts/build.mjs builds into
  // a fresh folder), so the folder is read from the resolved config.
  let root = '';
  const integration: AstroIntegration = {
    name: 'sitemap-from-pages',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.outDir);
      },
    },
  };
  const serialize = async (item: SitemapItem): Promise<SitemapItem | undefined> => {
    const { pathname } = new URL(item.url, site);
    const file = join(
      root,
      decodeURIComponent(pathname),
      pathname.endsWith('/') ? 'index.html' : '',
    );
    const html = await readFile(file, 'utf8').catch(() => undefined);
    if (html === undefined) return item;
    const head = readPageHead(html);
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
  return { integration, serialize };
}

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SitemapItem } from '@astrojs/sitemap';
import { readPageHead } from '../lib/page-head';

/**
 * A `serialize` hook for @astrojs/sitemap that copies each page's own
 * hreflang alternates, last-modified time and lead photo from its built
 * HTML, and
 * leaves out pages marked noindex (the root redirect, the 404 page).
 */
export function sitemapFromPages(outDir: URL, site: string) {
  const root = fileURLToPath(outDir);
  return async (item: SitemapItem): Promise<SitemapItem | undefined> => {
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
}

import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SitemapItem } from '@astrojs/sitemap';
import type { AstroIntegration } from 'astro';
import { readPageHead, type PageHead } from '../lib/page-head';
import { readBuiltFiles } from './built-files';

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
  // Heads of every built page, read before @astrojs/sitemap (listed after
  // this integration) calls `serialize` for each URL in turn.
  const heads = new Map<string, PageHead>();
  // The build may write elsewhere than dist/ (scripts/build.mjs builds into
  // a fresh folder), so the folder is read from the resolved config.
  let root = '';
  const integration: AstroIntegration = {
    name: 'sitemap-from-pages',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.outDir);
      },
      'astro:build:done': async () => {
        heads.clear();
        await readBuiltFiles(
          root,
          (file) => file.endsWith('.html'),
          (file, html) => heads.set(file, readPageHead(html)),
        );
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
    const head = heads.get(file);
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
  return { integration, serialize };
}

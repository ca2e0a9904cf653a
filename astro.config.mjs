// @ts-check
import { defineConfig, sharpImageService } from 'astro/config';
import sitemap from '@astrojs/sitemap';
import { SITE } from './src/site.ts';
import { pruneUnreferencedAssets } from './src/integrations/prune-unreferenced-assets.ts';
import { sitemapFromPages } from './src/integrations/sitemap-from-pages.ts';

// Astro's default output folder; the sitemap hook reads the built pages there.
const outDir = new URL('./dist/', import.meta.url);

export default defineConfig({
  // The only copy of the site URL: code reads it back from Astro.site.
  site: SITE.url,
  trailingSlash: 'always',
  build: { format: 'directory' },
  // Kept outside node_modules so `npm ci` does not throw away encoded images.
  cacheDir: './.cache/astro',
  integrations: [
    // Each URL carries the hreflang alternates and dates its page declares.
    sitemap({
      serialize: sitemapFromPages(outDir, SITE.url),
      // Later pages of a listing are reached through rel=next from page 1.
      filter: (page) => !/\/page\/\d+\/$/.test(page),
      customSitemaps: [new URL('/news-sitemap.xml', SITE.url).href],
    }),
    pruneUnreferencedAssets(),
  ],
  image: {
    // sharp's default AVIF effort (4) takes about four times as long as
    // effort 2 for a file about a third smaller; see README "Images".
    service: sharpImageService({ avif: { effort: 2 } }),
  },
});

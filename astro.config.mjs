// @ts-check
import { defineConfig, sharpImageService } from 'astro/config';
import sitemap from '@astrojs/sitemap';
import { SITE } from './src/site.ts';
import { pruneUnreferencedAssets } from './src/integrations/prune-unreferenced-assets.ts';

export default defineConfig({
  // The only copy of the site URL: code reads it back from Astro.site.
  site: SITE.url,
  trailingSlash: 'always',
  build: { format: 'directory' },
  // Kept outside node_modules so `npm ci` does not throw away encoded images.
  cacheDir: './.cache/astro',
  integrations: [
    sitemap({
      i18n: {
        defaultLocale: SITE.defaultLang,
        locales: Object.fromEntries(SITE.langs.map((l) => [l, SITE.editions[l].locale])),
      },
      // The root only redirects to the main edition.
      filter: (page) => new URL(page).pathname !== '/',
    }),
    pruneUnreferencedAssets(),
  ],
  image: {
    // sharp's default AVIF effort (4) takes about four times as long as
    // effort 2 for a file about a third smaller; see README "Images".
    service: sharpImageService({ avif: { effort: 2 } }),
  },
});

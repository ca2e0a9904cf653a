// @ts-check
import { defineConfig, sharpImageService } from 'astro/config';
import sitemap from '@astrojs/sitemap';
import { satteri } from '@astrojs/markdown-satteri';
import { externalLinks } from './src/lib/external-links.ts';
import { SITE } from './src/site.ts';
import { pruneUnreferencedAssets } from './src/integrations/prune-unreferenced-assets.ts';
import { dataStoreFromDisk } from './src/integrations/data-store-from-disk.ts';
import { storeSetsIfChanged } from './src/integrations/store-sets-if-changed.ts';
import { storeWrittenLast } from './src/integrations/store-written-last.ts';
import {
  sitemapFromPages,
  withPagesInSitemapOrder,
} from './src/integrations/sitemap-from-pages.ts';
import {
  BuiltOutput,
  outputCacheFile,
  outputListing,
  SITEMAP_PART,
} from './src/integrations/built-files.ts';
import { keptWhenUnchanged } from './src/integrations/sitemap-kept.ts';
import { outletTheme } from './src/integrations/outlet-theme.ts';
import { keptOutput, ListedPaths } from './src/integrations/kept-output.ts';
import { chainPrerenderers } from './src/integrations/prerenderer-chain.ts';
import { connectSources } from './src/lib/analytics.ts';
import { searchIndex } from './src/integrations/search-index.ts';
import { pagesGate } from './src/integrations/pages-gate.ts';

// Every path of the build, the kept ones too (a build into the kept work
// folder hands Astro only the paths to render).
const listedPaths = new ListedPaths();
// One listing of the built files per build, shared by the hooks that read
// them; the times of kept pages' files are not read again.
const builtOutput = new BuiltOutput();
builtOutput.trustKept(
  () => listedPaths.keptFiles(),
  () => listedPaths.renderedFiles(),
);
const pagesSitemap = sitemapFromPages(SITE.url, builtOutput);

export default defineConfig({
  // The only copy of the site URL: code reads it back from Astro.site.
  site: SITE.url,
  trailingSlash: 'always',
  build: {
    format: 'directory',
    // Four pages in flight at once: while one share card is rasterised and
    // encoded by sharp off the main thread, other pages render. On the
    // benchmark's 2,000 articles (2 cores) a cold build fell from 64 s to
    // 44 s; 8 gained nothing more, 2 gave 51 s.
    concurrency: 4,
  },
  // Kept outside node_modules so `npm ci` does not throw away encoded images.
  cacheDir: './.cache/astro',
  vite: {
    // Vite's own cache (the dependencies it pre-bundles when the content
    // sync starts its server) defaults to node_modules/.vite. Project copies
    // (the bad-content tests, the benchmark) share node_modules through a
    // symlink, and two of them building at once raced to rename the same
    // folder (ENOTEMPTY). Each project keeps its own.
    cacheDir: './.cache/vite',
  },
  // Two integrations wrap Astro's prerenderer; each wraps what the ones
  // before it set (Astro alone would keep only the last).
  integrations: chainPrerenderers([
    // Builds by scripts/build.mjs keep their output folder between builds:
    // only pages whose cache key changed are rendered, and files of pages
    // that are gone are deleted here, before the sitemap reads the folder.
    keptOutput(listedPaths),
    // Each URL carries the hreflang alternates and dates its page declares.
    pagesSitemap.integration,
    withPagesInSitemapOrder(
      // Written again only when a page was added or removed or a page's
      // head changed: an edited story leaves the sitemap as it was.
      keptWhenUnchanged(
        sitemap({
          serialize: pagesSitemap.serialize,
          // Later pages of a listing are reached through rel=next from page 1;
          // the root repeats the main edition's front, its canonical page.
          filter: (page) => !/\/page\/\d+\/$/.test(page) && new URL(page).pathname !== '/',
          customSitemaps: [new URL('/news-sitemap.xml', SITE.url).href],
        }),
        {
          inputs: pagesSitemap.inputs,
          files: SITEMAP_PART,
          recordFile: (config) => outputCacheFile(config, 'sitemap'),
        },
      ),
      () => listedPaths.pages(),
    ),
    pruneUnreferencedAssets(builtOutput),
    // Each edition's search index: Pagefind indexes while the pages render,
    // and its bundles are written last, into the listing of the output.
    searchIndex(builtOutput, listedPaths),
    // The listing of the output, for scripts/build.mjs to publish from.
    outputListing(builtOutput),
    dataStoreFromDisk(),
    // The content store is written once per build, and not when nothing in it changed.
    storeSetsIfChanged(),
    // The brand colours of src/site.ts as a stylesheet module for tokens.css.
    outletTheme(SITE.brand),
    // The content store: handed to the pages from memory, and written to
    // disk last, once scripts/build.mjs was told the output is complete and
    // puts it live meanwhile. Keep it last.
    storeWrittenLast(),
    // A build started ahead may wait here, bundled, in front of the pages
    // (src/integrations/pages-gate.ts). Its prerenderer is set last, so it
    // wraps every other and its gate comes before anything they do.
    pagesGate(),
  ]),
  markdown: {
    // Shiki colours code with inline styles, which the CSP forbids; news
    // bodies show code plainly.
    syntaxHighlight: false,
    // Links that leave the site get rel="noopener noreferrer".
    processor: satteri({ hastPlugins: [externalLinks(SITE.url)] }),
  },
  security: {
    // Astro adds a <meta http-equiv="content-security-policy"> to every page
    // with hashes of its own styles and scripts; no 'unsafe-inline'.
    csp: {
      algorithm: 'SHA-256',
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        // Page-view analytics, when configured in src/site.ts, adds its exact origin.
        `connect-src ${connectSources(SITE.analytics).join(' ')}`,
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
    },
  },
  image: {
    // AVIF effort 0: on the benchmark's photo-like heroes it encodes twice
    // as fast as effort 2 for files within 5 % of its size, and eight times
    // faster than sharp's default (4); see README "Images".
    // WebP at quality 85 rather than sharp's 80: at 480 px the benchmark's
    // heroes fell to an SSIM of 0.943 at 80 and keep 0.959 at 85 (AVIF at
    // its default quality keeps 0.954), for about 2 KB more per WebP file,
    // which only browsers without AVIF download.
    // Astro's sharp service, plus the photo's rights written into its JPEG
    // renditions as XMP (src/lib/image-service.ts, issue 15).
    service: {
      ...sharpImageService({ avif: { effort: 0 }, webp: { quality: 85 } }),
      entrypoint: './src/lib/image-service.ts',
    },
  },
});

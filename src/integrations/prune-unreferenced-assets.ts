import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { referencedAssetNames, unreferencedImages } from '../lib/asset-references';
import { BuiltOutput, deriveFromBuiltFiles, outputCacheFile, SITEMAP_PART } from './built-files';

const TEXT_OUTPUT = /\.(html|xml|json|txt|css|js|webmanifest)$/i;

/**
 * After the build, deletes images in `_astro/` that no page, feed or
 * stylesheet refers to: the originals of drafts' and scheduled articles'
 * heroes, and full-size originals that only fed the resizer. Reads the
 * listing of the output (`output`, shared with the sitemap) and takes the
 * deleted files out of it.
 */
export function pruneUnreferencedAssets(output: BuiltOutput = new BuiltOutput()): AstroIntegration {
  let cacheFile = '';
  return {
    name: 'prune-unreferenced-assets',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheFile = outputCacheFile(config, 'asset-references');
      },
      'astro:build:start': () => output.reset(),
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const assetsDir = join(root, '_astro');
        const referenced = new Set<string>();
        // @astrojs/sitemap wrote its files after the listing was made.
        output.refresh(root, (name) => SITEMAP_PART.test(name));
        const names = await deriveFromBuiltFiles({
          root,
          files: output.files(root),
          wanted: (file) => TEXT_OUTPUT.test(file),
          derive: (text) => [...referencedAssetNames(text)],
          cacheFile,
          version: 'asset-references-1',
        });
        for (const list of names.distinct()) for (const name of list) referenced.add(name);
        const assets = await readdir(assetsDir).catch(() => [] as string[]);
        const unused = unreferencedImages(assets, referenced);
        await Promise.all(unused.map((file) => rm(join(assetsDir, file))));
        output.forget(unused.map((file) => `_astro/${file}`));
        logger.info(`removed ${unused.length} image file(s) no page or feed uses`);
      },
    },
  };
}

import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { referencedAssetNames, unreferencedImages } from '../lib/asset-references';
import { deriveFromBuiltFiles, outputCacheFile } from './built-files';

const TEXT_OUTPUT = /\.(html|xml|json|txt|css|js|webmanifest)$/i;

/**
 * After the build, deletes images in `_astro/` that no page, feed or
 * stylesheet refers to: the originals of drafts' and scheduled articles'
 * heroes, and full-size originals that only fed the resizer.
 */
export function pruneUnreferencedAssets(): AstroIntegration {
  let cacheDir = '';
  return {
    name: 'prune-unreferenced-assets',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = fileURLToPath(config.cacheDir);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const assetsDir = join(root, '_astro');
        const referenced = new Set<string>();
        const names = await deriveFromBuiltFiles({
          root,
          wanted: (file) => TEXT_OUTPUT.test(file),
          derive: (text) => [...referencedAssetNames(text)],
          cacheFile: outputCacheFile(cacheDir, root, 'asset-references'),
          version: 'asset-references-1',
        });
        for (const list of names.values()) for (const name of list) referenced.add(name);
        const assets = await readdir(assetsDir).catch(() => [] as string[]);
        const unused = unreferencedImages(assets, referenced);
        await Promise.all(unused.map((file) => rm(join(assetsDir, file))));
        logger.info(`removed ${unused.length} image file(s) no page or feed uses`);
      },
    },
  };
}

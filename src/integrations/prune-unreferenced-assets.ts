import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { referencedAssetNames, unreferencedImages } from '../lib/asset-references';
import { readBuiltFiles } from './built-files';

const TEXT_OUTPUT = /\.(html|xml|json|txt|css|js|webmanifest)$/i;

/**
 * After the build, deletes images in `_astro/` that no page, feed or
 * stylesheet refers to: the originals of drafts' and scheduled articles'
 * heroes, and full-size originals that only fed the resizer.
 */
export function pruneUnreferencedAssets(): AstroIntegration {
  return {
    name: 'prune-unreferenced-assets',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const assetsDir = join(root, '_astro');
        const referenced = new Set<string>();
        await readBuiltFiles(
          root,
          (file) => TEXT_OUTPUT.test(file),
          (_, text) => {
            for (const name of referencedAssetNames(text)) referenced.add(name);
          },
        );
        const assets = await readdir(assetsDir).catch(() => [] as string[]);
        const unused = unreferencedImages(assets, referenced);
        await Promise.all(unused.map((file) => rm(join(assetsDir, file))));
        logger.info(`removed ${unused.length} image file(s) no page or feed uses`);
      },
    },
  };
}

import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import type { AstroIntegration } from 'astro';
import { SITE } from '../site';
import { searchBundlePath, searchRecordsPath, type SearchRecord } from '../lib/search';
import { closeIndexer, indexRecords, writeBundle } from '../lib/search-bundle';

/**
 * Each edition's Pagefind bundle, made after the pages from the records
 * the search route wrote (the catalogue's published stories of the
 * edition: src/pages/[lang]/[search]/search-records.json.ts), never from
 * the built pages. The records file is deleted, and the bundle folder is
 * brought to the new bundle file by file (writeBundle): unchanged files
 * keep their times, so the live update skips them, and fragments of
 * stories that are gone or changed are deleted from the kept work folder.
 *
 * Runs its `astro:build:done` hook before the hooks that list the output
 * (the sitemap, the image pruning), so the listing scripts/build.mjs
 * publishes from has the bundle and not the records.
 */
export function searchIndex(): AstroIntegration {
  let root = '';
  return {
    name: 'search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.outDir);
      },
      'astro:build:done': async ({ logger }) => {
        try {
          for (const lang of SITE.langs) {
            const started = performance.now();
            const recordsFile = join(root, searchRecordsPath(lang));
            const records = JSON.parse(await readFile(recordsFile, 'utf8')) as SearchRecord[];
            await rm(recordsFile);
            const files = await indexRecords(records, lang);
            const done = await writeBundle(join(root, searchBundlePath(lang)), files);
            const seconds = (performance.now() - started) / 1000;
            // bench/run.mjs reads this line.
            logger.info(
              `search index ${lang}: ${records.length} stories in ${seconds.toFixed(2)} s, ` +
                `${files.length} files, ${done.bytes} bytes; ${done.written} written, ${done.removed} removed`,
            );
          }
        } finally {
          await closeIndexer();
        }
      },
    },
  };
}

import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { SITE, type Lang } from '../site';
import { searchBundlePath, searchRecordsPath, type SearchRecord } from '../lib/search';
import { bundleStamp, closeIndexer, indexRecords, writeBundle } from '../lib/search-bundle';
import { outputCacheFile } from './built-files';

/** What was indexed into an edition's bundle folder, kept between builds. */
interface EditionState {
  /** Digest of the records file the bundle was made from. */
  records: string;
  /** bundleStamp of the folder as written. */
  bundle: string;
  files: number;
  bytes: number;
}

/**
 * Each edition's Pagefind bundle, made after the pages from the records
 * the search route wrote (the catalogue's published stories of the
 * edition: src/pages/[lang]/[search]/search-records.json.ts), never from
 * the built pages. The records file is deleted, and the bundle folder is
 * brought to the new bundle file by file (writeBundle): unchanged files
 * keep their times, so the live update skips them, and fragments of
 * stories that are gone or changed are deleted from the kept work folder.
 * An edition whose records and folder are as the previous build left them
 * is not indexed again.
 *
 * Runs its `astro:build:done` hook before the hooks that list the output
 * (the sitemap, the image pruning), so the listing scripts/build.mjs
 * publishes from has the bundle and not the records.
 */
export function searchIndex(): AstroIntegration {
  let root = '';
  let stateFile = '';
  return {
    name: 'search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.outDir);
        stateFile = outputCacheFile(config, 'search-index');
      },
      'astro:build:done': async ({ logger }) => {
        const before = await readState(stateFile);
        const after: Partial<Record<Lang, EditionState>> = {};
        const edition = async (lang: Lang): Promise<void> => {
          const started = performance.now();
          const recordsFile = join(root, searchRecordsPath(lang));
          const text = await readFile(recordsFile, 'utf8');
          await rm(recordsFile);
          const digest = createHash('sha256').update(text).digest('hex');
          const dir = join(root, searchBundlePath(lang));
          const previous = before[lang];
          const records = JSON.parse(text) as SearchRecord[];
          let done = { written: 0, removed: 0 };
          if (previous?.records === digest && previous.bundle === (await bundleStamp(dir))) {
            after[lang] = previous;
          } else {
            const files = await indexRecords(records, lang);
            done = await writeBundle(dir, files);
            after[lang] = {
              records: digest,
              bundle: await bundleStamp(dir),
              files: files.length,
              bytes: files.reduce((sum, file) => sum + file.content.length, 0),
            };
          }
          const { files, bytes } = after[lang];
          const seconds = (performance.now() - started) / 1000;
          // bench/search.mjs (searchFromLog) reads this line.
          logger.info(
            `search index ${lang}: ${records.length} stories in ${seconds.toFixed(2)} s, ` +
              `${files} files, ${bytes} bytes; ${done.written} written, ${done.removed} removed` +
              (after[lang] === previous ? ' (unchanged: not indexed again)' : ''),
          );
        };
        try {
          await Promise.all(SITE.langs.map(edition));
        } finally {
          await closeIndexer();
        }
        await mkdir(dirname(stateFile), { recursive: true });
        await writeFile(stateFile, JSON.stringify(after));
      },
    },
  };
}

async function readState(file: string): Promise<Partial<Record<Lang, EditionState>>> {
  try {
    const state: unknown = JSON.parse(await readFile(file, 'utf8'));
    return typeof state === 'object' && state !== null ? state : {};
  } catch {
    return {};
  }
}

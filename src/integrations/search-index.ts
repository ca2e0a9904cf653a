import { statSync } from 'node:fs';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { SITE, type Lang } from '../site';
import { searchBundlePath, searchRecordsFolder, type SearchRecord } from '../lib/search';
import {
  bundleStamp,
  closeIndexer,
  indexRecords,
  writeBundle,
  bundlePlan,
  type BundleState,
} from '../lib/search-bundle';
import { BUILD_ONLY_FOLDER } from '../../scripts/work-folder';
import { outputCacheFile } from './built-files';
import { KEEP_OUTPUT_ENV } from './kept-output';

/** Per edition, per bundle (a recent month or an older year): what was indexed into its folder. */
type State = Partial<Record<Lang, Record<string, BundleState>>>;

/**
 * Each edition's Pagefind bundles, one per recent month and per older
 * year (`/es/buscar/pagefind/2026-11/`, `/es/buscar/pagefind/2025/`:
 * searchBundleKey in src/lib/search.ts), made after the pages from the
 * records the search records route wrote, one file per edition and bundle
 * (src/pages/build-only/search-records/[lang]/[bundle].json.ts), never
 * from the built pages. Those files stay in the work folder's build-only
 * folder, which is never published; an incremental build writes only the
 * files of bundles whose stories changed. A bundle whose records file and
 * folder are as the previous build left them (same size and time) is not
 * read or indexed again (bundlePlan), so a publish re-indexes only the
 * bundle of the story it changed; a bundle's folder is brought to its new
 * files one by one (writeBundle), so unchanged files keep their times and
 * the live update skips them; folders of bundles with no story left, and
 * anything else in the edition's folder, are deleted.
 *
 * Runs its `astro:build:done` hook before the hooks that list the output
 * (the sitemap, the image pruning), so the listing scripts/build.mjs
 * publishes from has the new bundles.
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
        const after: State = {};
        const edition = async (lang: Lang): Promise<void> => {
          const started = performance.now();
          const recordsDir = join(root, searchRecordsFolder(lang));
          const base = join(root, searchBundlePath(lang));
          // The bundles the catalogue has stories in: the files the route
          // wrote or kept (the kept-output integration deleted the others).
          const keys = (await readdir(recordsDir).catch(() => [] as string[]))
            .filter((name) => name.endsWith('.json'))
            .map((name) => name.slice(0, -'.json'.length))
            .sort()
            .reverse();
          const now = keys.map((key) => ({
            key,
            records: fileStamp(join(recordsDir, `${key}.json`)),
            bundle: bundleStamp(join(base, key)),
          }));
          const folders = (await readdir(base).catch(() => [])).map(String);
          const plan = bundlePlan(before[lang] ?? {}, now, folders);
          for (const name of plan.remove)
            await rm(join(base, name), { recursive: true, force: true });
          const state: Record<string, BundleState> = {};
          let written = 0;
          let removed = 0;
          let stories = 0;
          // One bundle at a time: Pagefind holds one index in memory at once.
          for (const { key, records: stamp } of now) {
            const previous = before[lang]?.[key];
            if (previous && plan.keep.includes(key)) {
              state[key] = previous;
              stories += previous.stories;
              continue;
            }
            const list = JSON.parse(
              await readFile(join(recordsDir, `${key}.json`), 'utf8'),
            ) as SearchRecord[];
            const dir = join(base, key);
            const files = await indexRecords(list, lang);
            const done = await writeBundle(dir, files);
            written += done.written;
            removed += done.removed;
            stories += list.length;
            state[key] = {
              records: stamp,
              bundle: bundleStamp(dir),
              files: files.length,
              bytes: files.reduce((sum, file) => sum + file.content.length, 0),
              stories: list.length,
            };
          }
          after[lang] = state;
          const files = Object.values(state).reduce((sum, one) => sum + one.files, 0);
          const bytes = Object.values(state).reduce((sum, one) => sum + one.bytes, 0);
          const seconds = (performance.now() - started) / 1000;
          // bench/search.mjs (searchFromLog) reads this line.
          logger.info(
            `search index ${lang}: ${stories} stories in ${seconds.toFixed(2)} s, ` +
              `${files} files, ${bytes} bytes; ${written} written, ${removed} removed; ` +
              `${keys.length} bundles, indexed ${plan.index.join(' ') || 'none'}` +
              (plan.remove.length > 0 ? `, deleted ${plan.remove.join(' ')}` : '') +
              (plan.index.length === 0 ? ' (unchanged: not indexed again)' : ''),
          );
        };
        try {
          await Promise.all(SITE.langs.map(edition));
        } finally {
          await closeIndexer();
        }
        await mkdir(dirname(stateFile), { recursive: true });
        await writeFile(stateFile, JSON.stringify(after));
        // A plain `astro build` (not scripts/build.mjs) publishes its output
        // folder as it is: the records must not stay in it.
        if (process.env[KEEP_OUTPUT_ENV] !== '1') {
          await rm(join(root, BUILD_ONLY_FOLDER), { recursive: true, force: true });
        }
      },
    },
  };
}

/** A file's size and modification time, or '' when there is none. */
function fileStamp(file: string): string {
  try {
    const { size, mtimeMs } = statSync(file);
    return `${size}:${mtimeMs}`;
  } catch {
    return '';
  }
}

async function readState(file: string): Promise<State> {
  try {
    const state: unknown = JSON.parse(await readFile(file, 'utf8'));
    return typeof state === 'object' && state !== null ? (state as State) : {};
  } catch {
    return {};
  }
}

import { createHash, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import {
  folderMemoText,
  forgetFolders,
  listingText,
  listStamps,
  listStampsRemembered,
  readFolderMemo,
  readListing,
  untouchedFolders,
  type FileStamp,
  type FolderMemo,
} from '../../scripts/work-folder';

/** A file's text, or null when it cannot be read. */
export function readText(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/** Files @astrojs/sitemap writes itself, outside any route: numbered parts and their index. */
export const SITEMAP_PART = /^sitemap-(\d+|index)\.xml$/;

/** What a derived value was computed from: the file's size and modification time. */
interface CachedValue<T> extends FileStamp {
  value: T;
}

/**
 * The listing of a build's output, made once and shared by the hooks that
 * read it (the sitemap's heads, the assets pages refer to) and handed to
 * scripts/build.mjs, which would otherwise walk the folder again: at
 * 50,000 articles each walk of the 123,000 files costs about 2 s.
 */
export class BuiltOutput {
  #files: Map<string, FileStamp> | undefined;
  /** Where the folders' memo is kept between builds (`remember`), and this build's memo. */
  #memoFile: string | undefined;
  #memo: FolderMemo | undefined;
  /** Where the listing itself is kept for the next build (`remember`). */
  #stampsFile: string | undefined;
  /** The files of the pages this build kept (ListedPaths.keptFiles). */
  #keptFiles: (() => ReadonlySet<string> | undefined) | undefined;
  /** The files of the pages this build rendered (ListedPaths.renderedFiles). */
  #renderedFiles: (() => readonly string[] | undefined) | undefined;
  /** Files only a hook writes, which it lists again whenever it does (`trustRelisted`). */
  #relisted: ((key: string) => boolean) | undefined;

  /**
   * Keeps what the listing learnt of each folder in `memoFile`, so that the
   * next build's listing reads only the folders that changed
   * (listStampsRemembered): at 50,000 articles, 79,000 folders; and the
   * listing in `stampsFile`, so that it reads no time of a page the next
   * build keeps, nor of a folder holding only such pages (`trustKept`).
   */
  remember(memoFile: string, stampsFile: string): void {
    this.#memoFile = memoFile;
    this.#stampsFile = stampsFile;
  }

  /**
   * Names the files of the pages a build kept as the previous build wrote
   * them (kept-output.ts; nothing else writes them): in a folder with the
   * same entries as then, their size and time are taken from the previous
   * listing instead of being read again (25,000 files at 10,000 articles).
   * Told also the files the build rendered, it takes the folders that hold
   * only kept pages as they were, without reading their times.
   */
  trustKept(
    keptFiles: () => ReadonlySet<string> | undefined,
    renderedFiles?: () => readonly string[] | undefined,
  ): void {
    this.#keptFiles = keptFiles;
    this.#renderedFiles = renderedFiles;
  }

  /**
   * Names the files that only a hook writes, and that it lists again
   * (`relist`) whenever it writes them in a build: the search index's
   * bundles (search-index.ts), 10,800 files at 10,000 articles and 53,000 at
   * 50,000. In a folder with the same entries as the previous listing, as
   * with kept pages, their size and time are taken from it instead of
   * being read again; one the hook rewrites is listed again by it.
   */
  trustRelisted(test: (key: string) => boolean): void {
    this.#relisted = test;
  }

  /** Forgets the listing of a previous build (astro:build:start). */
  reset(): void {
    this.#files = undefined;
    this.#memo = undefined;
  }

  /** The listing, made on first use in this build. */
  files(root: string): Map<string, FileStamp> {
    if (this.#files === undefined) {
      if (this.#memoFile === undefined) {
        this.#files = listStamps(root);
      } else {
        const previous = readFolderMemo(readText(this.#memoFile));
        const kept = previous === undefined ? undefined : this.#keptFiles?.();
        const stamps =
          kept === undefined || kept.size === 0 || this.#stampsFile === undefined
            ? null
            : readListing(readText(this.#stampsFile));
        // With the files the build rendered too, the folders that hold only
        // kept pages are not even looked at (untouchedFolders).
        const rendered = stamps === null ? undefined : this.#renderedFiles?.();
        const { listing, memo } = listStampsRemembered(
          root,
          previous,
          undefined,
          undefined,
          stamps === null
            ? undefined
            : (key) =>
                kept?.has(key) || this.#relisted?.(key) === true ? stamps.get(key) : undefined,
          previous === undefined || kept === undefined || rendered === undefined
            ? undefined
            : untouchedFolders(previous, kept, rendered),
        );
        this.#files = listing;
        this.#memo = memo;
      }
    }
    return this.#files;
  }

  /** Lists again the files directly in `root` whose names pass `test` (written after the listing). */
  refresh(root: string, test: (name: string) => boolean): void {
    const files = this.files(root);
    // The root's entries changed after the listing: the next build reads it again.
    this.#memo?.folders.delete('');
    for (const key of [...files.keys()]) if (!key.includes('/') && test(key)) files.delete(key);
    for (const entry of readdirSync(root, { withFileTypes: true })) {
      if (!entry.isFile() || !test(entry.name)) continue;
      const { size, mtimeMs } = statSync(join(root, entry.name));
      files.set(entry.name, { size, mtimeMs });
    }
  }

  /**
   * Lists again the files under `folder` (a path relative to `root`, ending
   * in `/`), which a hook rewrote after the listing was made. Returns them,
   * by path inside `folder`.
   */
  relist(root: string, folder: string): Map<string, FileStamp> {
    const files = this.files(root);
    if (this.#memo) forgetFolders(this.#memo, folder.replace(/\/+$/, ''));
    for (const key of [...files.keys()]) if (key.startsWith(folder)) files.delete(key);
    const found = listStamps(join(root, folder));
    for (const [key, stamp] of found) files.set(`${folder}${key}`, stamp);
    return found;
  }

  /** Takes deleted files out of the listing. */
  forget(keys: Iterable<string>): void {
    for (const key of keys) this.#files?.delete(key);
  }

  /**
   * Writes the listing for scripts/build.mjs (listingText, read back by
   * readListing), and the folders' memo for the next build's listing.
   */
  async save(file: string): Promise<void> {
    const rows = listingText(this.#files ?? new Map());
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, rows);
    if (this.#memoFile === undefined || this.#memo === undefined) return;
    await mkdir(dirname(this.#memoFile), { recursive: true });
    await writeFile(this.#memoFile, folderMemoText(this.#memo));
    if (this.#stampsFile !== undefined) await writeFile(this.#stampsFile, rows);
  }
}

/** Set by scripts/build.mjs: where to leave the listing of the output, so it need not walk it again. */
export const OUTPUT_LISTING_ENV = 'VOZ_OUTPUT_LISTING';

/**
 * Saves the listing of the output where scripts/build.mjs asks
 * (OUTPUT_LISTING_ENV), after every hook that writes or deletes files in
 * the output has brought it up to date: goes after them in the config.
 */
export function outputListing(output: BuiltOutput): AstroIntegration {
  return {
    name: 'output-listing',
    hooks: {
      'astro:config:done': ({ config }) => {
        // Only the work folder scripts/build.mjs keeps between builds has
        // folders worth remembering (`--force` empties it, so every folder
        // is new and read).
        if (process.env[OUTPUT_LISTING_ENV]) {
          output.remember(outputCacheFile(config, 'folders'), outputCacheFile(config, 'listing'));
        }
      },
      'astro:build:start': () => output.reset(),
      'astro:build:done': async ({ dir }) => {
        const listing = process.env[OUTPUT_LISTING_ENV];
        if (listing) {
          output.files(fileURLToPath(dir));
          await output.save(listing);
        }
      },
    },
  };
}

/**
 * What build hooks learn from each built file (a page's head for the
 * sitemap, the assets a page refers to), kept between builds in
 * `cacheFile` so that a rebuild reads only the files written since: when
 * the build keeps its output folder (scripts/build.mjs), a one-story
 * rebuild of a 10,000-article site writes about a hundred of its 25,000
 * files, and reading them all back had cost 5 s and 400 MB.
 *
 * Returns the value of every file under `root` whose path passes `wanted`,
 * keyed by its path relative to `root`. A file is read again when its size
 * or modification time differs from the cached one (every write changes
 * the time); values of files that are gone are dropped. `version` names
 * the shape of the values: a cache written with another version is
 * ignored.
 *
 * `generation`, when given, is told a name for the whole set of values:
 * the cache's own while no value was added, removed or changed since it
 * was written (a file written again with the same value leaves it), a new
 * one otherwise. It is saved with the values, so a build that stops after
 * this cannot hide a change from the next one.
 */
export async function deriveFromBuiltFiles<T>({
  root,
  files = listStamps(root),
  wanted,
  derive,
  cacheFile,
  version,
  generation,
}: {
  root: string;
  /** The output's files, when the caller listed them already (BuiltOutput). */
  files?: ReadonlyMap<string, FileStamp>;
  /** Whether a file's value is wanted, by its path relative to `root`. */
  wanted: (file: string) => boolean;
  derive: (text: string, path: string) => T;
  cacheFile: string;
  version: string;
  generation?: (name: string) => void;
}): Promise<Map<string, T>> {
  const cache = await readCache<T>(cacheFile, version);
  const cached = cache.files;
  const values = new Map<string, T>();
  const fresh: Record<string, CachedValue<T>> = {};
  // Whether a value differs from the cache's, and how many of the cache's
  // files are still there (fewer: some are gone).
  let changed = cache.generation === undefined;
  let stillThere = 0;
  // A file's full path is made only when it is read again: joining the
  // paths of all 180,000 files at 50,000 articles took 0.3 s of a publish.
  for (const [key, { size, mtimeMs }] of files) {
    if (!wanted(key)) continue;
    const before = cached[key];
    if (before !== undefined) stillThere += 1;
    if (before && before.size === size && before.mtimeMs === mtimeMs) {
      values.set(key, before.value);
      fresh[key] = before;
      continue;
    }
    const path = join(root, key);
    const value = derive(readFileSync(path, 'utf8'), path);
    values.set(key, value);
    fresh[key] = { size, mtimeMs, value };
    if (!changed && (before === undefined || !sameJson(before.value, value))) changed = true;
  }
  if (!changed && stillThere !== Object.keys(cached).length) changed = true;
  const name = changed ? randomUUID() : (cache.generation as string);
  await mkdir(dirname(cacheFile), { recursive: true });
  await writeFile(cacheFile, JSON.stringify({ version, generation: name, files: fresh }));
  generation?.(name);
  return values;
}

const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

async function readCache<T>(
  file: string,
  version: string,
): Promise<{ files: Record<string, CachedValue<T>>; generation: string | undefined }> {
  try {
    const data = JSON.parse(await readFile(file, 'utf8')) as {
      version?: string;
      generation?: unknown;
      files?: Record<string, CachedValue<T>>;
    };
    return data.version === version && data.files
      ? {
          files: data.files,
          generation: typeof data.generation === 'string' ? data.generation : undefined,
        }
      : { files: {}, generation: undefined };
  } catch {
    return { files: {}, generation: undefined };
  }
}

/**
 * Where a build hook keeps what it learnt about the output folder: one file
 * per hook and output folder, in Astro's cache folder, so that builds into
 * dist/ and into the tests' folder keep apart. The folder is named by its
 * path inside the project, so a project copied or moved with its cache
 * finds the file again (the work folder's list of route outputs must be
 * found, or the files of pages unpublished after the copy would stay).
 */
export function outputCacheFile(
  config: { root: URL; cacheDir: URL; outDir: URL },
  name: string,
): string {
  const outDir = relative(fileURLToPath(config.root), fileURLToPath(config.outDir));
  const folder = createHash('sha256')
    .update(outDir.split(sep).join('/'))
    .digest('hex')
    .slice(0, 12);
  return join(fileURLToPath(config.cacheDir), 'built-files', folder, `${name}.json`);
}

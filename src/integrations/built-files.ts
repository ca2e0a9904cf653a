import { createHash, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import {
  listingText,
  listStamps,
  listStampsAfterBuild,
  readListing,
  type FileStamp,
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

/**
 * The listing of a build's output, made once and shared by the hooks that
 * read it (the sitemap's heads, the assets pages refer to) and handed to
 * scripts/build.mjs, which would otherwise walk the folder again: at
 * 50,000 articles each walk of the 123,000 files costs about 2 s.
 */
export class BuiltOutput {
  #files: Map<string, FileStamp> | undefined;
  /** Where the listing is kept for the next build (`remember`). */
  #stampsFile: string | undefined;
  /** The files of the pages this build kept (ListedPaths.keptFiles). */
  #keptFiles: (() => ReadonlySet<string> | undefined) | undefined;
  /** The files of the pages this build rendered (ListedPaths.renderedFiles). */
  #renderedFiles: (() => readonly string[] | undefined) | undefined;
  /** Files only a hook writes, which it lists again whenever it does (`trustRelisted`). */
  #relisted: ((key: string) => boolean) | undefined;

  /**
   * Keeps the listing in `stampsFile`, so that the next build, told what it
   * kept and rendered (`trustKept`), reads only the folders where something
   * may have changed (listStampsAfterBuild).
   */
  remember(stampsFile: string): void {
    this.#stampsFile = stampsFile;
  }

  /**
   * Names the files of the pages a build kept as the previous build wrote
   * them (kept-output.ts; nothing else writes them), and those it rendered:
   * with the previous listing, the folders holding only kept pages are
   * taken as they were, without being read, and the kept pages' sizes and
   * times are taken from it (25,000 files at 10,000 articles).
   */
  trustKept(
    keptFiles: () => ReadonlySet<string> | undefined,
    renderedFiles: () => readonly string[] | undefined,
  ): void {
    this.#keptFiles = keptFiles;
    this.#renderedFiles = renderedFiles;
  }

  /**
   * Names the files that only a hook writes, and that it lists again
   * (`relist`) whenever it writes them in a build: the search index's
   * bundles (search-index.ts), 10,800 files at 10,000 articles and 53,000 at
   * 50,000. As with kept pages, their size and time are taken from the
   * previous listing instead of being read again; one the hook rewrites is
   * listed again by it.
   */
  trustRelisted(test: (key: string) => boolean): void {
    this.#relisted = test;
  }

  /** Forgets the listing of a previous build (astro:build:start). */
  reset(): void {
    this.#files = undefined;
  }

  /** The listing, made on first use in this build. */
  files(root: string): Map<string, FileStamp> {
    this.#files ??= this.#listedAfterBuild(root) ?? listStamps(root);
    return this.#files;
  }

  /**
   * The listing made from the previous one (listStampsAfterBuild); undefined
   * when there is none, or the build did not say what it kept and rendered.
   */
  #listedAfterBuild(root: string): Map<string, FileStamp> | undefined {
    const stampsFile = this.#stampsFile;
    if (stampsFile === undefined) return undefined;
    const kept = this.#keptFiles?.();
    // Into a folder that started empty every page is rendered: all is read.
    if (kept === undefined || kept.size === 0) return undefined;
    const rendered = this.#renderedFiles?.();
    const previous = rendered === undefined ? null : readListing(readText(stampsFile));
    if (rendered === undefined || previous === null) return undefined;
    return listStampsAfterBuild(root, previous, kept, rendered, this.#relisted);
  }

  /** Lists again the files directly in `root` whose names pass `test` (written after the listing). */
  refresh(root: string, test: (name: string) => boolean): void {
    const files = this.files(root);
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
    for (const key of [...files.keys()]) if (key.startsWith(folder)) files.delete(key);
    const found = listStamps(join(root, folder));
    for (const [key, stamp] of found) files.set(`${folder}${key}`, stamp);
    return found;
  }

  /** Takes deleted files out of the listing. */
  forget(keys: Iterable<string>): void {
    for (const key of keys) this.#files?.delete(key);
  }

  /** Writes the listing for scripts/build.mjs (listingText, read back by readListing), and for the next build. */
  async save(file: string): Promise<void> {
    const rows = listingText(this.#files ?? new Map());
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, rows);
    if (this.#stampsFile === undefined) return;
    await mkdir(dirname(this.#stampsFile), { recursive: true });
    await writeFile(this.#stampsFile, rows);
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
        if (process.env[OUTPUT_LISTING_ENV]) output.remember(outputCacheFile(config, 'listing'));
        // The memo of every folder's entries that builds before this one kept
        // beside the listing (listStampsAfterBuild replaced it).
        rmSync(outputCacheFile(config, 'folders'), { force: true });
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
 *
 * The cache is a line per file (cacheLine), and a value is parsed only
 * when asked for (DerivedValues): a publish reads and writes back the
 * lines of the files it did not write as they are. As one JSON document
 * parsed into objects and written whole, the two caches took about 2.5 s
 * of a 50,000-article publish's profile (73,000 pages' heads and 110,000
 * files' asset names), where a publish changes a few dozen values.
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
}): Promise<DerivedValues<T>> {
  const cache = readCacheLines(await readFile(cacheFile, 'utf8').catch(() => null), version);
  const cached = cache.lines;
  const lines = new Map<string, CachedLine>();
  // Whether a value differs from the cache's, and how many of the cache's
  // files are still there (fewer: some are gone).
  let changed = cache.generation === undefined;
  let stillThere = 0;
  // A file's full path is made only when it is read again: joining the
  // paths of all 180,000 files at 50,000 articles took 0.3 s of a publish.
  for (const [key, { size, mtimeMs }] of files) {
    if (!wanted(key)) continue;
    const before = cached.get(key);
    if (before !== undefined) stillThere += 1;
    if (before && before.size === size && before.mtimeMs === mtimeMs) {
      lines.set(key, before);
      continue;
    }
    const path = join(root, key);
    const raw = JSON.stringify(derive(readFileSync(path, 'utf8'), path)) ?? 'null';
    const line = cacheLine(key, size, mtimeMs, raw);
    lines.set(key, { size, mtimeMs, line, at: line.length - raw.length });
    if (!changed && (before === undefined || rawValue(before) !== raw)) changed = true;
  }
  if (!changed && stillThere !== cached.size) changed = true;
  const name = changed ? randomUUID() : (cache.generation as string);
  await mkdir(dirname(cacheFile), { recursive: true });
  const header = JSON.stringify({ format: CACHE_FORMAT, version, generation: name });
  await writeFile(cacheFile, [header, ...[...lines.values()].map((one) => one.line)].join('\n'));
  generation?.(name);
  return new DerivedValues<T>(lines);
}

/** Names the cache's layout (cacheLine): a cache in another is read as none. */
const CACHE_FORMAT = 'lines-1';

/** A file's line in the cache, and where its value's JSON starts in it. */
interface CachedLine extends FileStamp {
  line: string;
  at: number;
}

const rawValue = (cached: CachedLine): string => cached.line.slice(cached.at);

/**
 * A file's line in a cache of derived values: its path, size, time and
 * value's JSON, apart by tabs. A path that holds a tab or a line break, or
 * starts with a quote, is written as a JSON string.
 */
export function cacheLine(key: string, size: number, mtimeMs: number, raw: string): string {
  const path = /[\t\n\r"]/.test(key) ? JSON.stringify(key) : key;
  return `${path}\t${size}\t${mtimeMs}\t${raw}`;
}

/** The lines of a cache written by deriveFromBuiltFiles with `version`; none for anything else. */
export function readCacheLines(
  text: string | null,
  version: string,
): { lines: Map<string, CachedLine>; generation: string | undefined } {
  const none = { lines: new Map<string, CachedLine>(), generation: undefined };
  if (text === null) return none;
  const first = text.indexOf('\n');
  let header: { format?: unknown; version?: unknown; generation?: unknown };
  try {
    header = JSON.parse(first < 0 ? text : text.slice(0, first)) as typeof header;
  } catch {
    return none;
  }
  if (header.format !== CACHE_FORMAT || header.version !== version) return none;
  if (typeof header.generation !== 'string') return none;
  const lines = new Map<string, CachedLine>();
  for (let start = first + 1; first >= 0 && start < text.length;) {
    const next = text.indexOf('\n', start);
    const end = next < 0 ? text.length : next;
    const line = text.slice(start, end);
    start = end + 1;
    const a = line.startsWith('"') ? line.indexOf('"\t', 1) + 1 : line.indexOf('\t');
    const b = line.indexOf('\t', a + 1);
    const c = line.indexOf('\t', b + 1);
    if (a <= 0 || b < 0 || c < 0) return none;
    let key = line.slice(0, a);
    if (key.startsWith('"')) {
      try {
        key = JSON.parse(key) as string;
      } catch {
        return none;
      }
    }
    const size = Number(line.slice(a + 1, b));
    const mtimeMs = Number(line.slice(b + 1, c));
    if (!Number.isFinite(size) || !Number.isFinite(mtimeMs)) return none;
    lines.set(key, { size, mtimeMs, line, at: c + 1 });
  }
  return { lines, generation: header.generation };
}

/**
 * The values deriveFromBuiltFiles found, by path relative to the output
 * folder, each parsed from the cache's JSON when first asked for: an edit
 * that leaves the sitemap as it was (sitemap-kept.ts) never parses the
 * 73,000 heads of a 50,000-article site.
 */
export class DerivedValues<T> implements Iterable<[string, T]> {
  readonly #lines: ReadonlyMap<string, CachedLine>;
  /** Values parsed so far, by their JSON: pages with the same value share it. */
  readonly #parsed = new Map<string, T>();

  constructor(lines: ReadonlyMap<string, CachedLine>) {
    this.#lines = lines;
  }

  get size(): number {
    return this.#lines.size;
  }

  /** The value whose JSON is `raw`, parsed once. */
  #parse(raw: string): T {
    let value = this.#parsed.get(raw);
    if (value === undefined) {
      value = JSON.parse(raw) as T;
      this.#parsed.set(raw, value);
    }
    return value;
  }

  /** The value of the file at `key`, or undefined when it has none. */
  get(key: string): T | undefined {
    const line = this.#lines.get(key);
    return line === undefined ? undefined : this.#parse(rawValue(line));
  }

  /** Every different value once (the assets pages refer to are the same for most of them). */
  distinct(): T[] {
    const raws = new Set<string>();
    for (const line of this.#lines.values()) raws.add(rawValue(line));
    return [...raws].map((raw) => this.#parse(raw));
  }

  *[Symbol.iterator](): Iterator<[string, T]> {
    for (const [key, line] of this.#lines) yield [key, this.#parse(rawValue(line))];
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

// The build's work folder (scripts/build.mjs): Astro builds into a folder it
// keeps between builds, so a rebuild writes only the pages whose content
// changed; then only the files that changed are put into the live output
// folder, each one whole (written beside it, then renamed over it), in an
// order that never leaves a link pointing nowhere. These are the
// decisions, without the file operations, so they can be tested on their
// own.
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmdirSync,
  rmSync,
  statSync,
  writeFileSync,
  type Dirent,
} from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';

/** What tells two versions of a file apart without reading it. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
}

/** Every file of a folder, by path relative to it (with `/` on every system). */
export type Listing = Map<string, FileStamp>;

/**
 * A folder of the build's output that is never published: files routes
 * write for the build's own hooks (an edition's search records, read by
 * src/integrations/search-index.ts). It stays in the work folder, so an
 * incremental build leaves its unchanged files as they are, and it is left
 * out of every listing: the sitemap, the asset pruning and the live folder
 * never see it.
 */
export const BUILD_ONLY_FOLDER = 'build-only';

/** How `listStamps` reads folders; the tests stand in for the file system with it. */
export interface FolderReader {
  readdir: (dir: string) => Dirent[];
  stat: (path: string) => FileStamp | undefined;
}

const folderReader: FolderReader = {
  readdir: (dir) => readdirSync(dir, { withFileTypes: true }),
  stat: (path) => statSync(path, { throwIfNoEntry: false }),
};

/** Whether an error says the entry is no longer there. */
const vanished = (error: unknown) =>
  ['ENOENT', 'ENOTDIR'].includes((error as NodeJS.ErrnoException | undefined)?.code ?? '');

/**
 * Every file under `dir` with its size and modification time, except the
 * build-only folder; empty when there is no `dir`.
 *
 * A file or folder that disappears while the folder is walked is left out
 * instead of failing the walk (the same check that makes a missing `dir`
 * list nothing): the search indexer rewrites a bundle's
 * folder (deleting the fragments of stories gone from it) while the build's
 * hooks list the output, and lists that folder again once it is done
 * (BuiltOutput.relist). A 50,000-article publish failed on such a file.
 */
export function listStamps(dir: string, reader: FolderReader = folderReader): Listing {
  // The same walk as listStampsRemembered, with nothing remembered: every
  // folder is read.
  return listStampsRemembered(dir, undefined, { ...reader, folderTime: () => 0 }).listing;
}

/**
 * What a walk learnt about each folder under its root (by path relative to
 * it, `''` for the root): the folder's modification time and its entries in
 * the order the system listed them, a folder's name ending in `/`. The next
 * walk reads again only the folders whose time changed.
 */
export interface FolderMemo {
  /** When the walk that made it started (Date.now()). */
  listedAt: number;
  folders: Map<string, { mtimeMs: number; entries: string[] }>;
}

/**
 * How long before a walk a folder must have last changed for the entries it
 * had then to be trusted by the next walk. A folder's time changes whenever
 * an entry is added, removed or renamed in it, but it ticks coarsely (a few
 * milliseconds): a folder changed in the same tick as it was read could keep
 * its time. Folders changed that close to a walk are read again next time.
 */
export const SETTLED_MS = 2_000;

/** Reads folders for `listStampsRemembered`: `listStamps`'s reader and a folder's time. */
export interface RememberingReader extends FolderReader {
  /** The folder's modification time; undefined when it is gone or not a folder. */
  folderTime: (path: string) => number | undefined;
}

const rememberingReader: RememberingReader = {
  ...folderReader,
  folderTime: (path) => {
    const stat = statSync(path, { throwIfNoEntry: false });
    return stat?.isDirectory() ? stat.mtimeMs : undefined;
  },
};

/**
 * `listStamps`, the same listing in the same order, reading only the folders
 * that changed since the walk that made `previous`: the others' entries are
 * taken from it, and only their files' times are read. The live folder
 * (scripts/build.mjs) is listed so: at 50,000 articles a page is one of
 * 79,000 folders (`/slug/index.html`), and reading each of them again cost
 * 2.2 s; a folder's time is read in a few microseconds. Returns the
 * listing and the memo for the next walk.
 */
export function listStampsRemembered(
  dir: string,
  previous: FolderMemo | undefined,
  reader: RememberingReader = rememberingReader,
  now: number = Date.now(),
): { listing: Listing; memo: FolderMemo } {
  const listing: Listing = new Map();
  const memo: FolderMemo = { listedAt: now, folders: new Map() };
  const trustedBefore = (previous?.listedAt ?? 0) - SETTLED_MS;
  const walk = (folder: string, key: string) => {
    const prefix = key === '' ? '' : `${key}/`;
    const known = previous?.folders.get(key);
    // The time is read before the entries: a change in between gives the
    // folder a newer time than the one kept, and it is read again next time.
    const mtimeMs = reader.folderTime(folder);
    if (mtimeMs === undefined) return;
    let entries: string[];
    if (known !== undefined && known.mtimeMs === mtimeMs && mtimeMs < trustedBefore) {
      entries = known.entries;
    } else {
      const dirents = readFolder(reader, folder);
      if (dirents === undefined) return;
      entries = [];
      for (const entry of dirents) {
        if (entry.isDirectory()) entries.push(`${entry.name}/`);
        else if (entry.isFile()) entries.push(entry.name);
      }
    }
    memo.folders.set(key, { mtimeMs, entries });
    for (const entry of entries) {
      if (entry.endsWith('/')) {
        const name = entry.slice(0, -1);
        const sub = `${prefix}${name}`;
        if (sub !== BUILD_ONLY_FOLDER) walk(`${folder}/${name}`, sub);
      } else {
        const stamp = reader.stat(`${folder}/${entry}`);
        if (stamp) listing.set(`${prefix}${entry}`, { size: stamp.size, mtimeMs: stamp.mtimeMs });
      }
    }
  };
  // Paths are joined by hand: path.join, which also normalises, took 0.4 s
  // of a walk of 180,000 files.
  walk(trimmed(dir), '');
  return { listing, memo };
}

/** `dir` without a trailing `/` (but `/` itself). */
const trimmed = (dir: string) => (dir.length > 1 ? dir.replace(/\/+$/, '') : dir);

/** A folder's entries; undefined when it is gone (see listStamps). */
function readFolder(reader: FolderReader, folder: string): Dirent[] | undefined {
  try {
    return reader.readdir(folder);
  } catch (error) {
    if (vanished(error)) return undefined;
    throw error;
  }
}

/**
 * Adds to `folders` every folder `file` is in (by path relative to the
 * root, without the root itself, `''`, which the caller puts there), and
 * stops at the first one it already holds: its own folders are there.
 */
function addFoldersOf(folders: Set<string>, file: string): void {
  for (let at = file.lastIndexOf('/'); at > 0; at = file.lastIndexOf('/', at - 1)) {
    const folder = file.slice(0, at);
    if (folders.has(folder)) return;
    folders.add(folder);
  }
}

/**
 * The listing of the work folder after a build into it, from the listing
 * the previous build left (`previous`) and what the build says it did:
 * `kept`, the files of the pages it kept as the previous build wrote them
 * (only Astro's render writes a page's file, and it did not run for them),
 * and `written`, the files of the pages it rendered. The walk reads only
 * the folders where something else may have changed: those holding a file
 * that is not a kept page (code, images, sitemaps, search bundles, the
 * build's own files) or a page rendered now, the folders above them, and
 * any folder the previous listing does not know. A folder holding nothing
 * but kept pages, at any depth, is taken from `previous` without being
 * looked at: at 50,000 articles nearly all of 126,000 folders. The times
 * of kept pages, and of files `relisted` says a hook lists again whenever
 * it rewrites them (the search bundles), are taken from `previous` too;
 * every other file's are read.
 *
 * It replaced a memo of every folder's entries kept between builds
 * (listStampsRemembered, still used for the live folder, which nothing
 * vouches for): parsing, checking and writing back that memo and walking
 * every folder it named was 4.5 s of a 50,000-article publish's profile,
 * where the previous listing alone says which folders hold only kept
 * pages. The listing holds the same files with the same stamps as a walk
 * (listStamps), not necessarily in its order.
 */
export function listStampsAfterBuild(
  dir: string,
  previous: Listing,
  kept: ReadonlySet<string>,
  written: Iterable<string>,
  relisted: (key: string) => boolean = () => false,
  reader: FolderReader = folderReader,
): Listing {
  // Folders the previous listing has files in, and those of them the walk
  // must read: any with a file in it or below that the build does not vouch for.
  const known = new Set<string>(['']);
  const read = new Set<string>(['']);
  for (const key of previous.keys()) {
    addFoldersOf(known, key);
    if (!kept.has(key)) addFoldersOf(read, key);
  }
  for (const key of written) addFoldersOf(read, key);
  for (const key of kept) if (!previous.has(key)) addFoldersOf(read, key);
  const listing: Listing = new Map();
  // The kept pages of folders the walk leaves alone.
  for (const [key, stamp] of previous) {
    if (!kept.has(key)) continue;
    const at = key.lastIndexOf('/');
    if (!read.has(at < 0 ? '' : key.slice(0, at))) listing.set(key, stamp);
  }
  const walk = (folder: string, key: string) => {
    const dirents = readFolder(reader, folder);
    if (dirents === undefined) return;
    const prefix = key === '' ? '' : `${key}/`;
    for (const entry of dirents) {
      if (entry.isDirectory()) {
        const sub = `${prefix}${entry.name}`;
        if (sub === BUILD_ONLY_FOLDER) continue;
        // A folder of kept pages only is in the listing already; a folder
        // the previous listing does not know is new, and read whole.
        if (read.has(sub) || !known.has(sub)) walk(`${folder}/${entry.name}`, sub);
      } else if (entry.isFile()) {
        const file = `${prefix}${entry.name}`;
        const vouched = kept.has(file) || relisted(file) ? previous.get(file) : undefined;
        const stamp = vouched ?? reader.stat(`${folder}/${entry.name}`);
        if (stamp) listing.set(file, { size: stamp.size, mtimeMs: stamp.mtimeMs });
      }
    }
  };
  walk(trimmed(dir), '');
  return listing;
}

/** A memo as JSON (`[folder, mtimeMs, entries]` rows), for `readFolderMemo`. */
export function folderMemoText(memo: FolderMemo): string {
  const rows = [...memo.folders].map(([key, { mtimeMs, entries }]) => [key, mtimeMs, entries]);
  return JSON.stringify({ version: 1, listedAt: memo.listedAt, rows });
}

/** A memo written by `folderMemoText`, or undefined when there is none or it is not one. */
export function readFolderMemo(text: string | null): FolderMemo | undefined {
  if (text === null) return undefined;
  try {
    const data = JSON.parse(text) as { version?: unknown; listedAt?: unknown; rows?: unknown };
    if (data.version !== 1 || typeof data.listedAt !== 'number' || !Array.isArray(data.rows)) {
      return undefined;
    }
    const folders = new Map<string, { mtimeMs: number; entries: string[] }>();
    for (const row of data.rows as unknown[]) {
      if (!Array.isArray(row)) return undefined;
      const [key, mtimeMs, entries] = row as unknown[];
      if (typeof key !== 'string' || typeof mtimeMs !== 'number' || !Array.isArray(entries)) {
        return undefined;
      }
      if (!entries.every((entry) => typeof entry === 'string')) return undefined;
      folders.set(key, { mtimeMs, entries: entries as string[] });
    }
    return { listedAt: data.listedAt, folders };
  } catch {
    return undefined;
  }
}

/**
 * A listing as JSON, the form the build's hooks save it in (BuiltOutput.save
 * in src/integrations/built-files.ts) for scripts/build.mjs to read back
 * with readListing: three columns, the paths, the sizes and the times, in
 * the listing's order. Parsing three arrays of plain values takes about 60 %
 * of the time of one `[path, size, mtimeMs]` array per file (37,000 files at
 * 10,000 articles: 0.11 s, read on the way to live).
 */
export function listingText(listing: Listing): string {
  const paths: string[] = [];
  const sizes: number[] = [];
  const mtimes: number[] = [];
  for (const [path, { size, mtimeMs }] of listing) {
    paths.push(path);
    sizes.push(size);
    mtimes.push(mtimeMs);
  }
  return JSON.stringify({ paths, sizes, mtimes });
}

/** A listing saved by listingText, or null when there is none or it is not one. */
export function readListing(text: string | null): Listing | null {
  if (text === null) return null;
  try {
    const data: unknown = JSON.parse(text);
    if (typeof data !== 'object' || data === null) return null;
    const { paths, sizes, mtimes } = data as Record<string, unknown>;
    if (!Array.isArray(paths) || !Array.isArray(sizes) || !Array.isArray(mtimes)) return null;
    if (sizes.length !== paths.length || mtimes.length !== paths.length) return null;
    const listing: Listing = new Map();
    for (let i = 0; i < paths.length; i += 1) {
      const path: unknown = paths[i];
      const size: unknown = sizes[i];
      const mtimeMs: unknown = mtimes[i];
      if (typeof path !== 'string' || typeof size !== 'number' || typeof mtimeMs !== 'number') {
        return null;
      }
      listing.set(path, { size, mtimeMs });
    }
    return listing;
  } catch {
    return null;
  }
}

/**
 * Writes `value` as JSON to `file` whole: beside its place, then renamed
 * over it, so a build stopped halfway leaves the previous file or the new
 * one, never half of one.
 */
export function writeJsonWhole(file: string, value: unknown): void {
  mkdirSync(dirname(file), { recursive: true });
  const staged = `${file}.${process.pid}.next`;
  writeFileSync(staged, JSON.stringify(value));
  renameSync(staged, file);
}

/**
 * Deletes `file` (a path relative to `root`) and then the folders it leaves
 * empty, up to `root`; a path that leads out of `root` is left alone.
 */
export function removeWithEmptyFolders(root: string, file: string): void {
  const base = resolve(root); // no trailing separator, whichever way `root` was written
  const path = join(base, file);
  if (!path.startsWith(`${base}${sep}`)) return;
  rmSync(path, { force: true });
  for (let folder = dirname(path); folder.startsWith(`${base}${sep}`); folder = dirname(folder)) {
    // A folder already gone (the work folder was started afresh since the
    // file was listed) has nothing left to remove.
    if (!existsSync(folder) || readdirSync(folder).length > 0) return;
    rmdirSync(folder);
  }
}

/**
 * Beside the work folder: the cache key each of its files was built with
 * (src/lib/kept-paths.ts). It describes that folder only, so it goes
 * whenever the folder is started afresh.
 */
export function pathKeysFile(work: string): string {
  return `${resolve(work)}.path-keys.json`;
}

/** One digest of a folder's listing: equal when no file was added, removed or rewritten. */
export function listingDigest(listing: Listing): string {
  const hash = createHash('sha256');
  for (const path of [...listing.keys()].sort()) {
    const { size, mtimeMs } = listing.get(path) ?? { size: 0, mtimeMs: 0 };
    hash.update(`${path}\0${size}\0${mtimeMs}\n`);
  }
  return hash.digest('hex');
}

/**
 * What the output is built from besides content/: the code, the public
 * files, the config and the locked dependencies. When any of it changes the
 * work folder is started afresh, so that no bundle, stylesheet or public
 * file of an earlier version stays behind in it.
 */
export const CODE_INPUTS = [
  'src',
  'public',
  'astro.config.mjs',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
];

/**
 * A digest of the files under `inputs` (paths relative to `root`; missing
 * ones count as missing) and of `extra` strings (the Node version, Astro's
 * arguments).
 */
export function codeDigest(
  root: string,
  inputs: readonly string[],
  extra: readonly string[],
): string {
  const hash = createHash('sha256');
  for (const input of [...inputs].sort()) {
    const path = join(root, input);
    if (!existsSync(path)) {
      hash.update(`${input}\0missing\n`);
      continue;
    }
    const files = statSync(path).isDirectory()
      ? [...listStamps(path).keys()].sort().map((file) => `${input}/${file}`)
      : [input];
    for (const file of files) {
      hash.update(`${file}\0`);
      hash.update(readFileSync(join(root, file)));
      hash.update('\n');
    }
  }
  for (const item of extra) hash.update(`${item}\0`);
  return hash.digest('hex');
}

/** What the live folder needs to equal the work folder. */
export interface SyncPlan {
  /** Unchanged since the live folder was last updated: left alone. */
  keep: string[];
  /** Written by this build, or not in the live folder: copied from the work folder. */
  copy: string[];
  /** In the live folder only: deleted. */
  drop: string[];
}

/** One step of updating the live folder. */
export type SyncStep = { put: string } | { remove: string };

/**
 * The order in which the live folder is updated, so that a reader (or a
 * deploy) looking at it during the update never follows a link to a page
 * that is not there yet or no longer there: first the files it did not
 * have (a new story, its card; only pages that change link to them), then
 * the files that change (fronts, listings, feeds: they may link to the new
 * files and stop linking to the old), and last the files that go.
 */
export function syncSteps(plan: SyncPlan, live: Listing): SyncStep[] {
  const added = plan.copy.filter((path) => !live.has(path));
  const replaced = plan.copy.filter((path) => live.has(path));
  return [
    ...added.map((put) => ({ put })),
    ...replaced.map((put) => ({ put })),
    ...plan.drop.map((remove) => ({ remove })),
  ];
}

/**
 * Files whose name changes with their content: what Astro and Vite emit
 * into `_astro/` is named `<name>.<hash>.<ext>`, the hash taken from the
 * source and, for images, the transform. Astro copies every image from its
 * cache into the output on every build, so their times say nothing.
 */
export const CONTENT_NAMED = /^_astro\/[^/]+\.[\w-]{8,}\.\w+$/;

/**
 * Which files of the work folder changed since the live folder was made
 * from it at `syncedAt` (epoch ms): those written after that moment, those
 * the live folder lacks, and those whose size differs; a content-named file
 * (CONTENT_NAMED) of the same size is unchanged whatever its time. Without
 * a trusted `syncedAt` (first build, a live folder changed by hand)
 * everything is copied.
 */
export function syncPlan(work: Listing, live: Listing, syncedAt: number | null): SyncPlan {
  const plan: SyncPlan = { keep: [], copy: [], drop: [] };
  for (const [path, stamp] of work) {
    const before = live.get(path);
    const unchanged =
      syncedAt !== null &&
      before !== undefined &&
      before.size === stamp.size &&
      (stamp.mtimeMs <= syncedAt || CONTENT_NAMED.test(path));
    (unchanged ? plan.keep : plan.copy).push(path);
  }
  for (const path of live.keys()) if (!work.has(path)) plan.drop.push(path);
  return plan;
}

/** What scripts/build.mjs remembers about a work folder between builds. */
export interface WorkState {
  /** codeDigest of the build that filled the folder. */
  code: string;
  /** false from the start of a build until its output is live: a failed build's folder is not trusted. */
  complete: boolean;
  /** When the live folder was last made from the work folder (epoch ms). */
  syncedAt?: number;
  /** listingDigest of the live folder as it was made. */
  live?: string;
}

/** The state in `text`, or null when it is missing or not one. */
export function parseWorkState(text: string | null): WorkState | null {
  if (text === null) return null;
  try {
    const data = JSON.parse(text) as Partial<WorkState>;
    if (typeof data.code !== 'string' || typeof data.complete !== 'boolean') return null;
    return {
      code: data.code,
      complete: data.complete,
      ...(typeof data.syncedAt === 'number' ? { syncedAt: data.syncedAt } : {}),
      ...(typeof data.live === 'string' ? { live: data.live } : {}),
    };
  } catch {
    return null;
  }
}

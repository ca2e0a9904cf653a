import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, rmdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, sep } from 'node:path';
import * as pagefind from 'pagefind';
import { listStamps } from '../../scripts/work-folder.ts';

/**
 * Making an edition's Pagefind bundle and keeping a folder equal to it.
 * Imports nothing of the site's own, so the benchmark can index a corpus
 * through it without an Astro build (bench/search.mjs).
 */

/** A story as Pagefind's `addCustomRecord` takes it (see SearchRecord in search.ts). */
export interface IndexRecord {
  url: string;
  content: string;
  language: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[]>;
  sort: Record<string, string>;
}

/** A file of a Pagefind bundle, by path inside the bundle. */
export interface BundleFile {
  path: string;
  content: Uint8Array;
}

/**
 * The files of Pagefind's output a reader's browser uses with our own
 * results page: the search script and its worker, the entry file, the
 * WebAssembly of the edition's language and the index itself. Pagefind's
 * own interfaces (pagefind-ui and friends), the highlighter and the
 * fallback WebAssembly of unknown languages are left out.
 */
export function servedBundleFile(path: string, lang: string): boolean {
  return (
    path === 'pagefind.js' ||
    path === 'pagefind-worker.js' ||
    path === 'pagefind-entry.json' ||
    path === `wasm.${lang}.pagefind` ||
    /^pagefind\.[\w-]+\.pf_meta$/.test(path) ||
    /^(index|fragment|filter)\/[\w-]+\.pf_(index|fragment|filter)$/.test(path)
  );
}

/**
 * Whether Pagefind names a file of its bundle after a digest of its bytes:
 * its index chunks, fragments and filters (`fragment/es_074f43d.pf_fragment`).
 * A file of such a name and of the same size as before holds the same
 * bytes, so an edit's re-index need not read the thousand unchanged
 * fragments of its bundle again to know it (0.3 s of a 10,000-article
 * edit, at the end of its publish). The test beside this one checks that
 * Pagefind still names them so.
 */
export function namedByContent(path: string): boolean {
  return /^(index|fragment|filter)\/[\w-]+\.pf_(index|fragment|filter)$/.test(path);
}

/** A file a bundle folder holds: its size, and its bytes when they must be compared. */
export interface KeptFile {
  size: number;
  read: () => Uint8Array;
}

/**
 * How to bring a bundle folder that holds `existing` (path → file) to
 * `next`: the files to write (new, or with other bytes) and the files to
 * delete (fragments and index chunks of a previous build that the new
 * index no longer names). Files with the same bytes are left alone, so
 * their times do not change and the live update skips them. A file named
 * after its bytes (namedByContent) with the same size is taken as equal
 * without being read; any other of the same size is read and compared.
 */
export function bundleChanges(
  existing: ReadonlyMap<string, KeptFile>,
  next: readonly BundleFile[],
): { write: BundleFile[]; remove: string[] } {
  const wanted = new Set(next.map((file) => file.path));
  const write = next.filter((file) => {
    const before = existing.get(file.path);
    if (before === undefined || before.size !== file.content.length) return true;
    return !namedByContent(file.path) && !sameBytes(before.read(), file.content);
  });
  const remove = [...existing.keys()].filter((path) => !wanted.has(path)).sort();
  return { write, remove };
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return false;
  return true;
}

/** Records sent to Pagefind at once. */
const BATCH = 500;

function definedMeta(meta: IndexRecord['meta']): Record<string, string> {
  return Object.fromEntries(
    Object.entries(meta).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}

/** Stops with Pagefind's own words when it reports errors. */
function check(what: string, errors: readonly string[]): void {
  if (errors.length > 0) throw new Error(`Pagefind could not ${what}: ${errors.join('; ')}`);
}

/**
 * The bundle of one edition from its records, in the order given (the
 * catalogue's: newest first), with only the files readers use
 * (servedBundleFile). Same records, same bytes: the incremental build is
 * checked byte for byte against a full one.
 */
export async function indexRecords(
  records: readonly IndexRecord[],
  lang: string,
): Promise<BundleFile[]> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: lang });
  check('start an index', errors);
  if (!index) throw new Error('Pagefind gave no index');
  try {
    // Sent in batches without waiting for each answer: Pagefind takes them
    // in the order sent, so the bundle is the same bytes as when they are
    // sent one at a time.
    for (let start = 0; start < records.length; start += BATCH) {
      const batch = records.slice(start, start + BATCH).map((record) =>
        index.addCustomRecord({ ...record, meta: definedMeta(record.meta) }).then((added) => {
          check(`index ${record.url}`, added.errors);
        }),
      );
      await Promise.all(batch);
    }
    const files = await index.getFiles();
    check('write the index', files.errors);
    return (
      files.files
        .map((file) => ({ path: file.path.split(sep).join('/'), content: file.content }))
        .filter((file) => servedBundleFile(file.path, lang))
        // Pagefind lists the files in no fixed order (their bytes are fixed).
        .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    );
  } finally {
    await index.deleteIndex();
  }
}

/**
 * Makes the folder `dir` hold exactly `next`: writes the files that are new
 * or changed, deletes the ones the new bundle no longer has (and folders
 * left empty). Returns what it did.
 */
export async function writeBundle(
  dir: string,
  next: readonly BundleFile[],
): Promise<{ written: number; removed: number; bytes: number }> {
  const kept = new Map<string, KeptFile>();
  for (const [path, { size }] of listStamps(dir)) {
    kept.set(path, { size, read: () => readFileSync(join(dir, path)) });
  }
  const { write, remove } = bundleChanges(kept, next);
  for (const file of write) {
    const path = join(dir, file.path);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, file.content);
  }
  for (const file of remove) {
    await rm(join(dir, file), { force: true });
    await rmdir(dirname(join(dir, file))).catch(() => undefined); // only when left empty
  }
  const bytes = next.reduce((sum, file) => sum + file.content.length, 0);
  return { written: write.length, removed: remove.length, bytes };
}

/**
 * A digest of a bundle folder's file names and sizes: equal when nothing
 * was added, removed or rewritten to another size since it was taken.
 * Synchronous: a year's bundle has a file per story, and thousands of
 * awaited stats took most of a second at 10,000 articles.
 */
export function bundleStamp(dir: string): string {
  // listStamps leaves out a file the indexer deletes while it is walked.
  return bundleStampOf(listStamps(dir));
}

/** bundleStamp of a folder from its listing (path inside the folder → size), without reading it. */
export function bundleStampOf(files: Iterable<[string, { size: number }]>): string {
  const hash = createHash('sha256');
  const rows = [...files].map(([path, { size }]) => `${path}\0${size}`);
  for (const row of rows.sort()) hash.update(`${row}\n`);
  return hash.digest('hex');
}

/**
 * The files of each bundle folder under an edition's folder `prefix` (a
 * path relative to the output, ending in `/`), from the listing of the
 * whole output: bundle → path inside the bundle → stamp. Files directly in
 * `prefix` belong to no bundle and are left out.
 */
export function filesByBundle<T>(
  listing: ReadonlyMap<string, T>,
  prefix: string,
): Map<string, Map<string, T>> {
  const bundles = new Map<string, Map<string, T>>();
  for (const [key, stamp] of listing) {
    if (!key.startsWith(prefix)) continue;
    const slash = key.indexOf('/', prefix.length);
    if (slash < 0) continue;
    const bundle = key.slice(prefix.length, slash);
    let files = bundles.get(bundle);
    if (files === undefined) bundles.set(bundle, (files = new Map()));
    files.set(key.slice(slash + 1), stamp);
  }
  return bundles;
}

/** Ends Pagefind's indexing process (the build would otherwise wait for it). */
export function closeIndexer(): Promise<unknown> {
  return pagefind.close();
}

/** What was indexed into one bundle folder, kept between builds. */
export interface BundleState {
  /** Size and time of the records file the bundle was made from. */
  records: string;
  /** bundleStamp of the folder as written. */
  bundle: string;
  files: number;
  bytes: number;
  /** Stories in the bundle. */
  stories: number;
}

/**
 * Which bundles of an edition (a recent month or an older year, by key) a
 * build makes again, keeps or deletes. A bundle is kept when its records
 * file has the size and time the previous build indexed and its folder has
 * the stamp that build left (nobody touched it); otherwise it is indexed
 * again. Folders of bundles that no longer have a story are deleted.
 */
export function bundlePlan(
  previous: Readonly<Record<string, BundleState | undefined>>,
  now: readonly { key: string; records: string; bundle: string }[],
  folders: readonly string[],
): { index: string[]; keep: string[]; remove: string[] } {
  const index: string[] = [];
  const keep: string[] = [];
  for (const { key, records, bundle } of now) {
    const before = previous[key];
    if (before?.records === records && before.bundle === bundle) keep.push(key);
    else index.push(key);
  }
  const wanted = new Set(now.map((entry) => entry.key));
  const remove = folders.filter((folder) => !wanted.has(folder)).sort();
  return { index, keep, remove };
}

import { statSync } from 'node:fs';
import { join, posix, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { escapePath, glob as listFiles } from 'tinyglobby';
import { buildSlot } from './build-slot';

/**
 * Astro's glob loader reads every file of a collection on every build to
 * digest it, then skips the ones whose digest it has stored: at 10,000
 * articles that is about a second of a one-story publish, at 50,000 about
 * six. This wrapper lets it read only the files whose size, modification
 * time, change time or inode differ from when the previous build read
 * them (or whose entry the store no longer has); the other entries stay in
 * the store as they are. The loader itself, its ids, digests, parsing and
 * rendering, is Astro's: the files it reads are handed to it by name.
 *
 * `npm run build -- --force` clears the content store, so every file is
 * read again; a store cleared for any other reason (new rules, a changed
 * Astro config, a body file gone) empties the stored entries, and those
 * files are read again too.
 */

/** What tells two versions of a source file apart without reading it. */
export type SourceStamp = [size: number, mtimeMs: number, ctimeMs: number, ino: number];

/** An entry as the store keeps it, as far as this decision needs. */
export interface StoredSource {
  id: string;
  /** Path relative to the project root, with `/`. */
  filePath?: string | undefined;
  digest?: string | number | undefined;
  data: Record<string, unknown>;
  assetImports?: string[] | undefined;
  deferredRender?: boolean | undefined;
}

/** Which files a load reads, and which stored entries it keeps or deletes. */
export interface LoadPlan {
  /** Files to hand to the loader (paths relative to the collection's folder). */
  read: string[];
  /** Stored entries kept as they are. */
  kept: StoredSource[];
  /** Ids of stored entries whose file is gone. */
  gone: string[];
}

const sameStamp = (a: SourceStamp | undefined, b: SourceStamp): boolean =>
  a !== undefined && a.length === 4 && a.every((value, i) => value === b[i]);

/**
 * Decides what a load reads. A file is read when it is new, when its stamp
 * differs from the one recorded when it was last read, when the store has
 * no entry for it, or when `stale` says its stored entry no longer holds
 * (an article whose publication state changed with the clock). Entries
 * whose file has gone are deleted.
 */
export function planLoad(input: {
  /** The collection's files now (relative to its folder), with their stamps. */
  files: ReadonlyMap<string, SourceStamp>;
  /** Stamps recorded by the previous load, by file. */
  previous: Readonly<Record<string, SourceStamp | undefined>>;
  /** Entries in the store. */
  stored: Iterable<StoredSource>;
  /** The collection's folder relative to the project root (`content/articles`), with `/`. */
  folder: string;
  /** Whether a stored entry must be loaded again although its file is unchanged. */
  stale?: (entry: StoredSource) => boolean;
}): LoadPlan {
  const byFile = new Map<string, StoredSource>();
  const gone: string[] = [];
  const prefix = input.folder === '' ? '' : `${input.folder}/`;
  for (const entry of input.stored) {
    const file = entry.filePath?.startsWith(prefix) ? entry.filePath.slice(prefix.length) : '';
    if (file === '' || !input.files.has(file)) gone.push(entry.id);
    else byFile.set(file, entry);
  }
  const read: string[] = [];
  const kept: StoredSource[] = [];
  for (const [file, stamp] of input.files) {
    const entry = byFile.get(file);
    if (entry && sameStamp(input.previous[file], stamp) && !input.stale?.(entry)) kept.push(entry);
    else read.push(file);
  }
  return { read: read.sort(), kept, gone: gone.sort() };
}

/**
 * Above this many files to read, the loader is given the collection's own
 * pattern instead of their names: tinyglobby matches every file against
 * every pattern (1,000 names over 50,000 files took 165 ms, 50,000 names
 * twelve minutes), while the pattern lists them all in 80 ms and Astro's
 * loader skips the unchanged ones by their digest, as it always did.
 */
export const NAMED_READS_MAX = 100;

/** What the loader is given to read: the files by name, or the collection's pattern when there are many. */
export function readPatterns(read: readonly string[], pattern: string): string | string[] {
  return read.length <= NAMED_READS_MAX ? read.map((file) => escapePath(file)) : pattern;
}

/** The stamp of a file as statSync gives it. */
export function sourceStamp(path: string): SourceStamp {
  const { size, mtimeMs, ctimeMs, ino } = statSync(path);
  return [size, mtimeMs, ctimeMs, ino];
}

/**
 * The collection's meta key for the stamps. They live in the content store
 * itself, written in the same file as the entries they vouch for: a build
 * stopped before the store was saved cannot leave stamps newer than its
 * entries.
 */
const STAMPS_META = 'source-stamps';

function parseStamps(text: string | undefined): Record<string, SourceStamp> {
  if (text === undefined) return {};
  try {
    const data: unknown = JSON.parse(text);
    return data && typeof data === 'object' ? (data as Record<string, SourceStamp>) : {};
  } catch {
    return {};
  }
}

const readSlot = buildSlot<Map<string, readonly string[] | undefined>>('voz.sourcesRead');

/**
 * The files a collection's loader read in this build, relative to the
 * project root (`content/articles/2025/story.md`): the ones that changed
 * since the previous build. Undefined when the collection was not loaded
 * through trustedStamps in this process, or when so many files changed that
 * the loader was given the collection's whole pattern. The search index
 * starts re-indexing an edited story's bundle from them before the pages
 * are bundled (speculative-records.ts).
 */
export function sourcesRead(collection: string): readonly string[] | undefined {
  return readSlot.get()?.get(collection);
}

/**
 * Wraps a glob loader made by `make(pattern)` over `base` so it reads only
 * the files that changed (see planLoad). `pattern` is the collection's
 * pattern; the wrapper lists the files with it as Astro's loader does
 * (tinyglobby) and hands the loader the changed ones as escaped paths.
 */
export function trustedStamps(
  options: { pattern: string; base: string; stale?: (entry: StoredSource) => boolean },
  make: (pattern: string | string[]) => Loader,
): Loader {
  return {
    name: 'glob-trusting-stamps',
    load: async (context) => {
      const root = fileURLToPath(context.config.root);
      const base = resolve(root, options.base);
      const folder = relative(root, base).split(sep).join(posix.sep);
      // Sorted: tinyglobby lists in no fixed order, and the stamps are kept
      // as one string, which must not change when no file did (the store is
      // written only when something in it changed: store-sets-if-changed).
      const names = (
        await listFiles(options.pattern, { cwd: base, expandDirectories: false })
      ).sort();
      const files = new Map<string, SourceStamp>();
      for (const name of names) files.set(name, sourceStamp(join(base, name)));
      const plan = planLoad({
        files,
        previous: parseStamps(context.meta.get(STAMPS_META)),
        stored: [...context.store.values()] as StoredSource[],
        folder,
        ...(options.stale ? { stale: options.stale } : {}),
      });
      for (const id of plan.gone) context.store.delete(id);
      // What Astro's loader does for an entry it skips: the bundler must
      // still import the entry's images and deferred modules. Astro 7.3's
      // store has the method its type leaves out; without it the site
      // would lose its photos, so its absence stops the build.
      const store = context.store as typeof context.store & {
        addAssetImports?: (assets: string[], fileName: string) => void;
      };
      for (const entry of plan.kept) {
        if (entry.filePath && entry.assetImports?.length) {
          if (typeof store.addAssetImports !== 'function') {
            throw new Error(
              `${entry.filePath}: the content store has no addAssetImports (an Astro internal this loader relies on), so its images cannot be kept; run \`npm run build -- --force\` or remove trustedStamps() from src/content.config.ts`,
            );
          }
          store.addAssetImports(entry.assetImports, entry.filePath);
        }
        if (entry.filePath && entry.deferredRender) context.store.addModuleImport(entry.filePath);
      }
      const patterns = readPatterns(plan.read, options.pattern);
      const named = Array.isArray(patterns);
      const reading = (named ? plan.read : [...files.keys()]).map((file) => `${folder}/${file}`);
      const sources = readSlot.get() ?? new Map<string, readonly string[] | undefined>();
      readSlot.set(sources.set(context.collection, named ? reading : undefined));
      if (plan.read.length > 0) {
        const readNow = new Set(reading);
        await make(patterns).load({
          ...context,
          store: {
            ...context.store,
            // The loader deletes every stored entry it did not meet: only
            // those of the files it read may go (an id that changed).
            delete: (id) => {
              const file = context.store.get(id)?.filePath;
              if (file === undefined || readNow.has(file)) context.store.delete(id);
            },
          },
        });
      }
      context.meta.set(STAMPS_META, JSON.stringify(Object.fromEntries(files)));
    },
  };
}

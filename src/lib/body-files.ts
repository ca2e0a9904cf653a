import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import type { BeforeGate } from './publish-gate';

/**
 * Rendered article bodies kept on disk, one file per article, instead of in
 * Astro's content store. The store is one file that every build loads
 * whole, rewrites whole when one entry changes, and holds in memory while
 * pages render; the bodies' HTML was 55 of its 69 MB at 10,000 articles.
 * With the bodies beside it, a build holds only the metadata of the archive
 * and reads a body when a page or feed shows it.
 */

/** Where an entry's body file is named, in its rendered metadata. */
export const BODY_FILE = 'bodyFile';

/** Entries whose data and metadata may carry a body file. */
interface StoredEntry {
  id: string;
  digest?: string | number | undefined;
  rendered?: { html: string; metadata?: Record<string, unknown> } | undefined;
}

/**
 * The body file of an entry: named after its id and the digest of its
 * source, so a body never outlives the text it was rendered from.
 */
export function bodyFileName(id: string, digest: string): string {
  return `${createHash('sha256').update(id).digest('hex').slice(0, 16)}-${digest}.html`;
}

/** The body file an entry names, if any. */
export function bodyFileOf(entry: StoredEntry | undefined): string | undefined {
  const file = entry?.rendered?.metadata?.[BODY_FILE];
  return typeof file === 'string' ? file : undefined;
}

/**
 * The HTML of an entry's body, from its file. Throws, naming the entry and
 * the file, when the file is missing: an article must never go out with an
 * empty body.
 */
export function readBody(entry: StoredEntry & { filePath?: string | undefined }): string {
  const file = bodyFileOf(entry);
  if (file === undefined) return entry.rendered?.html ?? '';
  try {
    return readFileSync(file, 'utf8');
  } catch {
    throw new Error(
      `${entry.filePath ?? entry.id}: the rendered body is missing from ${file}. ` +
        'Run `npm run build -- --force`, or delete .cache/astro/data-store.json, to render every body again.',
    );
  }
}

/** Body files being written at once while a collection loads, at most. */
export const WRITES_AT_ONCE = 64;

/**
 * Writes of body files that run beside the loader's parsing rather than
 * one after the other on its thread (written one by one they took 3.9 s
 * of a cold 10,000-article sync). At most {@link WRITES_AT_ONCE} are in
 * flight: `room()` waits for one to end, so the bodies waiting to be
 * written stay few. A removal waits for a write of the same file.
 * `drain()` waits for all, and throws the first failure.
 */
export function bodyWriter(io: { writeFile: typeof writeFile; rm: typeof rm } = { writeFile, rm }) {
  const pending = new Map<string, Promise<void>>();
  let failure: unknown;
  const track = (file: string, work: Promise<void>) => {
    const done = work.catch((error: unknown) => {
      failure ??= error;
    });
    pending.set(file, done);
    void done.then(() => {
      if (pending.get(file) === done) pending.delete(file);
    });
  };
  return {
    write: (file: string, html: string) => {
      const before = pending.get(file) ?? Promise.resolve();
      track(
        file,
        before.then(() => io.writeFile(file, html)),
      );
    },
    remove: (file: string) => {
      const before = pending.get(file);
      if (before === undefined) rmSync(file, { force: true });
      else
        track(
          file,
          before.then(() => io.rm(file, { force: true })),
        );
    },
    room: async () => {
      while (pending.size >= WRITES_AT_ONCE) await Promise.race(pending.values());
    },
    drain: async () => {
      while (pending.size > 0) await Promise.all(pending.values());
      if (failure !== undefined) throw failure;
    },
  };
}

/** The folder of a collection's body files, made if it is not there. */
function bodiesFolder(context: Pick<LoaderContext, 'config' | 'collection'>): string {
  const dir = join(fileURLToPath(context.config.cacheDir), 'bodies', context.collection);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** A folder's modification time: it changes whenever a file is added to it or removed. */
function folderTime(dir: string): number | undefined {
  return statSync(dir, { throwIfNoEntry: false })?.mtimeMs;
}

/**
 * The stored entries whose body file has gone, or lies outside `dir` (the
 * cache of the project this one was copied from): they are read and
 * rendered again.
 */
function missingBodies(context: Pick<LoaderContext, 'store'>, dir: string): string[] {
  // One listing instead of a check per entry (50,000 at 50k articles).
  const present = new Set(readdirSync(dir));
  const prefix = `${dir}${sep}`;
  const missing: string[] = [];
  for (const [id, entry] of context.store.entries()) {
    const file = bodyFileOf(entry);
    if (file === undefined) continue;
    if (!file.startsWith(prefix) || !present.has(file.slice(prefix.length))) missing.push(id);
  }
  return missing;
}

/**
 * Wraps a loader so that the bodies it renders go to files in
 * `<cacheDir>/bodies/<collection>/` and the store keeps the rest of each
 * entry (data, digest, headings, image paths) with the file's path. Entries
 * whose file has gone (a cache cleared by hand) or lies outside this
 * project's cache (a project copied or moved with its cache) are read and
 * rendered again. While the collection loads, the files are written beside
 * the parsing ({@link bodyWriter}), and the load ends once they are all on
 * disk; a change after that (the dev server's watcher) writes at once.
 */
export function bodiesOnDisk(loader: Loader): Loader & { beforeGate: BeforeGate<LoaderContext> } {
  /** The check made before the publish gate opened, with the folder's time then. */
  let checkedAhead: { dir: string; time: number | undefined; missing: string[] } | undefined;
  return {
    ...loader,
    // In a build started ahead (publish-gate.ts), the bodies are checked
    // while it waits for a save: the folder holds only what builds wrote, so
    // the check does not depend on the save, and it took 0.15 s of a
    // 10,000-article publish.
    beforeGate: (context) => {
      const dir = bodiesFolder(context);
      checkedAhead = { dir, time: folderTime(dir), missing: missingBodies(context, dir) };
    },
    load: async (context) => {
      const dir = bodiesFolder(context);
      const ahead = checkedAhead;
      checkedAhead = undefined;
      // A build let in while this one waited adds and deletes body files,
      // which changes the folder's time: then the check is made again.
      const missing =
        ahead !== undefined &&
        ahead.dir === dir &&
        ahead.time !== undefined &&
        ahead.time === folderTime(dir)
          ? ahead.missing
          : missingBodies(context, dir);
      for (const id of missing) context.store.delete(id);
      const writer = bodyWriter();
      let loading = true;
      const store: typeof context.store = {
        ...context.store,
        set: (entry) => {
          const html = entry.rendered?.html;
          if (entry.rendered === undefined || html === undefined || html === '') {
            return context.store.set(entry);
          }
          const file = join(dir, bodyFileName(entry.id, String(entry.digest ?? '')));
          if (loading) writer.write(file, html);
          else writeFileSync(file, html);
          const before = bodyFileOf(context.store.get(entry.id));
          if (before !== undefined && before !== file) writer.remove(before);
          // The Markdown processor repeats the whole frontmatter in the
          // metadata (Astro's remarkPluginFrontmatter, which no page uses):
          // a third of every entry, loaded and rewritten by every build.
          const metadata = { ...entry.rendered.metadata };
          delete metadata['frontmatter'];
          return context.store.set({
            ...entry,
            rendered: {
              ...entry.rendered,
              html: '',
              metadata: { ...metadata, [BODY_FILE]: file },
            },
          });
        },
        delete: (id) => {
          const before = bodyFileOf(context.store.get(id));
          if (before !== undefined) writer.remove(before);
          context.store.delete(id);
        },
      };
      try {
        await loader.load({
          ...context,
          store,
          // Each entry is parsed before it is stored: waiting here keeps the
          // bodies not yet written to a few.
          parseData: async (props) => {
            await writer.room();
            return context.parseData(props);
          },
        });
        await writer.drain();
      } finally {
        loading = false;
      }
    },
  };
}

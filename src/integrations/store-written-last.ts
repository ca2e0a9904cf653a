import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { installedAstroExport, patchAstroMethod } from './installed-astro';
import { folderHasFiles, KEEP_OUTPUT_ENV } from './kept-output';
import { BUILD_CHANNEL_ENV, BUILT, tellParent } from '../lib/publish-gate';

/**
 * The content store, handed to the pages from memory and written to disk
 * once the pages are built (README "Publishing").
 *
 * A build's content sync ends by serialising the whole store (devalue) and
 * writing it to `cacheDir`; the pages then read that file back and parse
 * it again (dataStoreFromDisk). Both walk the whole archive for a publish
 * that changed one story: 0.34 s and 0.26 s of a 10,000-article edit, and
 * the parsed copy sat in memory beside the content layer's own.
 *
 * In a publish (a build into the work folder scripts/build.mjs kept from
 * the previous build) the store's writes are held back instead: Astro's
 * FileWriter only notes the collections it was asked to write. The pages
 * get the content layer's collections themselves (liveContentStore, read
 * by the store module of dataStoreFromDisk), in the order the file would
 * give them; and the store is written by the last `astro:build:done` hook,
 * after telling scripts/build.mjs that the output is complete
 * (publish-gate.ts, `BUILT`), which puts the site live meanwhile.
 *
 * A build that fails before then leaves the store of the previous build on
 * disk, with the sources' stamps of that build (trusted-stamps.ts): the
 * next build reads again every source changed since, as after any build
 * stopped before its store was saved. `astro sync` and `astro dev` write
 * as Astro always does.
 *
 * Patches `FileWriter.prototype.write` of the installed Astro (an internal:
 * store-written-last.test.ts checks its shape, and Astro is pinned to the
 * minor version it was read from).
 */

/** The installed Astro's module of the store's writers. */
export const STORE_WRITER_MODULE = 'dist/content/data-store-writer.js';

type Collections = Map<string, Map<string, unknown>>;

/** The part of Astro's FileWriter the patch touches. */
export interface WriterLike {
  write(collections: Collections): Promise<boolean>;
}

interface Held {
  writer: WriterLike;
  collections: Collections;
}

/**
 * What the patched writer shares with the store module the pages load (a
 * module of the built bundle, not this one): `view` gives the collections
 * a held write was asked for.
 */
interface LiveSlot {
  holding: boolean;
  held: Held | undefined;
  view: () => Collections | undefined;
}

/** The global the store module reads (dataStoreModuleCode). */
export const LIVE_STORE_GLOBAL = 'voz.storeWrittenLast';
const SLOT = Symbol.for(LIVE_STORE_GLOBAL);
const PATCHED = Symbol.for('voz.storeWrittenLast.patched');

function slot(): LiveSlot {
  const holder = globalThis as { [SLOT]?: LiveSlot };
  holder[SLOT] ??= { holding: false, held: undefined, view: liveContentStore };
  return holder[SLOT];
}

/**
 * The content layer's collections, when this build held back the store's
 * write (the file on disk is then older than the store): each collection's
 * entries sorted by id, as Astro writes them (serializeDataStore), so the
 * pages see them in the order the file would give. Undefined when nothing
 * was held: the file is the store.
 */
export function liveContentStore(): Collections | undefined {
  const held = slot().held;
  if (held === undefined) return undefined;
  return new Map(
    [...held.collections]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, entries]) => [
        name,
        new Map([...entries].sort(([a], [b]) => a.localeCompare(b))),
      ]),
  );
}

/**
 * One collection's entries as this build's held write has them, by id, in
 * the content layer's order; undefined when nothing was held. Unsorted, for
 * a lookup by id (liveContentStore sorts every collection).
 */
export function heldCollection(name: string): ReadonlyMap<string, unknown> | undefined {
  return slot().held?.collections.get(name);
}

/** Whether this build holds back a write of the store (the file on disk is then older than the store). */
export function storeHeld(): boolean {
  return slot().held !== undefined;
}

/** Makes `prototype.write` note the collections instead of writing while writes are held; patches once. */
export function holdStoreWrites(prototype: WriterLike): void {
  patchAstroMethod(
    prototype,
    'write',
    { marker: PATCHED, owner: 'FileWriter', integration: 'store-written-last' },
    (write) =>
      function (this: WriterLike, collections) {
        const live = slot();
        if (!live.holding) return write.call(this, collections);
        // Written later through this same method, once no longer holding.
        live.held = { writer: this, collections };
        // Nothing written: Astro then tells no one the file changed.
        return Promise.resolve(false);
      },
  );
}

/** Starts holding the store's writes (a build's `astro:config:setup`). */
export function startHolding(): void {
  const live = slot();
  live.holding = true;
  live.held = undefined;
}

/** Writes the store held back, if any, and stops holding. */
export async function writeHeldStore(): Promise<boolean> {
  const live = slot();
  const held = live.held;
  live.holding = false;
  live.held = undefined;
  return held === undefined ? false : held.writer.write(held.collections);
}

/** The installed Astro's FileWriter class, the module instance Astro's own code uses. */
export function astroFileWriter(): { prototype: WriterLike } {
  return installedAstroExport(STORE_WRITER_MODULE, 'FileWriter', 'store-written-last');
}

/**
 * The integration. Its `astro:build:done` hook tells scripts/build.mjs the
 * output is complete, then writes the store: it must be the last in the
 * config, after every hook that writes the output or its listing.
 */
export function storeWrittenLast(): AstroIntegration {
  let holding = false;
  return {
    name: 'store-written-last',
    hooks: {
      'astro:config:setup': ({ command, config }) => {
        // Only a publish holds the write: a build into the work folder
        // scripts/build.mjs kept (KEEP_OUTPUT_ENV, and files in it). A
        // build of everything (cold, --force, a code change) writes the
        // store when its sync ends, as Astro does: held to its end, the
        // serialisation came when the heap is largest, and a cold 50k
        // build peaked 335 MB higher.
        holding =
          command === 'build' &&
          process.env[KEEP_OUTPUT_ENV] === '1' &&
          folderHasFiles(fileURLToPath(config.outDir));
        if (!holding) return;
        holdStoreWrites(astroFileWriter().prototype);
        startHolding();
      },
      'astro:build:done': async () => {
        tellParent(process.env[BUILD_CHANNEL_ENV] === '1', process, BUILT);
        if (holding) await writeHeldStore();
      },
    },
  };
}

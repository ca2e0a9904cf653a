import type { AstroIntegration } from 'astro';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Prerenderer } from './prerenderer-chain';
import { installedAstroExport } from './installed-astro';
import {
  BUILD_CHANNEL_ENV,
  gatePlace,
  PAGES_GATE_GLOBAL,
  publishGate,
  STALE_EXIT,
} from '../lib/publish-gate';

/**
 * The gate in front of the pages (README "Publishing").
 *
 * A build started ahead with `VOZ_PUBLISH_GATE=pages` (scripts/build.mjs)
 * syncs the content as it is and lets Vite bundle the code before anything
 * is saved; it waits here, in front of the prerenderer's setup, where the
 * pages' modules are first loaded. When the watcher says go, the content
 * layer syncs again (its loaders read only the sources changed since:
 * trusted-stamps.ts), the work that needs the saved content runs
 * ({@link whenContentSynced}), and the pages render from the synced
 * store as in any build. A publish no longer waits for the bundle: 1.2-2 s
 * of a watched publish, at 1,000 articles as at 10,000 (docs/scaling.md,
 * session 39).
 *
 * What the bundle cannot follow is the set of photos: the content layer
 * writes every photo the stories refer to as a Vite import
 * (`.astro/content-assets.mjs`), and Vite emits them with the bundle. When
 * the second sync writes a different set (a new story's photo, a story
 * taken down with its photo, a scheduled story whose time came), this build
 * stops before rendering anything, with {@link STALE_EXIT} as its exit
 * code, and the build waiting at the loaders beside it publishes instead.
 *
 * Uses the installed Astro's content layer instance (`globalContentLayer`,
 * an internal: pages-gate.test.ts checks it and the files' names against
 * the installed Astro, pinned to the minor version they were read from).
 */

const NAME = 'pages-gate';

/** Astro's module that holds the content layer of this process. */
export const CONTENT_LAYER_MODULE = 'dist/content/instance.js';
/** The files, in `.astro/`, through which the content reaches Vite's bundle (astro/dist/content/consts.js). */
export const BUNDLED_CONTENT_FILES = ['content-assets.mjs', 'content-modules.mjs'] as const;

interface ContentLayerLike {
  sync(): Promise<void>;
}

/** Astro's module of the content store (its `MutableDataStore`). */
export const STORE_MODULE = 'dist/content/mutable-data-store.js';

/** The part of Astro's MutableDataStore the second sync touches. */
export interface StoreLike {
  waitUntilSaveComplete(): Promise<void>;
  writeToDisk(): Promise<void>;
}

/**
 * Runs `sync` with the store's end-of-sync wait reduced to the one write it
 * stands for. Once a process's first sync has written the photo and module
 * imports (`.astro/content-assets.mjs`), the store schedules them again,
 * 500 ms later, whenever an entry with a photo changes or one is removed,
 * and the sync's last step waits for that timer, though the sync itself
 * has just written both files (ContentLayer's #doSync): 0.5 s of every
 * publish through this gate. The wait writes the store instead (held back
 * until the pages are built: store-written-last.ts); the timers still fire
 * later and write the same text.
 */
export async function withoutSaveDebounce(
  stores: { prototype: StoreLike },
  sync: () => Promise<void>,
): Promise<void> {
  const proto = stores.prototype;
  const own = Object.getOwnPropertyDescriptor(proto, 'waitUntilSaveComplete');
  proto.waitUntilSaveComplete = async function (this: StoreLike) {
    await this.writeToDisk();
  };
  try {
    await sync();
  } finally {
    if (own) Object.defineProperty(proto, 'waitUntilSaveComplete', own);
  }
}

/** Why a build gated here stops after its gate. */
export const STALE_MESSAGE =
  'the save changed which photos the stories refer to, and the bundle made before it ' +
  'holds the old set; the build waiting at the loaders publishes it.';

let deferred: (() => void)[] = [];

/**
 * Runs `work`, which needs the content as saved (the edited story's
 * search records, guessed early), once the content sync that read the
 * save is done: now, in the `astro:build:start` hook of any build, or,
 * in a build gated at the pages, after its gate and second sync. Call it
 * from an `astro:build:start` hook of an integration listed before
 * pagesGate().
 */
export function whenContentSynced(work: () => void): void {
  if (gatePlace() === 'pages') deferred.push(work);
  else work();
}

/** The text of each file the bundle read the content through (undefined for one that is missing). */
export function bundledContent(dotAstroDir: string): (string | undefined)[] {
  return BUNDLED_CONTENT_FILES.map((name) => {
    try {
      return readFileSync(`${dotAstroDir}${name}`, 'utf8');
    } catch {
      return undefined;
    }
  });
}

/** Whether the content reached the bundle through the same files as when it was made. */
export function sameBundledContent(
  before: readonly (string | undefined)[],
  after: readonly (string | undefined)[],
): boolean {
  return before.length === after.length && before.every((text, i) => text === after[i]);
}

/**
 * The prerenderer whose setup waits for the go, syncs the saved content
 * and checks the bundle still holds what it refers to, before `base`
 * loads the pages. `stale` is called, and the setup throws, when it does
 * not.
 */
export function gatedPrerenderer(
  base: Prerenderer,
  steps: {
    gate: () => Promise<void>;
    sync: () => Promise<void>;
    bundled: () => (string | undefined)[];
    before: readonly (string | undefined)[];
    synced: readonly (() => void)[];
    stale: () => void;
  },
): Prerenderer {
  return {
    ...base,
    name: `${base.name}+pages-gate`,
    setup: async () => {
      await steps.gate();
      await steps.sync();
      if (!sameBundledContent(steps.before, steps.bundled())) {
        steps.stale();
        throw new Error(`${NAME}: ${STALE_MESSAGE}`);
      }
      for (const work of steps.synced) work();
      await base.setup?.();
    },
  };
}

export function pagesGate(): AstroIntegration {
  let dotAstroDir = '';
  return {
    name: NAME,
    hooks: {
      'astro:config:done': ({ config }) => {
        // The loaders of a build gated here check it is (publish-gate.ts).
        (globalThis as Record<symbol, unknown>)[Symbol.for(PAGES_GATE_GLOBAL)] = true;
        dotAstroDir = fileURLToPath(new URL('.astro/', config.root));
      },
      'astro:build:start': ({ setPrerenderer }) => {
        const synced = deferred;
        deferred = [];
        if (gatePlace() !== 'pages') return;
        // The content files as the bundle about to be made reads them.
        const before = bundledContent(dotAstroDir);
        const layers = installedAstroExport<{ get: () => ContentLayerLike | null }>(
          CONTENT_LAYER_MODULE,
          'globalContentLayer',
          NAME,
        );
        const stores = installedAstroExport<{ prototype: StoreLike }>(
          STORE_MODULE,
          'MutableDataStore',
          NAME,
        );
        setPrerenderer((base) =>
          gatedPrerenderer(base, {
            gate: publishGate,
            sync: async () => {
              const layer = layers.get();
              if (!layer)
                throw new Error(`${NAME}: Astro's content layer is not there to sync again.`);
              await withoutSaveDebounce(stores, () => layer.sync());
            },
            bundled: () => bundledContent(dotAstroDir),
            before,
            synced,
            stale: () => {
              // Started by scripts/build.mjs (the only way to this gate): it
              // reads the code and hands the publish to its other Astro.
              if (process.env[BUILD_CHANNEL_ENV] !== '1') return;
              console.log(`[${NAME}] ${STALE_MESSAGE}`);
              process.exit(STALE_EXIT);
            },
          }),
        );
      },
    },
  };
}

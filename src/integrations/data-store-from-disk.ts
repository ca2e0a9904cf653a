import type { AstroIntegration } from 'astro';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { LIVE_STORE_GLOBAL, storeHeld } from './store-written-last';

/**
 * Astro hands the content layer's data store (every entry with its rendered
 * HTML) to the pages as a bundled module: `JSON.parse("…")` holding the whole
 * store as one string literal. The bundler then parses and emits a module as
 * large as the archive, and the process keeps its source text and the string
 * constant alive beside the parsed entries for the whole build.
 *
 * A static build renders its pages on the machine that built the store, so
 * this module can read the same file from `cacheDir` when the pages load,
 * and give the same value without the copies; and when the build held the
 * store's write back until its pages are built (store-written-last.ts), it
 * hands them the content layer's own collections, read from nowhere.
 * Measured on the benchmark's 2,000 articles, and against Astro's own
 * `experimental.collectionStorage: 'chunked'` at 10,000 (less CPU, the same
 * peak memory): see README "Performance".
 *
 * This relies on five Astro internals (one of them the name and load hook
 * of the plugin it wraps), checked against the installed Astro by
 * data-store-from-disk.test.ts (and Astro is pinned to the minor version they
 * were read from in package.json). None of them may fail quietly: an empty
 * store would build a site with no articles, so a store that is not where
 * Astro 7.3 puts it, or not in its shape, stops the build with an error.
 */

/** Astro's resolved id of the data store module (astro/dist/content/consts.js). */
export const DATA_STORE_MODULE = '\0astro:data-layer-content';
/** The store's file in `cacheDir` during a build (astro/dist/content/paths.js, consts.js). */
export const DATA_STORE_FILE = 'data-store.json';
/**
 * Marks the module as content data, as Astro does, so it is not part of any
 * page's code hash (astro/dist/core/build/incremental-metadata.js).
 */
export const CONTENT_DATA_META = { astroIncremental: { kind: 'content-data' } };

const NAME = 'voz:data-store-from-disk';
/** The Vite plugin of Astro's that loads the data store module (astro/dist/content/vite-plugin-content-virtual-mod.js). */
export const ASTRO_CONTENT_PLUGIN = 'astro-content-virtual-mod-plugin';
/** Load hooks already wrapped: Vite resolves the config once per environment, with the same plugins. */
const wrapped = new WeakSet<object>();

/** The error for a store that is not where, or what, Astro 7.3 made it. */
export function storeMissingMessage(file: string, problem: string): string {
  return (
    `${NAME}: ${problem}: ${file}. This integration reads Astro's content store from ` +
    `cacheDir as Astro 7.3 writes it; a different Astro version may have moved or changed it. ` +
    'Run `npm run test:unit` (data-store-from-disk.test.ts names the internal that changed), ' +
    'or remove dataStoreFromDisk() from astro.config.mjs to use Astro’s own module.'
  );
}

/**
 * The module that replaces Astro's: hands the pages the content layer's
 * own collections when the build held the store's write back
 * (store-written-last.ts; the runtime takes a Map as it is), else reads
 * the store file when the pages load and throws, naming the file, when it
 * is missing or not a flattened store (a JSON array, what Astro's
 * `devalue.unflatten` reads).
 */
export function dataStoreModuleCode(file: string): string {
  return [
    "import { existsSync, readFileSync } from 'node:fs';",
    `const file = ${JSON.stringify(file)};`,
    // The content layer's own collections, when this build holds the
    // store's write until the pages are built (store-written-last.ts).
    `const live = globalThis[Symbol.for(${JSON.stringify(LIVE_STORE_GLOBAL)})]?.view();`,
    'function fromFile() {',
    `  if (!existsSync(file)) throw new Error(${JSON.stringify(storeMissingMessage(file, 'no content store at'))});`,
    "  const store = JSON.parse(readFileSync(file, 'utf8'));",
    `  if (!Array.isArray(store)) throw new Error(${JSON.stringify(storeMissingMessage(file, 'the content store is not a flattened devalue array'))});`,
    '  return store;',
    '}',
    'export default live ?? fromFile();',
  ].join('\n');
}

/** Replaces Astro's data store module with one that reads the store from disk (static builds only). */
export function dataStoreFromDisk(): AstroIntegration {
  let file: string | undefined;
  let replaced = false;
  return {
    name: NAME,
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        const singleFile = config.experimental.collectionStorage === 'single-file';
        if (command !== 'build' || config.output !== 'static' || !singleFile) return;
        const storeFile = fileURLToPath(new URL(DATA_STORE_FILE, config.cacheDir));
        file = storeFile;
        updateConfig({
          vite: {
            plugins: [
              {
                name: NAME,
                // Astro's own plugin (enforce: 'pre', ahead of any plugin an
                // integration adds) loads the module by reading the store,
                // parsing it to check it and quoting it as a string literal:
                // 1.3 s of CPU at 10,000 articles, 6 s at 50,000, for code
                // this replaces. Its loader is wrapped so that it hands this
                // module over without doing that work.
                configResolved(resolved) {
                  const astro = resolved.plugins.find(
                    (plugin) => plugin.name === ASTRO_CONTENT_PLUGIN,
                  );
                  const load = astro?.load;
                  if (!astro || !load || typeof load !== 'object' || !('handler' in load)) {
                    throw new Error(
                      storeMissingMessage(
                        storeFile,
                        `Astro's ${JSON.stringify(ASTRO_CONTENT_PLUGIN)} plugin has no load hook to hand the module over`,
                      ),
                    );
                  }
                  if (wrapped.has(load)) return;
                  const original = load.handler;
                  load.handler = function (this: unknown, id: string, ...rest: unknown[]) {
                    if (id !== DATA_STORE_MODULE) {
                      return (original as (...args: unknown[]) => unknown).call(this, id, ...rest);
                    }
                    // Astro writes the store before bundling, unless its write
                    // is held until the pages are built (store-written-last.ts);
                    // fail here, at build time, rather than in every page.
                    if (!storeHeld() && !existsSync(storeFile)) {
                      throw new Error(storeMissingMessage(storeFile, 'no content store at'));
                    }
                    replaced = true;
                    return {
                      code: dataStoreModuleCode(storeFile),
                      map: { mappings: '' },
                      meta: CONTENT_DATA_META,
                    };
                  } as typeof load.handler;
                  wrapped.add(load);
                },
              },
            ],
          },
        });
      },
      'astro:build:done': () => {
        // The module id is an Astro internal: if it changed, the transform
        // never ran and the saving silently vanished. Say so.
        if (file !== undefined && !replaced) {
          throw new Error(
            storeMissingMessage(
              file,
              `Astro never loaded its data store module (${JSON.stringify(DATA_STORE_MODULE)}), so it was not replaced`,
            ),
          );
        }
      },
    },
  };
}

import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';

/**
 * Astro hands the content layer's data store (every entry with its rendered
 * HTML) to the pages as a bundled module: `JSON.parse("…")` holding the whole
 * store as one string literal. The bundler then parses and emits a module as
 * large as the archive, and the process keeps its source text and the string
 * constant alive beside the parsed entries for the whole build.
 *
 * A static build renders its pages on the machine that built the store, so
 * this module can read the same file from `cacheDir` when the pages load,
 * and give the same value without the copies.
 * Measured on the benchmark's 2,000 articles: see README "Performance".
 */

/** Astro's resolved id of the data store module (astro/dist/content/consts.js). */
const DATA_STORE_MODULE = '\0astro:data-layer-content';
/** Marks the module as content data, as Astro does, so it is not part of any page's code hash. */
const CONTENT_DATA_META = { astroIncremental: { kind: 'content-data' } };

export function dataStoreFromDisk(): AstroIntegration {
  return {
    name: 'voz:data-store-from-disk',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        const singleFile = config.experimental.collectionStorage === 'single-file';
        if (command !== 'build' || config.output !== 'static' || !singleFile) return;
        const file = fileURLToPath(new URL('data-store.json', config.cacheDir));
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'voz:data-store-from-disk',
                // Astro's own plugin loads the module first; this replaces
                // its code before the bundler parses it.
                transform: {
                  filter: { id: new RegExp(`^${DATA_STORE_MODULE}$`) },
                  handler: () => ({
                    code: [
                      "import { existsSync, readFileSync } from 'node:fs';",
                      `const file = ${JSON.stringify(file)};`,
                      "export default existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : new Map();",
                    ].join('\n'),
                    map: { mappings: '' },
                    meta: CONTENT_DATA_META,
                  }),
                },
              },
            ],
          },
        });
      },
    },
  };
}

import type { AstroIntegration } from 'astro';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ASTRO_CONTENT_PLUGIN,
  CONTENT_DATA_META,
  DATA_STORE_FILE,
  DATA_STORE_MODULE,
  dataStoreFromDisk,
  dataStoreModuleCode,
} from './data-store-from-disk';
import { installedAstroSource } from './installed-astro';

// The integration replaces an Astro internal. These tests read the installed
// Astro's own source and fail, naming what moved, when an upgrade changes
// any of the five things it relies on; then the integration must be checked
// again (or dropped) before the pin in package.json is moved.

/** A file of the installed Astro's `dist/`. */
const astroSource = (file: string) => installedAstroSource(`dist/${file}`);

describe('the Astro internals dataStoreFromDisk relies on', () => {
  it('the data store module has the id the integration replaces', () => {
    const consts = astroSource('content/consts.js');
    expect(consts).toContain('const DATA_STORE_VIRTUAL_ID = "astro:data-layer-content";');
    expect(consts).toContain(
      'const RESOLVED_DATA_STORE_VIRTUAL_ID = "\\0" + DATA_STORE_VIRTUAL_ID;',
    );
    expect(DATA_STORE_MODULE).toBe('\0astro:data-layer-content');
  });

  it('a build keeps the store in cacheDir under the file name the integration reads', () => {
    expect(astroSource('content/consts.js')).toContain(
      `const DATA_STORE_FILE = ${JSON.stringify(DATA_STORE_FILE)};`,
    );
    expect(astroSource('content/paths.js')).toContain(
      'return new URL(DATA_STORE_FILE, isDev ? settings.dotAstroDir : settings.config.cacheDir);',
    );
  });

  it('the module is the store file parsed as JSON, which the runtime unflattens with devalue', () => {
    const plugin = astroSource('content/vite-plugin-content-virtual-mod.js');
    expect(plugin).toContain(
      'const jsonData = await fs.promises.readFile(dataStoreFile, "utf-8");',
    );
    expect(plugin).toContain('code: `export default JSON.parse(${JSON.stringify(jsonData)})`,');
    expect(astroSource('content/data-store.js')).toContain('devalue.unflatten(data.default)');
  });

  it('the plugin that loads the module has that name and a load hook in object form', () => {
    const plugin = astroSource('content/vite-plugin-content-virtual-mod.js');
    expect(plugin).toContain(`name: ${JSON.stringify(ASTRO_CONTENT_PLUGIN)},`);
    expect(plugin).toMatch(/load: \{\s+filter: \{/);
    expect(plugin).toContain('async handler(id) {');
  });

  it('the module carries the content-data marker of incremental builds', () => {
    const plugin = astroSource('content/vite-plugin-content-virtual-mod.js');
    expect(plugin).toContain('meta: createContentDataIncrementalMetadata()');
    const metadata = astroSource('core/build/incremental-metadata.js');
    const [key] = Object.keys(CONTENT_DATA_META);
    expect(metadata).toContain(`const ASTRO_INCREMENTAL_META_KEY = ${JSON.stringify(key)};`);
    expect(metadata).toContain('kind: "content-data"');
  });

  it('Astro is pinned to the minor version these internals were read from', () => {
    const project = JSON.parse(
      readFileSync(join(import.meta.dirname, '../../package.json'), 'utf8'),
    ) as { dependencies: Record<string, string> };
    const installed = (JSON.parse(installedAstroSource('package.json')) as { version: string })
      .version;
    expect(project.dependencies['astro']).toMatch(/^~7\.3\.\d+$/);
    expect(installed).toMatch(/^7\.3\.\d+$/);
  });
});

describe('dataStoreFromDisk', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'voz-data-store-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  type Load = { handler: (id: string) => unknown };
  type Plugin = { name: string; load?: Load; configResolved?: (config: object) => void };

  /** Runs the config hook as a static build would and returns the Vite plugin it added. */
  function pluginOf(integration: AstroIntegration): Plugin {
    let plugin: Plugin | undefined;
    const setup = integration.hooks['astro:config:setup'] as unknown as (options: object) => void;
    setup({
      command: 'build',
      config: {
        output: 'static',
        cacheDir: pathToFileURL(`${dir}/`),
        experimental: { collectionStorage: 'single-file' },
      },
      updateConfig: (config: { vite: { plugins: Plugin[] } }) => {
        plugin = config.vite.plugins[0];
      },
    });
    if (!plugin) throw new Error('the integration added no plugin');
    return plugin;
  }

  /**
   * Hands the added plugin a resolved config holding a stand-in for Astro's
   * content plugin, and returns that plugin's load hook as the build would
   * then call it.
   */
  function astroLoadAfter(integration: AstroIntegration): Load {
    const plugin = pluginOf(integration);
    const astro: Plugin = {
      name: ASTRO_CONTENT_PLUGIN,
      load: { handler: (id: string) => `Astro's own module for ${id}` },
    };
    plugin.configResolved?.({ plugins: [astro, plugin] });
    if (!astro.load) throw new Error('no load hook');
    return astro.load;
  }

  function transformOf(integration: AstroIntegration): () => { code: string } {
    const load = astroLoadAfter(integration);
    return () => load.handler(DATA_STORE_MODULE) as { code: string };
  }

  const importModule = async (code: string) => {
    const file = join(dir, `module-${Math.random().toString(36).slice(2)}.mjs`);
    writeFileSync(file, code);
    return ((await import(pathToFileURL(file).href)) as { default: unknown }).default;
  };

  it('gives the pages the store Astro wrote, read from disk', async () => {
    const store = [['articles'], 'x'];
    writeFileSync(join(dir, DATA_STORE_FILE), JSON.stringify(store));
    const { code } = transformOf(dataStoreFromDisk())();
    expect(await importModule(code)).toEqual(store);
  });

  it('stops the build, naming the expected file, when the store is not there', () => {
    const transform = transformOf(dataStoreFromDisk());
    expect(transform).toThrow(`no content store at: ${join(dir, DATA_STORE_FILE)}`);
  });

  it('never falls back to an empty store when the file vanishes before the pages load', async () => {
    const file = join(dir, 'gone', DATA_STORE_FILE);
    await expect(importModule(dataStoreModuleCode(file))).rejects.toThrow(
      `no content store at: ${file}`,
    );
    expect(dataStoreModuleCode(file)).not.toContain('new Map');
  });

  it('refuses a store that is not in the shape Astro 7.3 writes', async () => {
    const file = join(dir, DATA_STORE_FILE);
    writeFileSync(file, JSON.stringify({ articles: {} }));
    await expect(importModule(dataStoreModuleCode(file))).rejects.toThrow(
      'the content store is not a flattened devalue array',
    );
  });

  it('leaves every other module to Astro’s loader', () => {
    const load = astroLoadAfter(dataStoreFromDisk());
    expect(load.handler('\0astro:content')).toBe("Astro's own module for \0astro:content");
  });

  it('stops the build, naming the internal, when Astro’s content plugin is not there', () => {
    const plugin = pluginOf(dataStoreFromDisk());
    expect(() => plugin.configResolved?.({ plugins: [] })).toThrow(ASTRO_CONTENT_PLUGIN);
  });

  it('fails the build when Astro never loaded the module it replaces', () => {
    const integration = dataStoreFromDisk();
    transformOf(integration);
    const done = integration.hooks['astro:build:done'] as unknown as () => void;
    expect(done).toThrow('Astro never loaded its data store module');
  });

  it('passes the build once the module was replaced', () => {
    writeFileSync(join(dir, DATA_STORE_FILE), '[]');
    const integration = dataStoreFromDisk();
    transformOf(integration)();
    const done = integration.hooks['astro:build:done'] as unknown as () => void;
    expect(done).not.toThrow();
  });
});

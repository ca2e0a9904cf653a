import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { installedAstroFile, installedAstroSource } from './installed-astro';
import {
  BUNDLED_CONTENT_FILES,
  CONTENT_LAYER_MODULE,
  STORE_MODULE,
  bundledContent,
  gatedPrerenderer,
  sameBundledContent,
  whenContentSynced,
  withoutSaveDebounce,
  type StoreLike,
} from './pages-gate';
import type { Prerenderer } from './prerenderer-chain';
import { GATE_AT_PAGES, PUBLISH_GATE_ENV } from '../lib/publish-gate';

/** Astro's store, as the content layer makes it. */
interface AstroStore extends StoreLike {
  writeAssetImports(file: URL): Promise<void>;
  addAssetImport(assetImport: string, filePath: string): void;
}
const { MutableDataStore } = createRequire(import.meta.url)(installedAstroFile(STORE_MODULE)) as {
  MutableDataStore: { prototype: AstroStore; fromFile(file: URL): Promise<AstroStore> };
};

describe('the Astro internals pagesGate relies on', () => {
  it('one content layer per process, which can sync again', () => {
    const instance = installedAstroSource(CONTENT_LAYER_MODULE);
    expect(instance).toMatch(/get: \(\) => instance,/);
    expect(instance).toMatch(/export \{\s+globalContentLayer\s+\};/);
    // Disposing it after the build's sync empties its queue; sync() adds again.
    const layer = installedAstroSource('dist/content/content-layer.js');
    expect(layer).toMatch(/sync\(options = \{\}\) \{\s+return this\.#queue\.add\(/);
  });

  it('the sync writes the photos and modules the bundle imports, then waits for its saves', () => {
    const layer = installedAstroSource('dist/content/content-layer.js');
    expect(layer).toMatch(
      /await this\.#store\.writeAssetImports\(assetImportsFile\);[\s\S]{0,200}await this\.#store\.writeModuleImports\(modulesImportsFile\);\s+await this\.#store\.waitUntilSaveComplete\(\);/,
    );
    const consts = installedAstroSource('dist/content/consts.js');
    expect(consts).toContain(`const ASSET_IMPORTS_FILE = "${BUNDLED_CONTENT_FILES[0]}";`);
    expect(consts).toContain(`const MODULES_IMPORTS_FILE = "${BUNDLED_CONTENT_FILES[1]}";`);
  });

  it("the prerenderer's setup comes before the pages are listed or loaded", () => {
    const generate = installedAstroSource('dist/core/build/generate.js');
    const setup = generate.indexOf('await prerenderer.setup?.();');
    expect(setup).toBeGreaterThan(0);
    expect(generate.indexOf('await prerenderer.getStaticPaths();')).toBeGreaterThan(setup);
  });
});

describe('withoutSaveDebounce', () => {
  let dir = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'pages-gate-'));
    vi.useFakeTimers();
  });
  afterEach(async () => {
    // The store's own timers write its files: let them, then remove them.
    await vi.runAllTimersAsync();
    vi.useRealTimers();
    await new Promise((done) => setTimeout(done, 100));
    rmSync(dir, { recursive: true, force: true });
  });

  /** A store past its first sync: its photo imports written once, then a photo added. */
  async function storeAfterFirstSync(): Promise<AstroStore> {
    const store = await MutableDataStore.fromFile(pathToFileURL(join(dir, 'data-store.json')));
    await store.writeAssetImports(pathToFileURL(join(dir, 'content-assets.mjs')));
    store.addAssetImport('./hero.jpg', join(dir, 'story.md'));
    return store;
  }

  it("ends a second sync's wait without the store's 500 ms timer, writing the store", async () => {
    const store = await storeAfterFirstSync();
    const writes = vi.spyOn(store, 'writeToDisk');
    let waited = false;
    await withoutSaveDebounce(MutableDataStore, async () => {
      await store.waitUntilSaveComplete();
      waited = true;
    });
    expect(waited).toBe(true);
    expect(writes).toHaveBeenCalledTimes(1);
    // Astro's own wait is back for every later sync.
    expect(Object.hasOwn(MutableDataStore.prototype, 'waitUntilSaveComplete')).toBe(true);
    expect(MutableDataStore.prototype.waitUntilSaveComplete.toString()).toContain('#saveToDiskNow');
  });

  it("(Astro's own wait holds the sync until the timer fires)", async () => {
    const store = await storeAfterFirstSync();
    let waited = false;
    const waiting = store.waitUntilSaveComplete().then(() => (waited = true));
    await vi.advanceTimersByTimeAsync(400);
    expect(waited).toBe(false);
    await vi.advanceTimersByTimeAsync(200);
    await waiting;
    expect(waited).toBe(true);
  });

  it('puts Astro’s wait back when the sync fails', async () => {
    const own = MutableDataStore.prototype.waitUntilSaveComplete;
    await expect(
      withoutSaveDebounce(MutableDataStore, () => Promise.reject(new Error('bad content'))),
    ).rejects.toThrow('bad content');
    expect(MutableDataStore.prototype.waitUntilSaveComplete).toBe(own);
  });
});

describe('the content the bundle was made with', () => {
  let dir = '';
  beforeEach(() => {
    dir = `${mkdtempSync(join(tmpdir(), 'pages-gate-'))}/`;
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is compared file by file: a photo added, removed or swapped makes it stale', () => {
    const [assets, modules] = BUNDLED_CONTENT_FILES;
    writeFileSync(
      `${dir}${assets}`,
      'import a from "./a.jpg";\nexport default new Map([["./a.jpg", a]]);',
    );
    writeFileSync(`${dir}${modules}`, 'export default new Map();');
    const before = bundledContent(dir);
    expect(before).toHaveLength(2);
    expect(sameBundledContent(before, bundledContent(dir))).toBe(true);
    writeFileSync(
      `${dir}${assets}`,
      'import a from "./b.jpg";\nexport default new Map([["./b.jpg", a]]);',
    );
    expect(sameBundledContent(before, bundledContent(dir))).toBe(false);
    rmSync(`${dir}${modules}`);
    writeFileSync(`${dir}${assets}`, before[0] ?? '');
    expect(bundledContent(dir)).toEqual([before[0], undefined]);
    expect(sameBundledContent(before, bundledContent(dir))).toBe(false);
  });
});

/** Astro's prerenderer, recording what was asked of it. */
function basePrerenderer(steps: string[]): Prerenderer {
  return {
    name: 'astro:default',
    setup: async () => void steps.push('pages loaded'),
    getStaticPaths: async () => [],
    render: async () => new Response('page'),
  } as unknown as Prerenderer;
}

describe('gatedPrerenderer', () => {
  it('waits for the go, syncs the save, runs what needs it, then lets the pages load', async () => {
    const steps: string[] = [];
    let go!: () => void;
    const opened = new Promise<void>((done) => (go = done));
    const same = ['imports'];
    const gated = gatedPrerenderer(basePrerenderer(steps), {
      gate: () => opened.then(() => void steps.push('go')),
      sync: async () => void steps.push('synced'),
      bundled: () => same,
      before: same,
      synced: [() => void steps.push('search guess')],
      stale: () => void steps.push('stale'),
    });
    const setup = gated.setup?.();
    await new Promise((done) => setTimeout(done, 0));
    expect(steps).toEqual([]);
    go();
    await setup;
    expect(steps).toEqual(['go', 'synced', 'search guess', 'pages loaded']);
    expect(gated.name).toBe('astro:default+pages-gate');
  });

  it('renders nothing when the save changed the photos the bundle holds', async () => {
    const steps: string[] = [];
    const gated = gatedPrerenderer(basePrerenderer(steps), {
      gate: async () => void steps.push('go'),
      sync: async () => void steps.push('synced'),
      bundled: () => ['import b from "./b.jpg"'],
      before: ['import a from "./a.jpg"'],
      synced: [() => void steps.push('search guess')],
      stale: () => void steps.push('stale'),
    });
    await expect(gated.setup?.()).rejects.toThrow(/changed which photos the stories refer to/);
    expect(steps).toEqual(['go', 'synced', 'stale']);
  });

  it('syncs nothing when the watcher is gone before a save', async () => {
    const steps: string[] = [];
    const gated = gatedPrerenderer(basePrerenderer(steps), {
      gate: () => Promise.reject(new Error('stopped')),
      sync: async () => void steps.push('synced'),
      bundled: () => [],
      before: [],
      synced: [],
      stale: () => void steps.push('stale'),
    });
    await expect(gated.setup?.()).rejects.toThrow('stopped');
    expect(steps).toEqual([]);
  });
});

describe('whenContentSynced', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('runs the work at once in a build not gated at the pages', () => {
    vi.stubEnv(PUBLISH_GATE_ENV, '');
    let ran = false;
    whenContentSynced(() => (ran = true));
    expect(ran).toBe(true);
  });

  it('keeps the work for after the gate in a build gated at the pages', () => {
    vi.stubEnv(PUBLISH_GATE_ENV, GATE_AT_PAGES);
    let ran = false;
    whenContentSynced(() => (ran = true));
    expect(ran).toBe(false);
  });
});

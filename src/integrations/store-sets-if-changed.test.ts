import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  MUTABLE_STORE_MODULE,
  astroMutableStore,
  skipUnchangedSets,
  type StoreLike,
} from './store-sets-if-changed';
import { installedAstroSource as astroSource } from './installed-astro';

/** Astro's store, as the content layer makes it for a build. */
interface AstroStore extends StoreLike {
  metaStore(collection?: string): { set(key: string, value: unknown): void };
  writeToDisk(): Promise<void>;
  waitUntilSaveComplete(): Promise<void>;
}
type AstroStoreClass = { prototype: StoreLike; fromFile(file: URL): Promise<AstroStore> };

describe('the Astro internals storeSetsIfChanged relies on', () => {
  it('every sync sets the three meta values of the store, changed or not', () => {
    const layer = astroSource('dist/content/content-layer.js');
    expect(layer).toContain('this.#store.metaStore().set("astro-version", "7.3.5");');
    expect(layer).toContain(
      'this.#store.metaStore().set("content-config-digest", currentConfigDigest);',
    );
    expect(layer).toContain(
      'this.#store.metaStore().set("astro-config-digest", astroConfigDigest);',
    );
  });

  it('a set marks the store for a debounced write, and the collections are a map of maps', () => {
    const store = astroSource(MUTABLE_STORE_MODULE);
    expect(store).toMatch(
      /set\(collectionName, key, value\) \{\s+const collection = this\._collections\.get\(collectionName\) \?\? \/\* @__PURE__ \*\/ new Map\(\);\s+collection\.set\(String\(key\), value\);\s+this\._collections\.set\(collectionName, collection\);\s+this\.#saveToDiskDebounced\(\);/,
    );
    expect(store).toContain('const SAVE_DEBOUNCE_MS = 500;');
  });
});

describe('skipUnchangedSets', () => {
  let dir = '';
  let Store: AstroStoreClass;
  let original: StoreLike['set'];

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'store-sets-'));
    Store = astroMutableStore() as unknown as AstroStoreClass;
    original = Store.prototype.set;
  });
  afterEach(() => {
    // Other tests of this run load the same Astro module: leave it as it was.
    Store.prototype.set = original;
    Reflect.deleteProperty(Store.prototype, Symbol.for('voz.storeSetsIfChanged'));
    rmSync(dir, { recursive: true, force: true });
  });

  /** A store with a file, whose writes are counted. */
  async function storeWithCountedWrites() {
    const store = await Store.fromFile(pathToFileURL(join(dir, 'data-store.json')));
    const writes = vi.spyOn(store, 'writeToDisk');
    return { store, writes };
  }

  it('without the patch, setting a meta value it already has writes the store again', async () => {
    const { store, writes } = await storeWithCountedWrites();
    store.metaStore().set('astro-version', '7.3.5');
    await store.waitUntilSaveComplete();
    store.metaStore().set('astro-version', '7.3.5');
    await store.waitUntilSaveComplete();
    expect(writes).toHaveBeenCalledTimes(2);
  });

  it('with it, a value the key already has is no change, and a new value still is', async () => {
    skipUnchangedSets(Store.prototype);
    skipUnchangedSets(Store.prototype); // patched once, however often the hook runs
    const { store, writes } = await storeWithCountedWrites();
    store.metaStore().set('astro-version', '7.3.5');
    await store.waitUntilSaveComplete();
    expect(writes).toHaveBeenCalledTimes(1);

    store.metaStore().set('astro-version', '7.3.5');
    store.set('articles', 'a', { id: 'a', data: { title: 'Uno' } });
    await store.waitUntilSaveComplete();
    expect(writes).toHaveBeenCalledTimes(2); // the new entry, not the meta value

    store.metaStore().set('astro-version', '7.4.0');
    await store.waitUntilSaveComplete();
    expect(writes).toHaveBeenCalledTimes(3);
    expect(readFileSync(join(dir, 'data-store.json'), 'utf8')).toContain('7.4.0');

    // An entry is an object: an equal new object is a change (the loader
    // decides what changed), the very same object is not.
    const entry = { id: 'b', data: { title: 'Dos' } };
    store.set('articles', 'b', entry);
    await store.waitUntilSaveComplete();
    store.set('articles', 'b', entry);
    await store.waitUntilSaveComplete();
    store.set('articles', 'b', { ...entry });
    await store.waitUntilSaveComplete();
    expect(writes).toHaveBeenCalledTimes(5);
  });
});

import type { AstroIntegration } from 'astro';
import { installedAstroExport, patchAstroMethod } from './installed-astro';

/**
 * The content layer writes its whole store to disk after any change to it,
 * 500 ms after the last change (a debounce), and once more when the sync
 * ends. Every sync starts by setting three values in the store's meta (the
 * Astro version and two config digests), changed or not; so every build
 * marked the store changed at once, and when the articles' loader then ran
 * longer than 500 ms without setting anything (listing 50,000 files and
 * comparing their stamps), the debounce fired and the whole store was
 * serialised in the middle of the sync, then again at its end. Profiled at
 * 50,000 articles: two serialisations of 1.2-1.4 s each in a build with no
 * change and in a one-story edit alike.
 *
 * A set that gives a key the value it already has changes nothing, so it
 * no longer counts as a change: the store is written once, when the sync
 * ends, and not at all when nothing in it changed.
 *
 * Patches `MutableDataStore.prototype.set` of the installed Astro (an
 * internal; store-sets-if-changed.test.ts checks its shape, and Astro is
 * pinned to the minor version it was read from).
 */

/** The installed Astro's module of the store the content layer writes. */
export const MUTABLE_STORE_MODULE = 'dist/content/mutable-data-store.js';

/** The part of Astro's MutableDataStore the patch touches. */
export interface StoreLike {
  _collections: Map<string, Map<string, unknown>>;
  set(collectionName: string, key: string | number, value: unknown): void;
}

const PATCHED = Symbol.for('voz.storeSetsIfChanged');

/** Makes `prototype.set` skip a value identical to the one the key holds; patches once. */
export function skipUnchangedSets(prototype: StoreLike): void {
  patchAstroMethod(
    prototype,
    'set',
    { marker: PATCHED, owner: 'MutableDataStore', integration: 'store-sets-if-changed' },
    (set) =>
      function (this: StoreLike, collectionName, key, value) {
        // Entries reach here as new objects (Astro's scoped store makes one per
        // set), so only a value given again as it is, the meta's strings, is skipped.
        const collection = this._collections.get(collectionName);
        const id = String(key);
        if (collection?.has(id) && Object.is(collection.get(id), value)) return;
        set.call(this, collectionName, key, value);
      },
  );
}

/**
 * The installed Astro's MutableDataStore class: the module instance Astro's
 * own code uses, loaded by Node (`require` of an ES module) and not by the
 * Vite module runner that loads the config and its integrations.
 */
export function astroMutableStore(): { prototype: StoreLike } {
  return installedAstroExport(MUTABLE_STORE_MODULE, 'MutableDataStore', 'store-sets-if-changed');
}

/** The integration: patches the store before the content layer syncs (build, sync, dev). */
export function storeSetsIfChanged(): AstroIntegration {
  return {
    name: 'store-sets-if-changed',
    hooks: {
      'astro:config:setup': () => {
        skipUnchangedSets(astroMutableStore().prototype);
      },
    },
  };
}

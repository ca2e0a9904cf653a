import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { installedAstroFile, installedAstroSource } from './installed-astro';
import { dataStoreModuleCode } from './data-store-from-disk';
import {
  STORE_WRITER_MODULE,
  astroFileWriter,
  holdStoreWrites,
  liveContentStore,
  startHolding,
  storeHeld,
  writeHeldStore,
  type WriterLike,
} from './store-written-last';

/** Astro's store, as the content layer makes it for a build. */
interface AstroStore {
  set(collection: string, key: string, value: unknown): void;
  waitUntilSaveComplete(): Promise<void>;
}
const { MutableDataStore } = createRequire(import.meta.url)(
  installedAstroFile('dist/content/mutable-data-store.js'),
) as { MutableDataStore: { fromFile(file: URL): Promise<AstroStore> } };
const devalue = createRequire(installedAstroFile('package.json'))('devalue') as {
  unflatten(value: unknown): unknown;
};

describe('the Astro internals storeWrittenLast relies on', () => {
  it('a build writes the whole store through FileWriter.write, and a false result tells no one', () => {
    const writer = installedAstroSource(STORE_WRITER_MODULE);
    expect(writer).toMatch(
      /class FileWriter \{[\s\S]*?async write\(collections\) \{\s+return await writeFileAtomic\(this\.#file, serializeDataStore\(collections\)\);/,
    );
    const store = installedAstroSource('dist/content/mutable-data-store.js');
    expect(store).toContain('store.#writer = new FileWriter(filePath);');
    expect(store).toMatch(
      /const didWrite = await this\.#writer\.write\(this\._collections\);\s+if \(didWrite\) \{\s+this\.#notifyFileWritten\(this\.#writer\.target\);/,
    );
  });

  it('the runtime takes a Map default export of the store module as the collections', () => {
    const runtime = installedAstroSource('dist/content/data-store.js');
    expect(runtime).toMatch(
      /if \(data\.default instanceof Map\) \{\s+return ImmutableDataStore\.fromMap\(data\.default\);/,
    );
  });

  it('the store file lists collections and entries sorted by name', () => {
    expect(installedAstroSource(STORE_WRITER_MODULE)).toContain(
      '[...collections.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([key, collection]) => [',
    );
  });
});

describe('storeWrittenLast', () => {
  let dir = '';
  let original: WriterLike['write'];
  const Writer = astroFileWriter();

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'store-last-'));
    original = Writer.prototype.write;
  });
  afterEach(async () => {
    await writeHeldStore();
    Writer.prototype.write = original;
    Reflect.deleteProperty(Writer.prototype, Symbol.for('voz.storeWrittenLast.patched'));
    rmSync(dir, { recursive: true, force: true });
  });

  it('holds the write of a build until the pages are built, and hands the pages the store meanwhile', async () => {
    holdStoreWrites(Writer.prototype);
    holdStoreWrites(Writer.prototype); // patched once, however often the hook runs
    startHolding();
    const file = join(dir, 'data-store.json');
    const store = await MutableDataStore.fromFile(pathToFileURL(file));
    store.set('articles', 'zeta', { id: 'zeta', data: { title: 'Z' } });
    store.set('articles', 'alfa', { id: 'alfa', data: { title: 'A' } });
    store.set('authors', 'ana', { id: 'ana', data: { name: 'Ana' } });
    await store.waitUntilSaveComplete();

    // Nothing on disk yet; the pages get the content layer's collections,
    // in the order the file will give them.
    expect(existsSync(file)).toBe(false);
    expect(storeHeld()).toBe(true);
    const live = liveContentStore();
    expect([...(live?.get('articles')?.keys() ?? [])]).toEqual(['alfa', 'zeta']);

    // The store module the pages load hands them that very map.
    const code = dataStoreModuleCode(file);
    const loaded = (await import(`data:text/javascript,${encodeURIComponent(code)}`)) as {
      default: unknown;
    };
    expect(loaded.default).toBeInstanceOf(Map);
    expect(
      (loaded.default as Map<string, Map<string, unknown>>).get('authors')?.get('ana'),
    ).toEqual({
      id: 'ana',
      data: { name: 'Ana' },
    });

    // Written once the pages are built: the file Astro would have written.
    expect(await writeHeldStore()).toBe(true);
    expect(storeHeld()).toBe(false);
    const written = devalue.unflatten(JSON.parse(readFileSync(file, 'utf8'))) as Map<
      string,
      Map<string, unknown>
    >;
    expect([...(written.get('articles')?.keys() ?? [])]).toEqual(['alfa', 'zeta']);
    expect(written.get('articles')?.get('zeta')).toEqual({ id: 'zeta', data: { title: 'Z' } });
  });

  it('writes as Astro always does outside a build', async () => {
    holdStoreWrites(Writer.prototype);
    await writeHeldStore(); // not holding
    const file = join(dir, 'data-store.json');
    const store = await MutableDataStore.fromFile(pathToFileURL(file));
    store.set('articles', 'a', { id: 'a', data: {} });
    await store.waitUntilSaveComplete();
    expect(existsSync(file)).toBe(true);
    expect(storeHeld()).toBe(false);
    expect(liveContentStore()).toBeUndefined();
  });

  it('a build with nothing to write leaves the pages reading the file', async () => {
    holdStoreWrites(Writer.prototype);
    startHolding();
    expect(storeHeld()).toBe(false);
    expect(await writeHeldStore()).toBe(false);
  });
});

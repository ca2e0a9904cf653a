import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  bodiesOnDisk,
  bodyFileName,
  bodyFileOf,
  bodyWriter,
  readBody,
  WRITES_AT_ONCE,
} from './body-files';

type Entry = {
  id: string;
  digest?: string;
  filePath?: string;
  data: Record<string, unknown>;
  rendered?: { html: string; metadata?: Record<string, unknown> };
};

/** A store as the content layer hands loaders one: a map behind get/set/delete/entries. */
function memoryStore() {
  const map = new Map<string, Entry>();
  return {
    map,
    get: (id: string) => map.get(id),
    set: (entry: Entry) => {
      map.set(entry.id, entry);
      return true;
    },
    delete: (id: string) => void map.delete(id),
    entries: () => [...map.entries()],
    has: (id: string) => map.has(id),
  };
}

describe('bodiesOnDisk: rendered bodies live in files, the store keeps the rest', () => {
  let cache = '';
  let store = memoryStore();
  beforeEach(() => {
    cache = mkdtempSync(join(tmpdir(), 'bodies-'));
    store = memoryStore();
  });
  afterEach(() => rmSync(cache, { recursive: true, force: true }));

  /** Runs a loader that stores `entries` (or deletes ids given as strings), wrapped. */
  const sync = (...changes: (Entry | string)[]) => {
    const inner: Loader = {
      name: 'test',
      load: async ({ store: given }) => {
        for (const change of changes) {
          if (typeof change === 'string') given.delete(change);
          else given.set(change as never);
        }
      },
    };
    return bodiesOnDisk(inner).load({
      collection: 'articles',
      store,
      config: { cacheDir: pathToFileURL(`${cache}/`) },
    } as unknown as LoaderContext);
  };
  const story = (digest: string, html: string): Entry => ({
    id: '2026/story',
    digest,
    filePath: 'content/articles/2026/story.md',
    data: { title: 'A story' },
    rendered: { html, metadata: { headings: [], frontmatter: { title: 'A story' } } },
  });
  const files = () => readdirSync(join(cache, 'bodies', 'articles'));

  it('writes the body to a file and keeps the data and metadata in the store', async () => {
    await sync(story('d1', '<p>Body one.</p>'));
    const kept = store.get('2026/story');
    expect(kept?.rendered?.html).toBe('');
    expect(kept?.rendered?.metadata?.['headings']).toEqual([]);
    // The frontmatter is the entry's data already; the store keeps it once.
    expect(kept?.rendered?.metadata).not.toHaveProperty('frontmatter');
    expect(kept?.data).toEqual({ title: 'A story' });
    expect(files()).toEqual([bodyFileName('2026/story', 'd1')]);
    expect(readBody(kept as Entry)).toBe('<p>Body one.</p>');
  });

  it('replaces the file when the story changes, and removes it when the story goes', async () => {
    await sync(story('d1', '<p>Body one.</p>'));
    await sync(story('d2', '<p>Body two.</p>'));
    expect(files()).toEqual([bodyFileName('2026/story', 'd2')]);
    expect(readBody(store.get('2026/story') as Entry)).toBe('<p>Body two.</p>');
    await sync('2026/story');
    expect(files()).toEqual([]);
    expect(store.has('2026/story')).toBe(false);
  });

  it('drops entries whose body file has gone, so the loader renders them again', async () => {
    await sync(story('d1', '<p>Body one.</p>'));
    rmSync(bodyFileOf(store.get('2026/story')) ?? '');
    await sync();
    expect(store.has('2026/story')).toBe(false);
  });

  describe('checked before the publish gate opens', () => {
    /** bodiesOnDisk over a loader that stores nothing, for beforeGate and load on one context. */
    const gated = () => {
      const wrapped = bodiesOnDisk({ name: 'test', load: async () => {} });
      const context = {
        collection: 'articles',
        store,
        config: { cacheDir: pathToFileURL(`${cache}/`) },
      } as unknown as LoaderContext;
      return { ahead: () => wrapped.beforeGate(context), load: () => wrapped.load(context) };
    };

    it('drops an entry whose body had gone before the wait', async () => {
      await sync(story('d1', '<p>Body one.</p>'));
      rmSync(bodyFileOf(store.get('2026/story')) ?? '');
      const build = gated();
      await build.ahead();
      await build.load();
      expect(store.has('2026/story')).toBe(false);
    });

    it('checks again when another build changed the bodies while this one waited', async () => {
      await sync(story('d1', '<p>Body one.</p>'));
      const build = gated();
      await build.ahead();
      // A build typed by hand during the wait deletes the body this store names.
      const file = bodyFileOf(store.get('2026/story')) ?? '';
      const before = statSync(join(cache, 'bodies', 'articles')).mtime;
      await new Promise((done) => setTimeout(done, 20));
      rmSync(file);
      expect(statSync(join(cache, 'bodies', 'articles')).mtime).not.toEqual(before);
      await build.load();
      expect(store.has('2026/story')).toBe(false);
    });

    it('uses the check made ahead while the folder is as it was', async () => {
      await sync(story('d1', '<p>Body one.</p>'));
      const build = gated();
      await build.ahead();
      // The folder's time put back: to the load, nothing happened during the wait.
      const folder = join(cache, 'bodies', 'articles');
      const { atimeMs, mtimeMs } = statSync(folder);
      rmSync(bodyFileOf(store.get('2026/story')) ?? '');
      utimesSync(folder, atimeMs / 1000, mtimeMs / 1000);
      await build.load();
      expect(store.has('2026/story')).toBe(true);
      // A load that was not checked ahead looks at the folder itself.
      await gated().load();
      expect(store.has('2026/story')).toBe(false);
    });
  });

  it('renders again the entries of a project copied with its cache, whose files lie in the original', async () => {
    await sync(story('d1', '<p>Body one.</p>'));
    const original = store.get('2026/story') as Entry;
    const home = cache;
    const moved = mkdtempSync(join(tmpdir(), 'bodies-copy-'));
    try {
      cache = moved;
      await sync();
      expect(store.has('2026/story')).toBe(false);
      expect(existsSync(bodyFileOf(original) ?? '')).toBe(true); // the original's cache is left alone
    } finally {
      cache = home;
      rmSync(moved, { recursive: true, force: true });
    }
  });

  it('refuses to give an empty body when its file is missing, naming the story', async () => {
    await sync(story('d1', '<p>Body one.</p>'));
    const entry = store.get('2026/story') as Entry;
    rmSync(bodyFileOf(entry) ?? '');
    expect(() => readBody(entry)).toThrow(
      'content/articles/2026/story.md: the rendered body is missing',
    );
  });

  it('leaves entries without a rendered body as they are', async () => {
    await sync({ id: 'staff', data: { name: 'Staff' } });
    expect(store.get('staff')).toEqual({ id: 'staff', data: { name: 'Staff' } });
    expect(existsSync(join(cache, 'bodies', 'articles'))).toBe(true);
    expect(files()).toEqual([]);
  });

  it('names a body after the story and the digest of its source', () => {
    expect(bodyFileName('2026/a', 'x')).not.toBe(bodyFileName('2026/b', 'x'));
    expect(bodyFileName('2026/a', 'x')).not.toBe(bodyFileName('2026/a', 'y'));
    expect(bodyFileName('2026/a', 'x')).toMatch(/^[0-9a-f]{16}-x\.html$/);
  });
});

describe('bodyWriter: body files written beside the parsing', () => {
  let dir = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'body-writer-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('has every file on disk once drained, and a file removed after its write stays removed', async () => {
    const writer = bodyWriter();
    const count = WRITES_AT_ONCE * 3;
    for (let i = 0; i < count; i++) {
      await writer.room();
      writer.write(join(dir, `${i}.html`), `<p>${i}</p>`);
    }
    writer.write(join(dir, 'gone.html'), '<p>Gone.</p>');
    writer.remove(join(dir, 'gone.html'));
    await writer.drain();
    expect(readdirSync(dir)).toHaveLength(count);
    expect(readFileSync(join(dir, '7.html'), 'utf8')).toBe('<p>7</p>');
    expect(existsSync(join(dir, 'gone.html'))).toBe(false);
  });

  it('makes the loader wait while WRITES_AT_ONCE files are being written, and go on when one is done', async () => {
    const finish: (() => void)[] = [];
    const writer = bodyWriter({
      writeFile: () => new Promise<void>((resolve) => finish.push(resolve)),
      rm: async () => undefined,
    });
    for (let i = 0; i < WRITES_AT_ONCE; i++) {
      await writer.room();
      writer.write(join(dir, `${i}.html`), 'x');
    }
    let waited = true;
    const room = writer.room().then(() => (waited = false));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(waited).toBe(true);
    // The writes start one turn later, behind any earlier write of the same file.
    await new Promise((resolve) => setTimeout(resolve, 0));
    finish[0]?.();
    await room;
    expect(waited).toBe(false);
    for (const done of finish) done();
    await writer.drain();
  });

  it('fails the load when a body cannot be written, naming the file', async () => {
    const writer = bodyWriter();
    writer.write(join(dir, 'no-such-folder', 'a.html'), '<p>A.</p>');
    await expect(writer.drain()).rejects.toThrow('no-such-folder');
  });
});

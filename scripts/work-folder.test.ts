import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  codeDigest,
  folderMemoText,
  listStamps,
  listStampsAfterBuild,
  listStampsRemembered,
  readFolderMemo,
  SETTLED_MS,
  BUILD_ONLY_FOLDER,
  listingDigest,
  parseWorkState,
  listingText,
  readListing,
  removeWithEmptyFolders,
  syncPlan,
  syncSteps,
  type FolderReader,
  type Listing,
  type RememberingReader,
} from './work-folder';

const listing = (entries: Record<string, [size: number, mtimeMs: number]>): Listing =>
  new Map(Object.entries(entries).map(([path, [size, mtimeMs]]) => [path, { size, mtimeMs }]));

describe('syncPlan: what the live folder keeps, gets and loses', () => {
  const synced = 1_000;
  const live = listing({
    'en/index.html': [500, 900],
    'en/2026/11/20/story/index.html': [800, 900],
    'en/2026/11/19/gone/index.html': [700, 900],
    '_astro/hero.BSwTYHrG_17IKq5.avif': [4000, 900],
    'sitemap-0.xml': [300, 900],
  });

  it('keeps pages the build did not write, copies those it wrote and drops the vanished', () => {
    const work = listing({
      'en/index.html': [510, 1_500], // the front, rendered again
      'en/2026/11/20/story/index.html': [800, 900], // kept from the previous build
      'en/2026/11/21/new/index.html': [600, 1_500], // a new story
      '_astro/hero.BSwTYHrG_17IKq5.avif': [4000, 1_500], // copied again by Astro, same name
      'sitemap-0.xml': [300, 1_500], // rewritten, same size: still copied
    });
    expect(syncPlan(work, live, synced)).toEqual({
      keep: ['en/2026/11/20/story/index.html', '_astro/hero.BSwTYHrG_17IKq5.avif'],
      copy: ['en/index.html', 'en/2026/11/21/new/index.html', 'sitemap-0.xml'],
      drop: ['en/2026/11/19/gone/index.html'],
    });
  });

  it('copies a file whose size changed even when its time says otherwise', () => {
    const work = listing({ 'en/index.html': [999, 900] });
    expect(syncPlan(work, live, synced).copy).toEqual(['en/index.html']);
  });

  it('copies a content-named asset whose size differs', () => {
    const work = listing({ '_astro/hero.BSwTYHrG_17IKq5.avif': [4001, 1_500] });
    expect(syncPlan(work, live, synced).copy).toEqual(['_astro/hero.BSwTYHrG_17IKq5.avif']);
  });

  it('does not take an unhashed file in _astro for content-named', () => {
    const live2 = listing({ '_astro/notes.txt': [10, 900] });
    const work = listing({ '_astro/notes.txt': [10, 1_500] });
    expect(syncPlan(work, live2, synced).copy).toEqual(['_astro/notes.txt']);
  });

  it('copies everything when the moment of the last sync is not trusted', () => {
    const work = listing({
      'en/index.html': [500, 900],
      'en/2026/11/20/story/index.html': [800, 900],
    });
    const plan = syncPlan(work, live, null);
    expect(plan.keep).toEqual([]);
    expect(plan.copy).toEqual(['en/index.html', 'en/2026/11/20/story/index.html']);
  });

  it('copies everything into a first live folder', () => {
    const work = listing({ 'en/index.html': [500, 900] });
    expect(syncPlan(work, new Map(), synced)).toEqual({
      keep: [],
      copy: ['en/index.html'],
      drop: [],
    });
  });
});

describe('syncSteps: the live folder never links to a page it lacks', () => {
  it('puts new files first, then changed ones, and removes the vanished last', () => {
    const live = listing({ 'en/index.html': [1, 1], 'en/old/index.html': [1, 1] });
    const plan = {
      keep: [],
      copy: ['en/index.html', 'en/new/index.html', 'og/en/new.png'],
      drop: ['en/old/index.html'],
    };
    expect(syncSteps(plan, live)).toEqual([
      { put: 'en/new/index.html' },
      { put: 'og/en/new.png' },
      { put: 'en/index.html' },
      { remove: 'en/old/index.html' },
    ]);
  });
});

describe('folder listings and the code digest', () => {
  let dir = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'work-folder-'));
    mkdirSync(join(dir, 'src', 'lib'), { recursive: true });
    mkdirSync(join(dir, 'content', 'articles'), { recursive: true });
    writeFileSync(join(dir, 'src', 'lib', 'a.ts'), 'export const a = 1;\n');
    writeFileSync(join(dir, 'astro.config.mjs'), 'export default {};\n');
    writeFileSync(join(dir, 'content', 'articles', 'story.md'), '---\ntitle: x\n---\n');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const digest = (extra: string[] = []) =>
    codeDigest(dir, ['src', 'public', 'astro.config.mjs'], extra);

  it('lists every file with forward slashes, and nothing for a missing folder', () => {
    expect([...listStamps(join(dir, 'src')).keys()]).toEqual(['lib/a.ts']);
    expect(listStamps(join(dir, 'nowhere')).size).toBe(0);
  });

  it('leaves the build-only folder out of an output listing, so it is never published', () => {
    const out = join(dir, 'out');
    mkdirSync(join(out, BUILD_ONLY_FOLDER, 'search-records', 'es'), { recursive: true });
    mkdirSync(join(out, 'es', 'build-only-story'), { recursive: true });
    writeFileSync(join(out, BUILD_ONLY_FOLDER, 'search-records', 'es', '2026.json'), '[]');
    writeFileSync(join(out, 'es', 'build-only-story', 'index.html'), '<p>story</p>');
    expect([...listStamps(out).keys()]).toEqual(['es/build-only-story/index.html']);
  });

  it('leaves out what the search indexer deletes while the folder is walked, and lists the rest', () => {
    const out = join(dir, 'out');
    const bundle = join(out, 'es', 'buscar', 'pagefind', '2025-q3');
    mkdirSync(join(bundle, 'fragment'), { recursive: true });
    mkdirSync(join(bundle, 'index'), { recursive: true });
    mkdirSync(join(out, 'es', 'story'), { recursive: true });
    writeFileSync(join(out, 'es', 'story', 'index.html'), '<p>story</p>');
    writeFileSync(join(bundle, 'pagefind-entry.json'), '{}');
    writeFileSync(join(bundle, 'fragment', 'es_b1f685c.pf_fragment'), 'x');
    writeFileSync(join(bundle, 'index', 'es_1.pf_index'), 'x');
    // As the indexer does: the bundle's folder is read, then a stale
    // fragment and a whole folder are deleted before the walk reaches them.
    const reader: FolderReader = {
      readdir: (folder) => {
        const entries = readdirSync(folder, { withFileTypes: true });
        if (folder === bundle) {
          rmSync(join(bundle, 'fragment', 'es_b1f685c.pf_fragment'));
          rmSync(join(bundle, 'index'), { recursive: true });
        }
        return entries;
      },
      stat: (path) => statSync(path, { throwIfNoEntry: false }),
    };
    expect([...listStamps(out, reader).keys()].sort()).toEqual([
      'es/buscar/pagefind/2025-q3/pagefind-entry.json',
      'es/story/index.html',
    ]);
    // The walk with the file system as it is.
    expect([...listStamps(out).keys()].sort()).toEqual([
      'es/buscar/pagefind/2025-q3/pagefind-entry.json',
      'es/story/index.html',
    ]);
  });

  it('still fails on a folder it cannot read for another reason', () => {
    const out = join(dir, 'out');
    mkdirSync(join(out, 'es'), { recursive: true });
    const denied: FolderReader = {
      readdir: (folder) => {
        if (folder.endsWith('es')) {
          throw Object.assign(new Error(`EACCES: permission denied, scandir '${folder}'`), {
            code: 'EACCES',
          });
        }
        return readdirSync(folder, { withFileTypes: true });
      },
      stat: (path) => statSync(path, { throwIfNoEntry: false }),
    };
    expect(() => listStamps(out, denied)).toThrow(/EACCES/);
  });

  it('changes with the code, a new source file and the extra strings, not with content', () => {
    const before = digest();
    writeFileSync(join(dir, 'content', 'articles', 'story.md'), '---\ntitle: y\n---\n');
    expect(digest()).toBe(before);
    writeFileSync(join(dir, 'src', 'lib', 'a.ts'), 'export const a = 2;\n');
    const edited = digest();
    expect(edited).not.toBe(before);
    writeFileSync(join(dir, 'src', 'lib', 'b.ts'), '');
    expect(digest()).not.toBe(edited);
    expect(digest(['--config', 'other.mjs'])).not.toBe(digest());
  });

  it('tells a rewritten file from an untouched one in the listing digest', () => {
    const before = listingDigest(listStamps(dir));
    expect(listingDigest(listStamps(dir))).toBe(before);
    utimesSync(join(dir, 'src', 'lib', 'a.ts'), new Date(), new Date(Date.now() + 5_000));
    expect(listingDigest(listStamps(dir))).not.toBe(before);
  });
});

describe('removeWithEmptyFolders', () => {
  it('deletes a page and the folders it leaves empty, whether or not the root ends in a slash', () => {
    for (const slash of ['', '/']) {
      const root = mkdtempSync(join(tmpdir(), 'remove-'));
      try {
        mkdirSync(join(root, 'en', '2026', '11', 'gone'), { recursive: true });
        mkdirSync(join(root, 'en', 'kept'), { recursive: true });
        writeFileSync(join(root, 'en', '2026', '11', 'gone', 'index.html'), '');
        writeFileSync(join(root, 'en', 'kept', 'index.html'), '');
        removeWithEmptyFolders(`${root}${slash}`, 'en/2026/11/gone/index.html');
        removeWithEmptyFolders(`${root}${slash}`, '../outside.html');
        expect([...listStamps(root).keys()]).toEqual(['en/kept/index.html']);
        expect(readdirSync(join(root, 'en'))).toEqual(['kept']);
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    }
  });

  it('passes over a file whose folder is already gone, as after the work folder was started afresh', () => {
    const root = mkdtempSync(join(tmpdir(), 'remove-'));
    try {
      mkdirSync(join(root, 'en', 'kept'), { recursive: true });
      writeFileSync(join(root, 'en', 'kept', 'index.html'), '');
      expect(() => removeWithEmptyFolders(root, 'es/2026/11/28/gone/index.html')).not.toThrow();
      expect(() => removeWithEmptyFolders(root, 'en/gone/index.html')).not.toThrow();
      expect([...listStamps(root).keys()]).toEqual(['en/kept/index.html']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('readListing', () => {
  it('reads back what listingText saved, in its order', () => {
    const saved = listing({
      'en/index.html': [10, 5.25],
      'es/index.html': [12, 7],
      '404.html': [3, 1],
    });
    const read = readListing(listingText(saved));
    expect(read).toEqual(saved);
    expect([...(read ?? new Map()).keys()]).toEqual(['en/index.html', 'es/index.html', '404.html']);
    expect(readListing(listingText(new Map()))).toEqual(new Map());
  });

  it('refuses anything else, so the build walks the folder instead', () => {
    expect(readListing(null)).toBeNull();
    expect(readListing('[[')).toBeNull();
    expect(readListing('null')).toBeNull();
    // The rows of earlier builds' listings.
    expect(readListing('[["en/index.html",10,5]]')).toBeNull();
    expect(readListing('{"paths":["en/index.html"],"sizes":["10"],"mtimes":[5]}')).toBeNull();
    expect(readListing('{"paths":["en/index.html"],"sizes":[10],"mtimes":[]}')).toBeNull();
    expect(readListing('{"paths":[1],"sizes":[10],"mtimes":[5]}')).toBeNull();
  });
});

describe('parseWorkState', () => {
  it('reads a state and refuses what is not one', () => {
    expect(parseWorkState('{"code":"abc","complete":true,"syncedAt":5,"live":"d"}')).toEqual({
      code: 'abc',
      complete: true,
      syncedAt: 5,
      live: 'd',
    });
    expect(parseWorkState('{"code":"abc","complete":false}')).toEqual({
      code: 'abc',
      complete: false,
    });
    expect(parseWorkState(null)).toBeNull();
    expect(parseWorkState('not json')).toBeNull();
    expect(parseWorkState('{"complete":true}')).toBeNull();
  });
});

/** Writes `text` to `path` under `root`, making its folders. */
function putFile(root: string, path: string, text: string): void {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), text);
}

/**
 * The real file system under `root`, counting the folders it reads and the
 * files whose times it reads (by path relative to `root`, `.` for itself).
 */
function countingReader(root: string) {
  const read: string[] = [];
  const stated: string[] = [];
  const reader: RememberingReader = {
    readdir: (dir) => {
      read.push(dir === root ? '.' : dir.slice(root.length + 1));
      return readdirSync(dir, { withFileTypes: true });
    },
    stat: (path) => {
      stated.push(path.slice(root.length + 1));
      return statSync(path, { throwIfNoEntry: false });
    },
    folderTime: (path) => {
      const stat = statSync(path, { throwIfNoEntry: false });
      return stat?.isDirectory() ? stat.mtimeMs : undefined;
    },
  };
  return { read, stated, reader };
}

describe('listStampsRemembered: only folders that changed are read again', () => {
  let root = '';
  const put = (path: string, text: string) => putFile(root, path, text);
  /** Sets every folder's time to `at` (ms), as if nothing had changed in them since. */
  const settle = (at: number) => {
    const folders = ['', ...readdirSync(root, { recursive: true, encoding: 'utf8' })].filter(
      (path) => statSync(join(root, path)).isDirectory(),
    );
    for (const folder of folders) utimesSync(join(root, folder), at / 1000, at / 1000);
  };
  const counting = () => countingReader(root);

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'remembered-'));
    put('index.html', 'front');
    put('en/2026/11/20/story/index.html', 'story');
    put('en/2026/11/21/other/index.html', 'other');
    put('es/2026/11/20/historia/index.html', 'historia');
    put('_astro/site.css', 'css');
    put(`${BUILD_ONLY_FOLDER}/records.json`, '[]');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('lists what listStamps lists, in its order, and then reads only the changed folders', () => {
    const now = Date.now();
    settle(now - 60_000);
    const first = counting();
    const { listing: before, memo } = listStampsRemembered(root, undefined, first.reader, now);
    expect([...before]).toEqual([...listStamps(root)]);
    expect(before.has(`${BUILD_ONLY_FOLDER}/records.json`)).toBe(false);
    expect(first.read.length).toBeGreaterThan(8);

    // A page rewritten in place (its folder keeps its time), a new story, a
    // story taken down.
    writeFileSync(join(root, 'en/2026/11/20/story/index.html'), 'story, corrected');
    put('en/2026/11/22/new/index.html', 'new');
    rmSync(join(root, 'es/2026/11/20/historia'), { recursive: true });

    const second = counting();
    const { listing: after } = listStampsRemembered(root, memo, second.reader, Date.now());
    expect([...after]).toEqual([...listStamps(root)]);
    expect(after.get('en/2026/11/20/story/index.html')?.size).toBe('story, corrected'.length);
    expect(after.has('en/2026/11/22/new/index.html')).toBe(true);
    expect(after.has('es/2026/11/20/historia/index.html')).toBe(false);
    // Only the folders that gained or lost an entry, and the new one.
    expect(second.read.sort()).toEqual([
      'en/2026/11',
      'en/2026/11/22',
      'en/2026/11/22/new',
      'es/2026/11/20',
    ]);
  });

  it('reads again a folder whose time was too close to the previous walk to be trusted', () => {
    const at = Date.now() - 60_000;
    settle(at);
    // The previous walk ran within SETTLED_MS of the folders' last change.
    const { memo } = listStampsRemembered(root, undefined, undefined, at + SETTLED_MS - 1);
    // A file added in the same tick as that change: the folder keeps its time.
    put('en/2026/11/20/story/photo.jpg', 'jpg');
    utimesSync(join(root, 'en/2026/11/20/story'), at / 1000, at / 1000);
    const { listing } = listStampsRemembered(root, memo);
    expect(listing.has('en/2026/11/20/story/photo.jpg')).toBe(true);
    expect([...listing]).toEqual([...listStamps(root)]);
  });

  it('keeps its memo as text and refuses anything else', () => {
    settle(Date.now() - 60_000);
    const { memo } = listStampsRemembered(root, undefined);
    const again = readFolderMemo(folderMemoText(memo));
    expect(again).toEqual(memo);
    for (const text of [null, '', '{}', '{"version":1,"listedAt":1,"rows":[[1,2,[]]]}', '[]']) {
      expect(readFolderMemo(text)).toBeUndefined();
    }
  });

  it('lists nothing for a folder that is not there', () => {
    const { listing, memo } = listStampsRemembered(join(root, 'missing'), undefined);
    expect(listing.size).toBe(0);
    expect(memo.folders.size).toBe(0);
  });
});

describe('listStampsAfterBuild: a publish listed from the previous listing and what the build did', () => {
  let root = '';
  const put = (path: string, text: string) => putFile(root, path, text);
  const counting = () => countingReader(root);
  const pages = [
    'index.html',
    'en/index.html',
    'en/2026/11/20/story/index.html',
    'en/2026/11/21/other/index.html',
    'es/2026/11/20/historia/index.html',
    'es/2026/11/21/otra/index.html',
  ];

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'after-build-'));
    for (const page of pages) put(page, page);
    put('_astro/site.css', 'css');
    put('en/search/pagefind/2026/a.pf_fragment', 'a');
    put('sitemap-index.xml', '<sitemapindex/>');
    put(`${BUILD_ONLY_FOLDER}/records.json`, '[]');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('lists a publish as a walk does, without reading the folders of kept pages', () => {
    const previous = listStamps(root);
    // The publish: the front and a story rendered again, a new story, the
    // bundler's new image, a story taken down (kept-output deleted its file),
    // a new search bundle; the other pages were kept.
    put('en/index.html', 'front, later');
    put('en/2026/11/20/story/index.html', 'story, corrected');
    put('en/2026/11/22/new/index.html', 'new');
    put('_astro/photo.jpg', 'jpg');
    rmSync(join(root, 'es/2026/11/21/otra'), { recursive: true });
    put('en/search/pagefind/2026-11/b.pf_fragment', 'b');
    const kept = new Set([
      'index.html',
      'en/2026/11/21/other/index.html',
      'es/2026/11/20/historia/index.html',
    ]);
    const written = [
      'en/index.html',
      'en/2026/11/20/story/index.html',
      'en/2026/11/22/new/index.html',
    ];
    const { read, stated, reader } = counting();
    const listing = listStampsAfterBuild(
      root,
      previous,
      kept,
      written,
      (key) => key.startsWith('en/search/pagefind/'),
      reader,
    );
    expect(listing).toEqual(listStamps(root));
    expect(listing.get('en/2026/11/20/story/index.html')?.size).toBe('story, corrected'.length);
    expect(listing.has('es/2026/11/21/otra/index.html')).toBe(false);
    expect(listing.has(`${BUILD_ONLY_FOLDER}/records.json`)).toBe(false);
    // The Spanish story that was kept is in a folder of its own, which the
    // walk left alone; its day, month and year held the story taken down.
    expect(read).not.toContain('es/2026/11/20');
    expect(read).not.toContain('es/2026/11/20/historia');
    expect(read).not.toContain('en/2026/11/21');
    expect(read).toEqual(
      expect.arrayContaining(['.', '_astro', 'es/2026/11', 'en/2026/11/22/new']),
    );
    // Kept pages and the bundle's known file are not read again; the rest is.
    expect(stated).not.toContain('index.html');
    expect(stated).not.toContain('en/search/pagefind/2026/a.pf_fragment');
    expect(stated).toEqual(
      expect.arrayContaining([
        'en/index.html',
        '_astro/photo.jpg',
        '_astro/site.css',
        'sitemap-index.xml',
        'en/search/pagefind/2026-11/b.pf_fragment',
      ]),
    );
  });

  it('reads the folder of a kept page the previous listing lacks, and new folders in the folders it reads', () => {
    const previous = listStamps(root);
    previous.delete('es/2026/11/20/historia/index.html');
    put('es/2026/11/20/by-hand/index.html', 'a folder no build wrote');
    const kept = new Set(pages);
    const { read, reader } = counting();
    const listing = listStampsAfterBuild(root, previous, kept, [], () => false, reader);
    expect(listing).toEqual(listStamps(root));
    expect(read).toEqual(
      expect.arrayContaining(['es/2026/11/20/historia', 'es/2026/11/20/by-hand']),
    );
    expect(read).not.toContain('en/2026/11/21/other');
  });

  it('leaves out a folder that disappears while it is listed', () => {
    const previous = listStamps(root);
    const { reader } = counting();
    const listing = listStampsAfterBuild(root, previous, new Set(pages), [], () => false, {
      ...reader,
      readdir: (dir) => {
        if (dir.endsWith('pagefind/2026')) {
          rmSync(dir, { recursive: true });
        }
        return reader.readdir(dir);
      },
    });
    expect(listing.has('en/search/pagefind/2026/a.pf_fragment')).toBe(false);
    expect(listing.get('en/index.html')).toEqual(previous.get('en/index.html'));
  });
});

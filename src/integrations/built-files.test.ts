import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { BuiltOutput, deriveFromBuiltFiles, outputCacheFile } from './built-files';
import { listStamps, readFolderMemo, readListing } from '../../scripts/work-folder';
import { vanishedOutputs } from './kept-output';

describe('deriveFromBuiltFiles: what hooks learn from the output, read once per version of a file', () => {
  let root = '';
  let cacheFile = '';
  let reads: string[] = [];
  beforeEach(() => {
    const dir = mkdtempSync(join(tmpdir(), 'built-files-'));
    root = join(dir, 'out');
    cacheFile = join(dir, 'cache', 'titles.json');
    mkdirSync(join(root, 'en', 'story'), { recursive: true });
    writeFileSync(join(root, 'en', 'index.html'), '<title>Front</title>');
    writeFileSync(join(root, 'en', 'story', 'index.html'), '<title>Story</title>');
    writeFileSync(join(root, 'robots.txt'), 'User-agent: *');
    reads = [];
  });
  afterEach(() => rmSync(join(root, '..'), { recursive: true, force: true }));

  const titles = (version = 'v1') =>
    deriveFromBuiltFiles({
      root,
      wanted: (file) => file.endsWith('.html'),
      derive: (text, path) => {
        reads.push(path.slice(root.length + 1));
        return /<title>(.*)<\/title>/.exec(text)?.[1] ?? '';
      },
      cacheFile,
      version,
    });

  it('reads every wanted file the first time, keyed by its path in the output', async () => {
    const values = await titles();
    expect(Object.fromEntries(values)).toEqual({
      'en/index.html': 'Front',
      'en/story/index.html': 'Story',
    });
    expect(reads.sort()).toEqual(['en/index.html', 'en/story/index.html']);
  });

  it('reads again only the files written since, and forgets deleted ones', async () => {
    await titles();
    reads = [];
    writeFileSync(join(root, 'en', 'index.html'), '<title>Front, later</title>');
    // A rewrite within the same clock tick must still count: move the time on.
    utimesSync(join(root, 'en', 'index.html'), new Date(), new Date(Date.now() + 2_000));
    rmSync(join(root, 'en', 'story'), { recursive: true });
    writeFileSync(join(root, 'en', 'new.html'), '<title>New</title>');
    const values = await titles();
    expect(Object.fromEntries(values)).toEqual({
      'en/index.html': 'Front, later',
      'en/new.html': 'New',
    });
    expect(reads.sort()).toEqual(['en/index.html', 'en/new.html']);
  });

  it('reads everything again when the shape of the values changed', async () => {
    await titles('v1');
    reads = [];
    await titles('v2');
    expect(reads).toHaveLength(2);
  });

  it('names the set of values anew only when a value is added, removed or changed', async () => {
    let name = '';
    const generation = async (version = 'v1') => {
      await deriveFromBuiltFiles({
        root,
        wanted: (file) => file.endsWith('.html'),
        derive: (text) => /<title>(.*)<\/title>/.exec(text)?.[1] ?? '',
        cacheFile,
        version,
        generation: (given) => (name = given),
      });
      return name;
    };
    // Every write in its own clock tick, as two builds are apart.
    let tick = 0;
    const write = (file: string, text: string) => {
      writeFileSync(join(root, file), text);
      const at = new Date(Date.UTC(2030, 0, 1, 0, 0, (tick += 1)));
      utimesSync(join(root, file), at, at);
    };

    const first = await generation();
    expect(first).not.toBe('');
    expect(await generation()).toBe(first);
    // Written again with the same value: the same set.
    write('en/index.html', '<title>Front</title><p>another body</p>');
    expect(await generation()).toBe(first);
    // A value changed, a file added, a file removed: each a new set.
    write('en/index.html', '<title>Front, later</title>');
    const changed = await generation();
    expect(changed).not.toBe(first);
    write('en/new.html', '<title>New</title>');
    const added = await generation();
    expect(added).not.toBe(changed);
    rmSync(join(root, 'en', 'story'), { recursive: true });
    const removed = await generation();
    expect(removed).not.toBe(added);
    expect(await generation()).toBe(removed);
    // A file nobody wants changes nothing; a cache of another shape is no set.
    write('robots.txt', 'User-agent: *\nDisallow: /x');
    expect(await generation()).toBe(removed);
    expect(await generation('v2')).not.toBe(removed);
  });

  it('keeps the caches of two output folders apart, and finds them again in a moved project', () => {
    const at = (project: string, out: string) =>
      outputCacheFile(
        {
          root: pathToFileURL(`${project}/`),
          cacheDir: pathToFileURL(`${project}/.cache/astro/`),
          outDir: pathToFileURL(`${project}/${out}/`),
        },
        'heads',
      );
    expect(at('/p', 'dist')).not.toBe(at('/p', '.test-dist'));
    expect(at('/p', 'dist').replace('/p/', '/q/')).toBe(at('/q', 'dist'));
  });
});

describe('BuiltOutput: one listing of the output per build, shared by the hooks', () => {
  let root = '';
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'built-output-'));
    mkdirSync(join(root, 'en'), { recursive: true });
    mkdirSync(join(root, '_astro'), { recursive: true });
    writeFileSync(join(root, 'en', 'index.html'), '<title>Front</title>');
    writeFileSync(join(root, '_astro', 'unused.Ab12Cd34.jpg'), 'jpeg');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('lists once, sees files the sitemap writes later, forgets pruned ones, and saves what build.mjs reads', async () => {
    const output = new BuiltOutput();
    const first = output.files(root);
    expect([...first.keys()].sort()).toEqual(['_astro/unused.Ab12Cd34.jpg', 'en/index.html']);
    writeFileSync(join(root, 'sitemap-index.xml'), '<sitemapindex/>');
    expect(output.files(root)).toBe(first); // not walked again
    output.refresh(root, (name) => name.startsWith('sitemap-'));
    expect(output.files(root).has('sitemap-index.xml')).toBe(true);
    rmSync(join(root, '_astro', 'unused.Ab12Cd34.jpg'));
    output.forget(['_astro/unused.Ab12Cd34.jpg']);
    const file = join(root, '..', `${root.split('/').pop()}.listing.json`);
    await output.save(file);
    // What scripts/build.mjs reads equals a walk of the folder.
    expect(readListing(readFileSync(file, 'utf8'))).toEqual(listStamps(root));
    rmSync(file);
  });

  it('lists again a folder a later hook rewrote (the search bundles), and nothing else', () => {
    const output = new BuiltOutput();
    mkdirSync(join(root, 'en', 'search', 'pagefind', '2025'), { recursive: true });
    writeFileSync(join(root, 'en', 'search', 'pagefind', '2025', 'old.pf_fragment'), 'old');
    output.files(root);
    rmSync(join(root, 'en', 'search', 'pagefind', '2025'), { recursive: true });
    mkdirSync(join(root, 'en', 'search', 'pagefind', '2026-11'), { recursive: true });
    writeFileSync(join(root, 'en', 'search', 'pagefind', '2026-11', 'new.pf_fragment'), 'new');
    writeFileSync(join(root, 'en', 'unlisted.html'), 'written outside the folder');
    output.relist(root, 'en/search/pagefind/');
    expect([...output.files(root).keys()].sort()).toEqual([
      '_astro/unused.Ab12Cd34.jpg',
      'en/index.html',
      'en/search/pagefind/2026-11/new.pf_fragment',
    ]);
  });

  /**
   * The files a listing keeps beside the output folder between builds, with
   * the folders last changed a minute ago (so the memo can be trusted);
   * deleted after `test`.
   */
  async function withRemembered(
    test: (files: { memoFile: string; stampsFile: string; listingFile: string }) => Promise<void>,
  ) {
    const beside = (name: string) => join(root, '..', `${root.split('/').pop()}.${name}.json`);
    const files = {
      memoFile: beside('folders'),
      stampsFile: beside('stamps'),
      listingFile: beside('listing'),
    };
    const minuteAgo = (Date.now() - 60_000) / 1000;
    for (const folder of ['', 'en', '_astro']) utimesSync(join(root, folder), minuteAgo, minuteAgo);
    try {
      await test(files);
    } finally {
      for (const file of Object.values(files)) rmSync(file, { force: true });
    }
  }

  it('remembers its folders for the next build, which lists the same files after changes', async () => {
    await withRemembered(async ({ memoFile, stampsFile, listingFile }) => {
      const first = new BuiltOutput();
      first.remember(memoFile, stampsFile);
      first.files(root);
      // The sitemap parts are written after the listing, at the root.
      writeFileSync(join(root, 'sitemap-0.xml'), '<urlset/>');
      first.refresh(root, (name) => name.startsWith('sitemap-'));
      await first.save(listingFile);
      // What it remembers: every folder but the root, which changed.
      const memo = readFolderMemo(readFileSync(memoFile, 'utf8'));
      expect([...(memo?.folders.keys() ?? [])].sort()).toEqual(['_astro', 'en']);

      // The next build: a page rewritten in place, a new one, a pruned image.
      writeFileSync(join(root, 'en', 'index.html'), '<title>Front, later</title>');
      mkdirSync(join(root, 'en', 'story'));
      writeFileSync(join(root, 'en', 'story', 'index.html'), '<title>Story</title>');
      rmSync(join(root, '_astro', 'unused.Ab12Cd34.jpg'));
      const next = new BuiltOutput();
      next.remember(memoFile, stampsFile);
      // The front was rendered again; a page kept as it was would be trusted.
      next.trustKept(() => new Set(['sitemap-0.xml']));
      expect(next.files(root)).toEqual(listStamps(root));
      expect([...next.files(root).keys()].sort()).toEqual([
        'en/index.html',
        'en/story/index.html',
        'sitemap-0.xml',
      ]);
    });
  });

  it('takes the times of the files of kept pages from the previous listing', async () => {
    await withRemembered(async ({ memoFile, stampsFile, listingFile }) => {
      const first = new BuiltOutput();
      first.remember(memoFile, stampsFile);
      const before = new Map(first.files(root));
      await first.save(listingFile);
      // A hand-made change the next build is told nobody made: a kept page
      // is taken as the listing had it (README: --force repairs such a folder).
      writeFileSync(join(root, 'en', 'index.html'), '<title>Changed by hand, longer</title>');
      const next = new BuiltOutput();
      next.remember(memoFile, stampsFile);
      next.trustKept(() => new Set(['en/index.html']));
      expect(next.files(root).get('en/index.html')).toEqual(before.get('en/index.html'));
      // Without the word of the build, it is read.
      const unsure = new BuiltOutput();
      unsure.remember(memoFile, stampsFile);
      expect(unsure.files(root)).toEqual(listStamps(root));
    });
  });

  it('takes the times of files a hook relists from the previous listing, and reads a folder whose entries changed', async () => {
    const bundle = join(root, 'en', 'search', 'pagefind', '2025');
    mkdirSync(bundle, { recursive: true });
    writeFileSync(join(bundle, 'a.pf_fragment'), 'a');
    writeFileSync(join(bundle, 'b.pf_fragment'), 'b');
    const minuteAgo = (Date.now() - 60_000) / 1000;
    for (const folder of ['en/search', 'en/search/pagefind', 'en/search/pagefind/2025']) {
      utimesSync(join(root, folder), minuteAgo, minuteAgo);
    }
    const relisted = (key: string) => key.startsWith('en/search/pagefind/');
    /** The next build's listing: the front kept, the search bundles relisted by their hook. */
    const trusting = (memoFile: string, stampsFile: string) => {
      const output = new BuiltOutput();
      output.remember(memoFile, stampsFile);
      output.trustKept(() => new Set(['en/index.html']));
      output.trustRelisted(relisted);
      return output;
    };
    await withRemembered(async ({ memoFile, stampsFile, listingFile }) => {
      const first = new BuiltOutput();
      first.remember(memoFile, stampsFile);
      const before = new Map(first.files(root));
      await first.save(listingFile);
      // Rewritten in place by nobody the build knows of: the hook's word is taken.
      writeFileSync(join(bundle, 'a.pf_fragment'), 'a, by hand, longer');
      const next = trusting(memoFile, stampsFile);
      expect(next.files(root).get('en/search/pagefind/2025/a.pf_fragment')).toEqual(
        before.get('en/search/pagefind/2025/a.pf_fragment'),
      );
      await next.save(listingFile);
      // The folder's entries changed (a file added): every file in it is read.
      writeFileSync(join(bundle, 'c.pf_fragment'), 'c');
      const third = trusting(memoFile, stampsFile);
      expect(third.files(root)).toEqual(listStamps(root));
    });
  });

  it('told what the build rendered, lists a publish as a walk does without looking at kept folders', async () => {
    mkdirSync(join(root, 'en', 'kept'), { recursive: true });
    writeFileSync(join(root, 'en', 'kept', 'index.html'), '<title>Kept</title>');
    utimesSync(
      join(root, 'en', 'kept'),
      (Date.now() - 60_000) / 1000,
      (Date.now() - 60_000) / 1000,
    );
    await withRemembered(async ({ memoFile, stampsFile, listingFile }) => {
      const first = new BuiltOutput();
      first.remember(memoFile, stampsFile);
      first.files(root);
      await first.save(listingFile);
      // The publish: the front rendered again and a new story beside the kept one.
      writeFileSync(join(root, 'en', 'index.html'), '<title>Front, later</title>');
      mkdirSync(join(root, 'en', 'story'));
      writeFileSync(join(root, 'en', 'story', 'index.html'), '<title>Story</title>');
      const next = new BuiltOutput();
      next.remember(memoFile, stampsFile);
      next.trustKept(
        () => new Set(['en/kept/index.html']),
        () => ['en/index.html', 'en/story/index.html'],
      );
      expect(next.files(root)).toEqual(listStamps(root));
      expect(next.files(root).get('en/story/index.html')?.size).toBe('<title>Story</title>'.length);
    });
  });

  it('starts a new listing for the next build', () => {
    const output = new BuiltOutput();
    output.files(root);
    writeFileSync(join(root, 'en', 'new.html'), '');
    output.reset();
    expect(output.files(root).has('en/new.html')).toBe(true);
  });
});

describe('vanishedOutputs', () => {
  it('lists the files of the previous build that this build did not write or keep', () => {
    expect(
      vanishedOutputs(
        ['en/index.html', 'en/2026/11/19/gone/index.html', 'og/gone.png'],
        new Set(['en/index.html', 'en/2026/11/21/new/index.html']),
      ),
    ).toEqual(['en/2026/11/19/gone/index.html', 'og/gone.png']);
  });
});

import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import {
  BuiltOutput,
  cacheLine,
  DerivedValues,
  deriveFromBuiltFiles,
  outputCacheFile,
  readCacheLines,
} from './built-files';
import { listStamps, readListing } from '../../scripts/work-folder';
import { sameOutputs, vanishedOutputs } from './kept-output';

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

  it('keeps the lines of files it did not read again as they were, and parses a value only when asked', async () => {
    const first = await titles();
    expect(first.get('en/story/index.html')).toBe('Story');
    const before = readFileSync(cacheFile, 'utf8').split('\n');
    writeFileSync(join(root, 'en', 'index.html'), '<title>Front, later</title>');
    utimesSync(join(root, 'en', 'index.html'), new Date(), new Date(Date.now() + 2_000));
    const values = await titles();
    const after = readFileSync(cacheFile, 'utf8').split('\n');
    const story = (lines: string[]) => lines.find((line) => line.startsWith('en/story/'));
    expect(story(after)).toBe(story(before));
    expect(after.find((line) => line.startsWith('en/index.html'))).toMatch(/"Front, later"$/);
    expect(values.get('en/index.html')).toBe('Front, later');
    expect(values.get('robots.txt')).toBeUndefined();
    expect(values.size).toBe(2);
    // A cache of an older layout (one JSON document) or a damaged one is none.
    for (const text of [
      '{"version":"v1","generation":"g","files":{}}',
      '{"format":"lines-1"',
      'x',
    ]) {
      writeFileSync(cacheFile, text);
      reads = [];
      await titles();
      expect(reads).toHaveLength(2);
    }
  });

  it('writes any path as a line it reads back, and gives each different value once', () => {
    const odd = ['plain/index.html', 'tab\there.html', 'line\nbreak.html', '"quoted".html'];
    const text = [
      JSON.stringify({ format: 'lines-1', version: 'v', generation: 'g' }),
      ...odd.map((key, i) => cacheLine(key, i, 1796235948023.2073, JSON.stringify(['site.css']))),
    ].join('\n');
    const { lines, generation } = readCacheLines(text, 'v');
    expect(generation).toBe('g');
    expect([...lines.keys()]).toEqual(odd);
    expect(lines.get('line\nbreak.html')).toMatchObject({ size: 2, mtimeMs: 1796235948023.2073 });
    const values = new DerivedValues<string[]>(lines);
    expect(values.distinct()).toEqual([['site.css']]);
    expect(Object.fromEntries(values)['"quoted".html']).toEqual(['site.css']);
    expect(readCacheLines(text, 'other').lines.size).toBe(0);
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

  /** The files a listing keeps beside the output folder between builds; deleted after `test`. */
  async function withRemembered(
    test: (files: { stampsFile: string; listingFile: string }) => Promise<void>,
  ) {
    const beside = (name: string) => join(root, '..', `${root.split('/').pop()}.${name}.json`);
    const files = { stampsFile: beside('stamps'), listingFile: beside('listing') };
    try {
      await test(files);
    } finally {
      for (const file of Object.values(files)) rmSync(file, { force: true });
    }
  }

  /** A build's listing, told what it kept and rendered and that the search bundles are relisted. */
  const publishing = (stampsFile: string, kept: string[], rendered: string[]) => {
    const output = new BuiltOutput();
    output.remember(stampsFile);
    output.trustKept(
      () => new Set(kept),
      () => rendered,
    );
    output.trustRelisted((key) => key.startsWith('en/search/pagefind/'));
    return output;
  };

  it('keeps its listing for the next build, which lists a publish as a walk does', async () => {
    mkdirSync(join(root, 'en', 'kept'), { recursive: true });
    writeFileSync(join(root, 'en', 'kept', 'index.html'), '<title>Kept</title>');
    await withRemembered(async ({ stampsFile, listingFile }) => {
      const first = new BuiltOutput();
      first.remember(stampsFile);
      first.files(root);
      // The sitemap parts are written after the listing, at the root.
      writeFileSync(join(root, 'sitemap-0.xml'), '<urlset/>');
      first.refresh(root, (name) => name.startsWith('sitemap-'));
      await first.save(listingFile);
      expect(readListing(readFileSync(stampsFile, 'utf8'))).toEqual(listStamps(root));

      // The publish: the front rendered again, a new story beside the kept
      // one, a new image from the bundler, a pruned one.
      writeFileSync(join(root, 'en', 'index.html'), '<title>Front, later</title>');
      mkdirSync(join(root, 'en', 'story'));
      writeFileSync(join(root, 'en', 'story', 'index.html'), '<title>Story</title>');
      writeFileSync(join(root, '_astro', 'new.Xy98Zw76.jpg'), 'new jpeg');
      rmSync(join(root, '_astro', 'unused.Ab12Cd34.jpg'));
      const next = publishing(
        stampsFile,
        ['en/kept/index.html'],
        ['en/index.html', 'en/story/index.html'],
      );
      expect(next.files(root)).toEqual(listStamps(root));
      expect(next.files(root).get('en/story/index.html')?.size).toBe('<title>Story</title>'.length);
    });
  });

  it('takes kept pages and relisted files as the previous listing had them, and reads every other file', async () => {
    const bundle = join(root, 'en', 'search', 'pagefind', '2025');
    mkdirSync(bundle, { recursive: true });
    writeFileSync(join(bundle, 'a.pf_fragment'), 'a');
    await withRemembered(async ({ stampsFile, listingFile }) => {
      const first = new BuiltOutput();
      first.remember(stampsFile);
      const before = new Map(first.files(root));
      await first.save(listingFile);
      // Hand-made changes the next build is told nobody made: a kept page
      // and a bundle's file are taken as the listing had them (README:
      // --force repairs such a folder); a file of the bundler is read.
      writeFileSync(join(root, 'en', 'index.html'), '<title>Changed by hand, longer</title>');
      writeFileSync(join(bundle, 'a.pf_fragment'), 'a, by hand, longer');
      writeFileSync(join(root, '_astro', 'unused.Ab12Cd34.jpg'), 'rewritten by the bundler');
      // A new file in the bundle's folder: read.
      writeFileSync(join(bundle, 'b.pf_fragment'), 'b');
      const next = publishing(stampsFile, ['en/index.html'], []);
      const files = next.files(root);
      expect(files.get('en/index.html')).toEqual(before.get('en/index.html'));
      expect(files.get('en/search/pagefind/2025/a.pf_fragment')).toEqual(
        before.get('en/search/pagefind/2025/a.pf_fragment'),
      );
      expect(files.get('_astro/unused.Ab12Cd34.jpg')?.size).toBe('rewritten by the bundler'.length);
      expect(files.get('en/search/pagefind/2025/b.pf_fragment')?.size).toBe(1);
      // Without the word of the build, all is read.
      const unsure = new BuiltOutput();
      unsure.remember(stampsFile);
      expect(unsure.files(root)).toEqual(listStamps(root));
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

describe('sameOutputs', () => {
  it('tells whether the route files a build wrote or kept are those of the previous build', () => {
    const now = new Set(['en/index.html', 'og/story.jpg']);
    const same = (previous: string[]) => sameOutputs(previous, vanishedOutputs(previous, now), now);
    expect(same(['og/story.jpg', 'en/index.html'])).toBe(true);
    // A story added, a story gone, one gone and one added.
    expect(same(['en/index.html'])).toBe(false);
    expect(same(['en/index.html', 'og/story.jpg', 'og/gone.jpg'])).toBe(false);
    expect(same(['en/index.html', 'og/gone.jpg'])).toBe(false);
  });
});

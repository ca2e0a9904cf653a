import { fork, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { whenContentSynced } from './pages-gate';
import { SITE, type Lang } from '../site';
import {
  newestBundleFirst,
  recordsFileBundle,
  searchBundlePath,
  searchInputsFolder,
  searchRecordsFolder,
} from '../lib/search';
import { bundlePlan, bundleStampOf, filesByBundle, type BundleState } from '../lib/search-bundle';
import { buildOrder } from '../lib/build-order';
import { isFeedArchivePath, isSocialCardPath } from '../lib/urls';
import {
  LOW_PRIORITY_ENV,
  type IndexedBundle,
  type IndexerAnswer,
  type IndexerRequest,
} from './search-indexer';
import { BUILD_ONLY_FOLDER } from '../../scripts/work-folder';
import { outputCacheFile, type BuiltOutput } from './built-files';
import { KEEP_OUTPUT_ENV } from './kept-output';
import type { Prerenderer } from './prerenderer-chain';
import type { ListedPaths } from './kept-output';
import {
  createEarlyRecords,
  setEarlyRecords,
  type EarlyRecords,
  type RecordsGuess,
} from '../lib/early-records';
import { readBody } from '../lib/body-files';
import { getBuildTime, getPageSize } from '../lib/build-time';
import {
  earlyIndexPays,
  editedStories,
  recordCount,
  speculativeBundles,
  type StoredEntry,
} from '../lib/speculative-records';
import { sourcesRead } from '../lib/trusted-stamps';
import { heldCollection } from './store-written-last';

/** Per edition, per bundle (a recent month or an older year): what was indexed into its folder. */
type State = Partial<Record<Lang, Record<string, BundleState>>>;

/**
 * The search indexer process (search-indexer.ts), one per build: hands it
 * records to index into a bundle folder and waits for its answer.
 */
class Indexer {
  private child: ChildProcess | undefined;
  private next = 0;
  private readonly waiting = new Map<
    number,
    { resolve: (result: IndexedBundle) => void; reject: (error: Error) => void }
  >();
  /** Bundles whose records were handed over while the pages were rendered, by `lang/bundle`. */
  readonly early = new Map<string, Promise<IndexedBundle>>();
  /**
   * Bundles indexed from records guessed before the pages were bundled
   * (speculative-records.ts), by `lang/bundle`, until the records route
   * hands over the same bytes (then they move to `early`).
   */
  readonly guessed = new Map<string, { bytes: Uint8Array; job: Promise<IndexedBundle> }>();
  /** What became of each guess, by `lang/bundle`: kept, or indexed again (wrong, or never confirmed). */
  readonly guesses = new Map<string, 'kept' | 'wrong'>();

  constructor(
    /** The folder of an edition's bundle. */
    private readonly folder: (lang: Lang, bundle: string) => string,
    /** Where copies of records rendered by this build wait for the indexer. */
    private readonly pending: string,
    /** Index at the lowest CPU priority (a full build, whose pages keep the cores busy). */
    private readonly lowPriority = false,
  ) {}

  /** The indexer process, started now if it is not running. */
  start(): ChildProcess {
    if (this.child) return this.child;
    const child = fork(fileURLToPath(new URL('./search-indexer.ts', import.meta.url)), [], {
      env: {
        ...process.env,
        VOZ_SEARCH_INDEXER: '1',
        [LOW_PRIORITY_ENV]: this.lowPriority ? '1' : '0',
      },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    child.on('message', (answer: IndexerAnswer) => {
      const job = this.waiting.get(answer.id);
      if (!job) return;
      this.waiting.delete(answer.id);
      if (answer.type === 'done') job.resolve(answer.result);
      else job.reject(new Error(`search index: ${answer.message}`));
    });
    child.on('exit', (code, signal) => {
      for (const job of this.waiting.values()) {
        job.reject(new Error(`search index: the indexer stopped (${signal ?? `exit ${code}`})`));
      }
      this.waiting.clear();
      this.child = undefined;
    });
    this.child = child;
    return child;
  }

  /** Indexes an edition's records file into the bundle's folder; a `copy` is deleted once read. */
  index(lang: Lang, bundle: string, file: string, copy = false): Promise<IndexedBundle> {
    const id = (this.next += 1);
    const dir = this.folder(lang, bundle);
    const request: IndexerRequest = { type: 'index', id, lang, dir, file, copy };
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.start().send(request);
    });
  }

  /**
   * Starts indexing records the build has just rendered: from a copy of
   * their file, since Astro writes the file itself after the render (the
   * indexer could otherwise read it half written). The copy is written and
   * the request sent at once, synchronously: records rendered while Astro
   * lists the paths (early-records.ts) would otherwise wait for the end of
   * that listing, which does not give the event loop a turn.
   */
  startEarly(lang: Lang, bundle: string, bytes: Uint8Array): void {
    const key = `${lang}/${bundle}`;
    const guess = this.guessed.get(key);
    this.guessed.delete(key);
    // The guess was right: its indexing, started earlier, is this bundle's.
    if (guess !== undefined && Buffer.compare(guess.bytes, bytes) === 0) {
      this.early.set(key, guess.job);
      this.guesses.set(key, 'kept');
      return;
    }
    if (guess !== undefined) this.guesses.set(key, 'wrong');
    this.early.set(key, this.indexCopy(lang, bundle, bytes, 'render'));
  }

  /** Starts indexing records guessed before the pages were bundled; kept only if the route renders the same bytes. */
  startGuess(lang: Lang, bundle: string, bytes: Uint8Array): void {
    this.guessed.set(`${lang}/${bundle}`, {
      bytes,
      job: this.indexCopy(lang, bundle, bytes, 'guess'),
    });
  }

  private indexCopy(
    lang: Lang,
    bundle: string,
    bytes: Uint8Array,
    kind: 'render' | 'guess',
  ): Promise<IndexedBundle> {
    const file = join(this.pending, `${lang}-${bundle}.${kind}.json`);
    mkdirSync(this.pending, { recursive: true });
    writeFileSync(file, bytes);
    const job = this.index(lang, bundle, file, true);
    job.catch(() => undefined); // awaited, and reported, in the build:done hook
    return job;
  }

  /** Lets the indexer finish and stop (the build would otherwise wait for it). */
  async close(): Promise<void> {
    await Promise.allSettled([
      ...this.early.values(),
      ...[...this.guessed.values()].map((guess) => guess.job),
    ]);
    const child = this.child;
    if (!child?.connected) return;
    await new Promise<void>((done) => {
      child.once('exit', () => done());
      const request: IndexerRequest = { type: 'close' };
      child.send(request);
    });
  }
}

/**
 * Astro's prerenderer with the search records rendered first and handed to
 * the indexer as soon as each is rendered, so indexing runs beside the
 * rendering of the pages instead of after it, and the archive feeds and the
 * share cards spread among the other paths (buildOrder). Everything else is
 * Astro's: the same paths, responses and metadata.
 */
export function recordsFirstPrerenderer(
  base: Prerenderer,
  indexer: Pick<Indexer, 'startEarly' | 'early'>,
): Prerenderer {
  // The records files are rendered one at a time: Astro renders four paths
  // at once, and four records files of a year (13 MB of JSON each at 10,000
  // stories, with their strings and buffers several times that) at once
  // raised the resident size of a cold build by 300 MB for good.
  let turn: Promise<unknown> = Promise.resolve();
  const records = async (
    request: Request,
    options: Parameters<Prerenderer['render']>[1],
    target: { lang: Lang; bundle: string },
  ) => {
    const result = await base.render(request, options);
    const response = result instanceof Response ? result : result.response;
    if (!response.ok) return result;
    const bytes = new Uint8Array(await response.arrayBuffer());
    indexer.startEarly(target.lang, target.bundle, bytes);
    const copy = new Response(bytes, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
    return result instanceof Response ? copy : { ...result, response: copy };
  };
  return {
    name: 'search-index',
    setup: async () => base.setup?.(),
    getStaticPaths: async () =>
      buildOrder(await base.getStaticPaths(), {
        first: (path) => recordsFileBundle(path.pathname) !== undefined,
        spread: [
          (path) => isFeedArchivePath(path.pathname),
          (path) => isSocialCardPath(path.pathname),
        ],
      }),
    render: (request, options) => {
      const target = recordsFileBundle(new URL(request.url).pathname);
      if (target === undefined) return base.render(request, options);
      // Rendered and handed over while the paths were listed (early-records.ts).
      if (indexer.early.has(`${target.lang}/${target.bundle}`))
        return base.render(request, options);
      const rendered = turn.then(() => records(request, options, target));
      turn = rendered.catch(() => undefined);
      return rendered;
    },
    teardown: async () => base.teardown?.(),
    ...(base.collectStaticImages
      ? { collectStaticImages: base.collectStaticImages.bind(base) }
      : {}),
  };
}

/**
 * Each edition's Pagefind bundles, one per recent month and per older
 * year (`/es/buscar/pagefind/2026-11/`, `/es/buscar/pagefind/2025/`:
 * searchBundleKey in src/lib/search.ts), made from the records the
 * search records route writes, one file per edition and bundle
 * (src/pages/build-only/search-records/[lang]/[bundle].json.ts), never
 * from the built pages. Those files stay in the work folder's build-only
 * folder, which is never published; an incremental build writes only the
 * files of bundles whose stories changed. A bundle whose records file and
 * folder are as the previous build left them (same size and time) is not
 * read or indexed again (bundlePlan), so a publish re-indexes only the
 * bundle of the story it changed; a bundle's folder is brought to its new
 * files one by one (writeBundle), so unchanged files keep their times and
 * the live update skips them; folders of bundles with no story left, and
 * anything else in the edition's folder, are deleted.
 *
 * The build renders the records before any page (recordsFirstPrerenderer)
 * and hands each file, as soon as it is rendered, to the indexer process
 * (search-indexer.ts), which indexes on the time the pages leave idle
 * (at the lowest CPU priority in a full build) and writes the bundle's
 * folder; the
 * `astro:build:done` hook waits for what is left, indexes any bundle whose
 * folder is not as the last build left it, and keeps the state.
 *
 * Goes after the hooks that read the listing of the output (the sitemap,
 * the image pruning), so Pagefind has their time too, and lists its
 * editions' folders again in `output`, the listing scripts/build.mjs
 * publishes from.
 */
export function searchIndex(output: BuiltOutput, listed?: ListedPaths): AstroIntegration {
  let root = '';
  let stateFile = '';
  const folder = (lang: Lang, bundle: string) => join(root, searchBundlePath(lang, bundle));
  let pending = '';
  let current: Indexer | undefined;
  let early: EarlyRecords | undefined;
  return {
    name: 'search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.outDir);
        stateFile = outputCacheFile(config, 'search-index');
        // Only the indexer writes the bundles' folders, and every folder it
        // writes is listed again below (relist): the listing need not read
        // the times of the others' files again.
        const bundleFolders = SITE.langs.map((lang) => searchBundlePath(lang).replace(/^\/+/, ''));
        output.trustRelisted((key) => bundleFolders.some((prefix) => key.startsWith(prefix)));
        pending = join(dirname(stateFile), 'search-records-pending');
      },
      'astro:build:start': ({ setPrerenderer }) => {
        // A build into an empty work folder (cold, forced, or after a code
        // change) renders every page, and the indexer must not slow it.
        const full = SITE.langs.every((lang) => !existsSync(join(root, searchRecordsFolder(lang))));
        const indexer = new Indexer(folder, pending, full);
        current = indexer;
        // Node and Pagefind's module load while Astro syncs and bundles.
        indexer.start();
        setPrerenderer((base) => recordsFirstPrerenderer(base, indexer));
        // Into the kept work folder, a changed bundle's records are handed
        // over as soon as the records route lists its paths (early-records.ts).
        const previous = listed?.previousKeys();
        const guesses = new Map<string, RecordsGuess>();
        early =
          previous === undefined
            ? undefined
            : createEarlyRecords(
                recordsKeysByBundle(previous),
                (lang, bundle, bytes) => {
                  indexer.startEarly(lang, bundle, bytes);
                },
                guesses,
              );
        setEarlyRecords(early);
        // An edited story's bundle is guessed now, before the pages are
        // bundled: its kept records with the story's record made again
        // (speculative-records.ts). Where it pays, Pagefind starts on it at
        // once; the route takes the guess when the bundle's inputs confirm
        // it, and the indexer keeps an early start only for the same bytes.
        // (In a build gated at the pages, after its gate: pages-gate.ts.)
        if (previous !== undefined && !full) {
          whenContentSynced(() => guessEditedBundles(root, indexer, guesses));
        }
      },
      'astro:build:done': async ({ logger }) => {
        setEarlyRecords(undefined);
        const indexer = current ?? new Indexer(folder, pending);
        const before = await readState(stateFile);
        // Guesses the records route did not confirm (it rendered no records
        // for their bundle, or other ones): once their indexing is done,
        // their folders are as a wrong guess left them, and are indexed
        // again from the kept records (bundlePlan keeps no bundle it has no
        // state for).
        const unconfirmed = [...indexer.guessed];
        indexer.guessed.clear();
        await Promise.allSettled(unconfirmed.map(([, guess]) => guess.job));
        for (const [key] of unconfirmed) {
          indexer.guesses.set(key, 'wrong');
          const [lang, bundle] = key.split('/') as [Lang, string];
          delete before[lang]?.[bundle];
          output.relist(root, searchBundlePath(lang, bundle).replace(/^\/+/, ''));
        }
        const after: State = {};
        const edition = async (lang: Lang): Promise<void> => {
          const started = performance.now();
          const recordsDir = join(root, searchRecordsFolder(lang));
          const base = join(root, searchBundlePath(lang));
          // The bundles' folders as the listing of the output has them: at
          // 50,000 articles they hold 53,000 files, and reading their sizes
          // again took 0.2 s of every publish. A bundle's folder changes
          // only when the indexer writes it, and it is listed again then.
          const bundles = searchBundlePath(lang).replace(/^\/+/, '');
          const bundleFiles = filesByBundle(output.files(root), bundles);
          // The bundles the catalogue has stories in: the files the route
          // wrote or kept (the kept-output integration deleted the others).
          const keys = keptRecordsBundles(recordsDir).sort(newestBundleFirst);
          const now = keys.map((key) => ({
            key,
            records: fileStamp(join(recordsDir, `${key}.json`)),
            bundle: bundleStampOf(bundleFiles.get(key) ?? []),
          }));
          const folders = (await readdir(base).catch(() => [])).map(String);
          const plan = bundlePlan(before[lang] ?? {}, now, folders);
          for (const name of plan.remove)
            await rm(join(base, name), { recursive: true, force: true });
          // Rare (a month leaving the recent ones): the edition's folder is listed again.
          if (plan.remove.length > 0) output.relist(root, bundles);
          const state: Record<string, BundleState> = {};
          let written = 0;
          let removed = 0;
          let stories = 0;
          let indexing = 0;
          // The indexer takes bundles one at a time, in the order asked.
          for (const { key, records: stamp } of now) {
            const previous = before[lang]?.[key];
            if (previous && plan.keep.includes(key)) {
              state[key] = previous;
              stories += previous.stories;
              continue;
            }
            // Records this build rendered were indexed while the pages were;
            // a file an earlier build left (its bundle folder since changed,
            // or the state lost) is read and indexed now.
            const indexed = await (indexer.early.get(`${lang}/${key}`) ??
              indexer.index(lang, key, join(recordsDir, `${key}.json`)));
            written += indexed.written;
            removed += indexed.removed;
            stories += indexed.stories;
            indexing += indexed.seconds;
            state[key] = {
              records: stamp,
              // The folder as the indexer left it, listed again for the
              // listing of the output too.
              bundle: bundleStampOf(output.relist(root, `${bundles}${key}/`)),
              files: indexed.files,
              bytes: indexed.bytes,
              stories: indexed.stories,
            };
          }
          after[lang] = state;
          const files = Object.values(state).reduce((sum, one) => sum + one.files, 0);
          const bytes = Object.values(state).reduce((sum, one) => sum + one.bytes, 0);
          const waited = (performance.now() - started) / 1000;
          // bench/search.mjs (searchFromLog) reads this line: "in … s" is
          // Pagefind's time, most of it spent while the pages were rendered.
          logger.info(
            `search index ${lang}: ${stories} stories in ${indexing.toFixed(2)} s, ` +
              `${files} files, ${bytes} bytes; ${written} written, ${removed} removed; ` +
              `${keys.length} bundles, indexed ${plan.index.join(' ') || 'none'}` +
              (plan.remove.length > 0 ? `, deleted ${plan.remove.join(' ')}` : '') +
              (plan.index.length === 0 ? ' (unchanged: not indexed again)' : '') +
              guessNote(lang) +
              `; ${waited.toFixed(2)} s after the pages`,
          );
        };
        const taken = early?.taken ?? new Set<string>();
        const guessNote = (lang: Lang) => {
          const mine = [...indexer.guesses].filter(([key]) => key.startsWith(`${lang}/`));
          const kept = mine.filter(([, outcome]) => outcome === 'kept').length;
          const dropped = mine.length - kept;
          const confirmed = [...taken].filter((key) => key.startsWith(`${lang}/`)).length;
          const notes = [
            ...(kept > 0 ? [`${kept} started before the pages were bundled`] : []),
            ...(confirmed > 0 ? [`${confirmed} guessed and confirmed by its inputs`] : []),
            ...(dropped > 0 ? [`${dropped} guessed wrong and indexed again`] : []),
          ];
          return notes.length === 0 ? '' : ` (${notes.join(', ')})`;
        };
        try {
          await Promise.all(SITE.langs.map(edition));
        } finally {
          await indexer.close();
        }
        await mkdir(dirname(stateFile), { recursive: true });
        await writeFile(stateFile, JSON.stringify(after));
        // A plain `astro build` (not scripts/build.mjs) publishes its output
        // folder as it is: the records must not stay in it.
        if (process.env[KEEP_OUTPUT_ENV] !== '1') {
          await rm(join(root, BUILD_ONLY_FOLDER), { recursive: true, force: true });
        }
      },
    },
  };
}

/**
 * Starts indexing the bundles of the stories whose source file changed,
 * from the kept records files with those stories' records made again
 * (speculative-records.ts). Reads the content layer's store as this build
 * holds it, and the files the articles' loader read (trusted-stamps.ts).
 * A guess that cannot be made is not made: nothing here may fail a build.
 */
function guessEditedBundles(
  root: string,
  indexer: Indexer,
  guessed: Map<string, RecordsGuess>,
): void {
  try {
    const changed = new Set(sourcesRead('articles') ?? []);
    const articles = heldCollection('articles');
    const authors = heldCollection('authors');
    const sections = heldCollection('sections');
    if (changed.size === 0 || !articles || !authors || !sections) return;
    const edited = [...articles.values()].filter((entry) =>
      changed.has((entry as StoredEntry<'articles'>).filePath ?? ''),
    ) as StoredEntry<'articles'>[];
    if (edited.length === 0) return;
    const stories = editedStories({
      articles: edited,
      authors: [...authors.values()] as StoredEntry<'authors'>[],
      sections: [...sections.values()] as StoredEntry<'sections'>[],
      settings: { langs: SITE.langs, pageSize: getPageSize(SITE.pageSize), now: getBuildTime() },
      body: (entry) => readBody(entry as Parameters<typeof readBody>[0]),
    });
    const folderOf = (lang: Lang) => join(root, searchRecordsFolder(lang));
    const guesses = speculativeBundles(
      stories,
      (lang) => keptRecordsBundles(folderOf(lang)),
      (lang, bundle) => readFileSync(join(folderOf(lang), `${bundle}.json`)),
      (lang, bundle) => {
        try {
          return readFileSync(join(root, searchInputsFolder(lang), `${bundle}.json`), 'utf8');
        } catch {
          return undefined;
        }
      },
    );
    for (const guess of guesses) {
      if (guess.inputs !== undefined) {
        guessed.set(`${guess.lang}/${guess.bundle}`, { inputs: guess.inputs, bytes: guess.bytes });
      }
      // Started early only where the re-index would end after the pages:
      // Pagefind slows the bundle and the paths.
      if (earlyIndexPays(recordCount(guess.bytes), articles.size)) {
        indexer.startGuess(guess.lang, guess.bundle, guess.bytes);
      }
    }
  } catch {
    // No guess: the records route hands the bundle over as before.
  }
}

/** The bundles an edition's records folder holds files for (`2025-h1` for `2025-h1.json`); none when it is missing. */
function keptRecordsBundles(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((name) => name.endsWith('.json'))
      .map((name) => name.slice(0, -'.json'.length));
  } catch {
    return [];
  }
}

/** The keys of the records files among a kept folder's path keys, by `lang/bundle`. */
export function recordsKeysByBundle(keys: ReadonlyMap<string, string>): Map<string, string> {
  const byBundle = new Map<string, string>();
  for (const [pathname, key] of keys) {
    const target = recordsFileBundle(pathname);
    if (target !== undefined) byBundle.set(`${target.lang}/${target.bundle}`, key);
  }
  return byBundle;
}

/** A file's size and modification time, or '' when there is none. */
function fileStamp(file: string): string {
  try {
    const { size, mtimeMs } = statSync(file);
    return `${size}:${mtimeMs}`;
  } catch {
    return '';
  }
}

async function readState(file: string): Promise<State> {
  try {
    const state: unknown = JSON.parse(await readFile(file, 'utf8'));
    return typeof state === 'object' && state !== null ? (state as State) : {};
  } catch {
    return {};
  }
}

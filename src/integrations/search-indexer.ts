/**
 * The search index's worker: a Node process of its own, started by the
 * search-index integration (search-index.ts), that indexes an edition's
 * records with Pagefind and writes the bundle's folder. In a full build it
 * runs at the lowest CPU priority, and so does the Pagefind process it
 * starts, so the indexing takes only the time the page rendering leaves
 * idle; in an incremental one, where the pages leave a core free, at the
 * usual priority, so other work on the machine does not starve it. The
 * records, Pagefind's messages and the bundles it returns live in this
 * process's memory, not in the build's, which is at its largest while the
 * pages are rendered.
 *
 * Messages (Node's IPC): it is sent `{ type: 'index', id, lang, dir, file,
 * copy }` (the records file, read when its turn comes, so the build never
 * holds records waiting for the indexer) and `{ type: 'close' }`; it answers `{ type: 'done', id, result }` or
 * `{ type: 'failed', id, message }`. Bundles are indexed one at a time, in
 * the order sent, whatever their edition: Pagefind holds the index it is
 * making in memory, and two editions' years at once (10,000 articles) took
 * its largest process from 255 to 347 MB, and longer, than one after the
 * other.
 *
 * Plain TypeScript that Node runs as it is (types stripped): it is started
 * straight from its file, outside Vite.
 */
import { readFile, rm } from 'node:fs/promises';
import { constants, setPriority } from 'node:os';
import { performance } from 'node:perf_hooks';
import { closeIndexer, indexRecords, writeBundle, type IndexRecord } from '../lib/search-bundle.ts';

/** What indexing one bundle did. */
export interface IndexedBundle {
  stories: number;
  /** Pagefind's time on it. */
  seconds: number;
  files: number;
  bytes: number;
  written: number;
  removed: number;
}

export type IndexerRequest =
  | {
      type: 'index';
      id: number;
      lang: string;
      /** The bundle's folder. */
      dir: string;
      /** The records file, read when the bundle's turn comes. */
      file: string;
      /** Whether the file is a copy made for the indexer, to delete once read. */
      copy: boolean;
    }
  | { type: 'close' };

export type IndexerAnswer =
  | { type: 'done'; id: number; result: IndexedBundle }
  | { type: 'failed'; id: number; message: string };

/** Indexes an edition's records (JSON bytes) and brings the bundle folder `dir` to the result. */
export async function indexInto(
  dir: string,
  bytes: Uint8Array,
  lang: string,
): Promise<IndexedBundle> {
  const started = performance.now();
  const list = JSON.parse(new TextDecoder().decode(bytes)) as IndexRecord[];
  const files = await indexRecords(list, lang);
  const seconds = (performance.now() - started) / 1000;
  const done = await writeBundle(dir, files);
  return {
    stories: list.length,
    seconds,
    files: files.length,
    bytes: done.bytes,
    written: done.written,
    removed: done.removed,
  };
}

/**
 * Waits (up to 2 s) until Pagefind's process, which closeIndexer signals to
 * stop, has ended and been reaped by this one: its CPU time then counts in
 * the build's (GNU time, the bench), and no orphan is left behind. Reads
 * Linux's list of this process's children; elsewhere waits a moment.
 */
async function pagefindEnded(): Promise<void> {
  const list = `/proc/${process.pid}/task/${process.pid}/children`;
  for (let waited = 0; waited < 2000; waited += 20) {
    const children = await readFile(list, 'utf8').catch(() => undefined);
    if (children !== undefined && children.trim() === '') return;
    await new Promise((done) => setTimeout(done, 20));
    if (children === undefined && waited >= 100) return;
  }
}

/** Set by the search-index integration to '1' when the indexer should yield the CPU to the pages. */
export const LOW_PRIORITY_ENV = 'VOZ_SEARCH_INDEXER_LOW';

function serve(): void {
  if (process.env[LOW_PRIORITY_ENV] === '1') {
    try {
      // This thread's priority; Pagefind's process, started from it, inherits it.
      setPriority(constants.priority.PRIORITY_LOW);
    } catch {
      // Not allowed here: index at the usual priority.
    }
  }
  let tail: Promise<unknown> = Promise.resolve();
  const answer = (message: IndexerAnswer) => process.send?.(message);
  process.on('message', (message: IndexerRequest) => {
    if (message.type === 'close') {
      void tail
        .then(() => closeIndexer())
        .then(() => pagefindEnded())
        .finally(() => process.disconnect());
      return;
    }
    const { id, lang, dir, file, copy } = message;
    const job = tail.then(async () => {
      const bytes = await readFile(file);
      if (copy) await rm(file, { force: true });
      return indexInto(dir, bytes, lang);
    });
    tail = job.then(
      (result) => answer({ type: 'done', id, result }),
      (error: unknown) =>
        answer({
          type: 'failed',
          id,
          message: error instanceof Error ? error.message : String(error),
        }),
    );
  });
  // The build ended without closing us (it failed): stop with it.
  process.on('disconnect', () => {
    void closeIndexer().finally(() => process.exit(0));
  });
}

if (process.send !== undefined && process.env['VOZ_SEARCH_INDEXER'] === '1') serve();

/**
 * RFC 5005 ("Feed Paging and Archiving", section 4: archived feeds) for the
 * edition feeds: the current feed holds the newest stories and links with
 * `prev-archive` to the newest archive document; each archive document holds
 * a run of older stories and links to its neighbours, so a reader can page
 * back through the whole history of an edition.
 *
 * RFC 5005 §4: archive documents "SHOULD NOT change". Where a document ends
 * is therefore decided by its stories alone, not by how many came before
 * them (content-defined chunking, as rsync and backup tools cut files):
 *
 * - a document ends after a story whose permalink hashes to a "boundary"
 *   (one story in `ceil(size / 2)`), or once it holds `size` stories;
 * - only complete documents are published: the stories after the last end
 *   are fewer than `size`, and all in the current feed, which carries `size`;
 *   so is a document whose oldest story is among those `size`, which is
 *   published once that story leaves the feed (it would only repeat it);
 * - a document is named after its oldest story (`2025-09-07-slug`), not
 *   numbered, so a document that appears or goes away renames no other.
 *
 * So a new story changes no archive document (the newest one gains its
 * `next-archive` link when the next one is published), and an unpublished
 * or back-dated story changes only the documents from its own to the next
 * boundary after it and their neighbours' links (and may hold back the
 * newest document, whose oldest story it brings into the current feed): with documents numbered
 * by a count from the oldest, an old story taken down shifted every newer
 * document by one (237 of them at 10,000 articles, in every publish).
 */

/** One archive document: its name, its stories, newest first, and its neighbours' names. */
export interface ArchivePage<T> {
  name: string;
  items: T[];
  /** The name of the next older document, if any (`prev-archive`). */
  prev: string | undefined;
  /** The name of the next newer document, if any (`next-archive`). */
  next: string | undefined;
}

/** The archive of a list of stories and the link from the current feed. */
export interface FeedArchive<T> {
  /** Oldest first. */
  pages: ArchivePage<T>[];
  /** The newest archive document, which the current feed names as `prev-archive`. */
  newest: string | undefined;
}

/** FNV-1a, 32 bits: a fast hash that is the same on every machine and in every build. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** Whether a document of at most `size` stories ends after the story with this key. */
export function endsDocument(key: string, size: number): boolean {
  return fnv1a(key) % Math.ceil(size / 2) === 0;
}

/**
 * Splits stories (newest first, as the catalogue lists them) into complete
 * archive documents of at most `size` stories. `keyOf` gives a story's
 * permanent key (its permalink), which decides the boundaries; `nameOf`
 * names the document a story is the oldest of, and must differ between
 * stories.
 */
export function archiveFeed<T>(
  newestFirst: readonly T[],
  size: number,
  keyOf: (item: T) => string,
  nameOf: (item: T) => string = keyOf,
): FeedArchive<T> {
  if (!Number.isInteger(size) || size < 1) {
    throw new Error(`a feed archive document must hold a whole number of stories, not ${size}`);
  }
  const runs: T[][] = [];
  let run: T[] = [];
  for (let i = newestFirst.length - 1; i >= 0; i -= 1) {
    const item = newestFirst[i] as T;
    run.push(item);
    if (run.length === size || endsDocument(keyOf(item), size)) {
      runs.push(run);
      run = [];
    }
  }
  // `run` is left over: fewer than `size` stories, all in the current feed.
  // A complete document whose oldest story is still among the newest
  // `size` would only repeat the current feed: it is published once that
  // story leaves the feed.
  let start = 0;
  let published = 0;
  for (const items of runs) {
    if (start >= newestFirst.length - size) break;
    start += items.length;
    published += 1;
  }
  runs.length = published;
  const names = runs.map((items) => nameOf(items[0] as T));
  if (new Set(names).size !== names.length) {
    throw new Error('two feed archive documents would have the same name');
  }
  const pages = runs.map((items, index) => ({
    name: names[index] as string,
    items: items.reverse(),
    prev: names[index - 1],
    next: names[index + 1],
  }));
  return { pages, newest: names.at(-1) };
}

/**
 * An archive document's name from its oldest story's permalink
 * (`/es/2025/09/07/slug/` → `2025-09-07-slug`): the date and the slug, which
 * no other story of the edition has together.
 */
export function archiveName(permalink: string): string {
  return permalink
    .replace(/^\/+[^/]+\//, '')
    .replace(/\/+$/, '')
    .replaceAll('/', '-');
}

/**
 * Stories per feed document: `fallback` (`SITE.feedSize`) unless `FEED_SIZE`
 * overrides it, so a test build with a few stories can exercise the archive.
 */
export function getFeedSize(
  fallback: number,
  env: Record<string, string | undefined> = process.env,
): number {
  const raw = env['FEED_SIZE'];
  if (raw === undefined || raw.trim() === '') return fallback;
  const size = Number(raw);
  if (!Number.isInteger(size) || size < 1) {
    throw new Error(`FEED_SIZE="${raw}" must be a positive whole number.`);
  }
  return size;
}

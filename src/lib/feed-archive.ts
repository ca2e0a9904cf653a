/**
 * RFC 5005 ("Feed Paging and Archiving", section 4: archived feeds) for the
 * edition feeds: the current feed holds the newest stories and links with
 * `prev-archive` to the newest archive document; each archive document holds
 * a fixed number of stories and links to its neighbours, so a reader can page
 * back through the whole history of an edition.
 *
 * Archive documents are numbered from the oldest story, and only complete
 * documents are published. Adding a story therefore never changes an
 * existing archive document (RFC 5005 §4: archive documents "SHOULD NOT
 * change"), except that the newest one gains its `next-archive` link when
 * the next document fills up. The stories not yet in a complete document
 * are fewer than one document, and the current feed carries at least one
 * document's worth, so every story is in the current feed or an archive.
 */

/** One archive document: its number (1 = oldest) and its stories, newest first. */
export interface ArchivePage<T> {
  number: number;
  items: T[];
  /** The number of the next older document, if any (`prev-archive`). */
  prev: number | undefined;
  /** The number of the next newer document, if any (`next-archive`). */
  next: number | undefined;
}

/** The archive of a list of stories and the link from the current feed. */
export interface FeedArchive<T> {
  pages: ArchivePage<T>[];
  /** The newest archive document, which the current feed names as `prev-archive`. */
  newest: number | undefined;
}

/**
 * Splits stories (newest first, as the catalogue lists them) into complete
 * archive documents of `size` stories, numbered from the oldest. The
 * `size` newest-or-fewer stories not in a complete document stay only in the
 * current feed, which must carry at least `size` stories.
 */
export function archiveFeed<T>(newestFirst: readonly T[], size: number): FeedArchive<T> {
  if (!Number.isInteger(size) || size < 1) {
    throw new Error(`a feed archive document must hold a whole number of stories, not ${size}`);
  }
  const oldestFirst = [...newestFirst].reverse();
  const complete = Math.floor(oldestFirst.length / size);
  const pages = Array.from({ length: complete }, (_, index) => {
    const number = index + 1;
    return {
      number,
      items: oldestFirst.slice(index * size, number * size).reverse(),
      prev: number > 1 ? number - 1 : undefined,
      next: number < complete ? number + 1 : undefined,
    };
  });
  return { pages, newest: complete > 0 ? complete : undefined };
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

import { createHash } from 'node:crypto';
import { buildSlot } from './build-slot';
import { createRelatedFinder, type Relatable } from './related';

/**
 * Related stories kept between builds (README "Publishing"). Every build
 * lists every article page with its cache key, and each key holds the
 * article's related stories: at 50,000 articles, finding them for every
 * story was 0.9 s of each publish. They depend only on each story's id,
 * date, tags and section, which an edit to a story's body or headline
 * does not change; a publish that changed none of them in an edition
 * takes that edition's related stories as the previous build found them.
 *
 * What the finder reads of the edition is digested (`relatedInputsDigest`)
 * and stored with the lists; a memo with another digest, or none, is
 * ignored and the lists are found again and stored.
 */

/** Where the lists are kept between builds: read and written whole, per edition. */
export interface RelatedStore {
  read(lang: string): unknown;
  write(lang: string, memo: RelatedMemo): void;
}

/**
 * What is stored: the digest of the edition's inputs, and for each of its
 * stories, in the order given, the positions of its related stories in
 * that same order (the digest covers the order).
 */
export interface RelatedMemo {
  digest: string;
  related: number[][];
}

/**
 * Names how the lists are found: a memo written by another version is not
 * read. Change it with `createRelatedFinder`'s rules.
 */
const RELATED_VERSION = 'related-1';

/** A digest of what `createRelatedFinder` reads of an edition's stories, and its options. */
export function relatedInputsDigest(
  articles: readonly Relatable[],
  options: { max?: number; perKey?: number } = {},
): string {
  const rows = articles.map((article) =>
    JSON.stringify([article.id, article.publishedAt.getTime(), article.tags, article.section.id]),
  );
  return createHash('sha256')
    .update(JSON.stringify([RELATED_VERSION, options.max ?? null, options.perKey ?? null]))
    .update(rows.join('\n'))
    .digest('base64url');
}

/** The memo in `value` when it is one for `digest` and `count` stories, else undefined. */
function memoFor(value: unknown, digest: string, count: number): RelatedMemo | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const memo = value as Partial<RelatedMemo>;
  if (memo.digest !== digest || !Array.isArray(memo.related)) return undefined;
  return memo.related.length === count ? (memo as RelatedMemo) : undefined;
}

/**
 * `createRelatedFinder` for one edition, with its lists kept in `store`:
 * when the store holds lists for the same inputs, the finder gives them
 * (each back as this build's story); otherwise every story's list is found
 * now, stored, and given. Without a store, the plain finder.
 */
export function rememberedRelatedFinder<T extends Relatable>(
  articles: readonly T[],
  store: RelatedStore | undefined,
  lang: string,
  options: { max?: number; perKey?: number } = {},
): (article: T) => T[] {
  if (store === undefined) return createRelatedFinder(articles, options);
  // Made only when a list must be found: building its index is part of the cost.
  let finder: ((article: T) => T[]) | undefined;
  const find = (article: T) => (finder ??= createRelatedFinder(articles, options))(article);
  const digest = relatedInputsDigest(articles, options);
  const position = new Map(articles.map((article, at) => [article.id, at]));
  let memo: RelatedMemo | undefined;
  try {
    memo = memoFor(store.read(lang), digest, articles.length);
  } catch {
    memo = undefined;
  }
  if (memo === undefined) {
    const lists = articles.map((article) => find(article));
    try {
      store.write(lang, {
        digest,
        related: lists.map((list) => list.map((story) => position.get(story.id) as number)),
      });
    } catch {
      // Not kept: the next build finds them again.
    }
    return (article) => {
      const at = position.get(article.id);
      return at === undefined ? find(article) : (lists[at] as T[]);
    };
  }
  const { related } = memo;
  return (article) => {
    const at = position.get(article.id);
    const stored = at === undefined ? undefined : related[at];
    if (!Array.isArray(stored)) return find(article);
    const list: T[] = [];
    for (const other of stored) {
      const story = typeof other === 'number' ? articles[other] : undefined;
      // The inputs matched, so every position is a story of the edition;
      // a memo that says otherwise is not trusted for this story.
      if (story === undefined) return find(article);
      list.push(story);
    }
    return list;
  };
}

const slot = buildSlot<RelatedStore>('voz.relatedStore');

/**
 * The store a build set up (kept-output.ts, for builds into the work
 * folder scripts/build.mjs keeps), or undefined: the catalogue is made in
 * the built pages' bundle, the store in an integration (build-slot.ts).
 */
export function relatedStore(): RelatedStore | undefined {
  return slot.get();
}

/** Sets (or, with undefined, removes) the store for this build. */
export function setRelatedStore(store: RelatedStore | undefined): void {
  slot.set(store);
}

import { hash } from 'node:crypto';

/**
 * Cache keys for incremental builds (src/lib/kept-paths.ts): a build into
 * the kept work folder leaves a page as the previous build wrote it when its
 * `cacheKey` is unchanged (a code change starts the folder afresh), so a
 * key must change whenever anything the page
 * shows changes: its own data, the stories it links to, and the parts every
 * page shares (navigation, footer). The catalogue builds the keys from
 * these helpers; pages only pass them on.
 */

/**
 * A short, stable digest of JSON-able data (Dates as ISO strings). Node's
 * one-shot `hash` gives the bytes `createHash` does, in about half the
 * time for inputs this short: a publish at 10,000 articles makes some
 * 40,000 of them (every page's key).
 */
export function digest(value: unknown): string {
  return hash('sha256', JSON.stringify(value), 'base64url').slice(0, 24);
}

/** What a shared object is written as inside a story's digest: its own digest. */
export interface SharedDigest {
  shared: string;
}

/**
 * A digest per story, made once per build: everything a page can show of it
 * (headline, dek, dates, authors, section, hero, translations). What is
 * digested is `inputsOf(story, shared)`, the story itself unless told
 * otherwise: the catalogue passes the digest of the story's source file in
 * place of everything that file states (frontmatter and body alike), with
 * what the file does not state beside it. Objects that many stories share
 * (an author with a biography in each edition) are written into each
 * story's inputs as `shared(object)`, their own digest, computed once: the
 * same key, for a fraction of the text hashed. (Found by a replacer in
 * JSON.stringify until session 35, which took twice as long: a call into
 * JavaScript for every value of every story.)
 */
export function createStoryDigest<T extends object>(
  inputsOf: (story: T, shared: (value: object) => SharedDigest) => unknown = (story) => story,
): (story: T) => string {
  const sharedMemo = new WeakMap<object, SharedDigest>();
  const shared = (value: object): SharedDigest => {
    let known = sharedMemo.get(value);
    if (known === undefined) {
      known = { shared: digest(value) };
      sharedMemo.set(value, known);
    }
    return known;
  };
  const memo = new WeakMap<T, string>();
  return (story) => {
    let value = memo.get(story);
    if (value === undefined) {
      value = hash('sha256', JSON.stringify(inputsOf(story, shared)), 'base64url').slice(0, 24);
      memo.set(story, value);
    }
    return value;
  };
}

/**
 * The cache key of a feed file: the stories it carries (its newest `size`,
 * keyed as pages show them by `storiesKey`), whatever else it shows
 * (`parts`: its title, page, archive link), and for a feed with no story
 * the build time `now`, its channel date. An incremental build rewrites a
 * feed only when one of them changed: a publish in one section leaves the
 * other sections' and the other edition's feeds alone.
 */
export function feedCacheKey<T>(
  storiesKey: (stories: readonly T[]) => string,
  parts: readonly unknown[],
  stories: readonly T[],
  { size, now }: { size: number; now: Date },
): string {
  const items = stories.slice(0, size);
  return digest([storiesKey(items), parts, items.length === 0 ? now.toISOString() : null]);
}

import type { CollectionEntry } from 'astro:content';
import type { Lang } from '../site';
import { createCatalogue } from './catalogue';
import { articleRecord, authorRecord, sectionRecord } from './catalogue-input';
import type { CatalogueSettings, SearchInputs } from './catalogue-types';
import { zonedDateParts } from './dates';
import { plainText, searchRecord, type SearchRecord } from './search';

/**
 * Search records guessed before the pages are bundled (README
 * "Publishing").
 *
 * An edit to an archive story re-indexes its search bundle (a year's or
 * half a year's stories of its edition): about 3 s of Pagefind at 10,000
 * articles, which began only once Vite had bundled the pages and the
 * records route had made the catalogue (1.5 s after the content was
 * synced), and which the publish then waited for. The records of the
 * bundle are known long before that: the previous build's file, with the
 * edited story's record made again. So as soon as the content is synced,
 * the search index takes the stories whose source file changed, makes each
 * one's record from a catalogue of that story alone (its section, its
 * authors), puts it in place of the old one in its bundle's kept records
 * file, and starts Pagefind on the result.
 *
 * It is a guess, and checked: the records route still makes every changed
 * bundle's records from the whole catalogue, and the indexing started early
 * is kept only when those are the same bytes; otherwise the bundle is
 * indexed again from the route's records, as before. A story that is new,
 * moved to another bundle, unpublished or linked to a translation makes no
 * guess (it is not found, or its catalogue of one fails), and costs nothing
 * more than the lookup.
 */

/** A content entry as the content layer's store holds it. */
export type StoredEntry<C extends 'articles' | 'authors' | 'sections'> = Pick<
  CollectionEntry<C>,
  'id' | 'data' | 'filePath'
> & { digest?: string | number | undefined };

/** An edited story as its bundle's records file holds it. */
export interface EditedStory {
  lang: Lang;
  /** Its URL: the `url` of its record. */
  path: string;
  /** The year it was published in, in the newsroom's time zone: its bundle's key starts with it. */
  year: string;
  /** Its record in the bundle `bundle`. */
  record(bundle: string): SearchRecord;
  /** Its `[url, digest]` among its bundle's search inputs (`cacheKeys.searchInputs`). */
  inputs: [string, string];
}

/**
 * The published stories among `articles` (entries whose file changed) with
 * their records, made by the catalogue from those stories alone; empty
 * when that catalogue cannot be made (a translation whose original is not
 * among them, any content problem: the route's full catalogue decides).
 */
export function editedStories(input: {
  articles: readonly StoredEntry<'articles'>[];
  authors: readonly StoredEntry<'authors'>[];
  sections: readonly StoredEntry<'sections'>[];
  settings: Pick<CatalogueSettings, 'langs' | 'pageSize' | 'now'>;
  /** A story's body as HTML (body-files.ts, readBody). */
  body: (entry: StoredEntry<'articles'>) => string;
}): EditedStory[] {
  const entries = new Map(input.articles.map((entry) => [entry.id, entry]));
  let catalogue: ReturnType<typeof createCatalogue>;
  try {
    catalogue = createCatalogue({
      // A record shows no photo; the store holds a photo as a reference
      // that only the built pages resolve.
      articles: input.articles.map((entry) => ({ ...articleRecord(entry), hero: undefined })),
      authors: input.authors.map(authorRecord),
      sections: input.sections.map(sectionRecord),
      settings: input.settings,
    });
  } catch {
    return [];
  }
  return input.settings.langs.flatMap((lang) =>
    catalogue.published(lang).flatMap((article): EditedStory[] => {
      const entry = entries.get(article.id);
      if (entry === undefined) return [];
      let text: string | undefined;
      const [inputs] = catalogue.cacheKeys.searchInputs([article]).stories;
      if (inputs === undefined) return [];
      return [
        {
          lang,
          path: article.path,
          year: zonedDateParts(article.publishedAt).year,
          record: (bundle) =>
            searchRecord(article, (text ??= plainText(input.body(entry))), bundle),
          inputs,
        },
      ];
    }),
  );
}

/**
 * A bundle's records file as the route would write it now, from the file
 * it wrote last (`previous`, UTF-8 JSON) with the records of `stories`
 * made again in place; undefined when none of them is in it, or when none
 * of their records changed.
 *
 * The route writes the file with JSON.stringify, a record's `url` first:
 * each record starts `{"url":"…",` and the next one `},{"url":`, a sequence
 * no string inside a record can hold (its quotes are escaped). A record is
 * replaced in the bytes, so the thousand others are neither decoded,
 * parsed nor written again (a 5 MB file parsed and written whole took
 * 70 ms of the main thread, ahead of the bundling).
 */
export function recordsWithEdits(
  previous: Buffer,
  bundle: string,
  stories: readonly EditedStory[],
): Buffer | undefined {
  let bytes = previous;
  let changed = false;
  for (const story of stories) {
    const start = bytes.indexOf(`{"url":${JSON.stringify(story.path)},`);
    if (start < 0) continue;
    const next = bytes.indexOf('},{"url":', start);
    const end = next < 0 ? bytes.lastIndexOf('}]') + 1 : next + 1;
    if (end <= start) continue;
    const made = Buffer.from(JSON.stringify(story.record(bundle)));
    if (made.equals(bytes.subarray(start, end))) continue;
    bytes = Buffer.concat([bytes.subarray(0, start), made, bytes.subarray(end)]);
    changed = true;
  }
  return changed ? bytes : undefined;
}

/**
 * A bundle's search inputs as the route would write them now, from the
 * file it wrote last (`previous`, the JSON of `cacheKeys.searchInputs`) with
 * the digests of `stories` made again in place; undefined when that file
 * is not such a list or holds none of them. The records route makes the
 * same list from the whole catalogue: when it is equal, so are the records
 * (what a record holds is what its digest is made of, as for the bundle's
 * cache key), and the guessed bytes are the bundle's without its thousand
 * records being made again.
 */
export function inputsWithEdits(
  previous: string,
  stories: readonly EditedStory[],
): string | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(previous);
  } catch {
    return undefined;
  }
  if (!isSearchInputs(parsed)) return undefined;
  const edited = new Map(stories.map((story) => [story.path, story.inputs]));
  let found = false;
  const list = parsed.stories.map((pair): [string, string] => {
    const made = edited.get(pair[0]);
    if (made === undefined) return pair;
    found = true;
    return made;
  });
  return found ? JSON.stringify({ shared: parsed.shared, stories: list }) : undefined;
}

function isSearchInputs(value: unknown): value is SearchInputs {
  if (typeof value !== 'object' || value === null) return false;
  const { shared, stories } = value as Partial<SearchInputs>;
  return (
    typeof shared === 'string' &&
    Array.isArray(stories) &&
    stories.every(
      (pair) =>
        Array.isArray(pair) &&
        pair.length === 2 &&
        typeof pair[0] === 'string' &&
        typeof pair[1] === 'string',
    )
  );
}

/**
 * How much longer Pagefind takes over a story of the bundle it indexes
 * than the rest of a publish takes over a story of the archive, once the
 * records route has handed the bundle over: about 3 ms a story for
 * Pagefind beside the pages (1,013 stories in 3.0 s at 10,000 articles),
 * about 0.25 ms a story of the archive for the paths, pages and hooks
 * left (2.6 s at 10,000 articles, 12 s at 50,000).
 */
export const INDEX_TO_PUBLISH = 12;

/**
 * Whether starting a bundle's re-index before the pages are bundled saves
 * time: only when the re-index would otherwise end after the publish's
 * pages and hooks (a bundle of more than a twelfth of the archive's
 * stories). Started early, Pagefind shares the cores with Vite's bundle
 * and the listing of the paths and slows them: at 50,000 articles, where a
 * two-month bundle of 1,500 stories always ended in time, an early start
 * made six edits 0.9 s slower on average; at 10,000 (1,013 of 10,000) it
 * made them 0.3 s (watched) to 1.3 s (`npm run build`) faster.
 */
export function earlyIndexPays(bundleStories: number, archiveStories: number): boolean {
  return bundleStories * INDEX_TO_PUBLISH > archiveStories;
}

/** How many records a records file holds (each starts `{"url":`). */
export function recordCount(bytes: Buffer): number {
  let count = 0;
  for (let at = bytes.indexOf('{"url":'); at >= 0; at = bytes.indexOf('{"url":', at + 7)) {
    count += 1;
  }
  return count;
}

/** A bundle's records guessed before the pages were bundled, and the inputs the route must find to take them. */
export interface GuessedBundle {
  lang: Lang;
  bundle: string;
  bytes: Buffer;
  /** `inputsWithEdits` of the bundle's kept inputs file; undefined when it has none. */
  inputs: string | undefined;
}

/**
 * The bundles whose records can be guessed: for each edited story, the
 * kept records file of its edition whose bundle starts with its year and
 * which holds its URL, with its record made again, and the bundle's kept
 * inputs with its digest made again. `bundles(lang)` lists an edition's
 * kept records files by bundle key; `read(lang, bundle)` reads one, and
 * `inputs(lang, bundle)` its inputs file (undefined when missing).
 */
export function speculativeBundles(
  stories: readonly EditedStory[],
  bundles: (lang: Lang) => readonly string[],
  read: (lang: Lang, bundle: string) => Buffer | undefined,
  inputs: (lang: Lang, bundle: string) => string | undefined = () => undefined,
): GuessedBundle[] {
  const byEdition = Map.groupBy(stories, (story) => story.lang);
  return [...byEdition].flatMap(([lang, list]) =>
    bundles(lang).flatMap((bundle) => {
      const theirs = list.filter(
        (story) => bundle === story.year || bundle.startsWith(`${story.year}-`),
      );
      if (theirs.length === 0) return [];
      const previous = read(lang, bundle);
      const bytes = previous === undefined ? undefined : recordsWithEdits(previous, bundle, theirs);
      if (bytes === undefined) return [];
      const kept = inputs(lang, bundle);
      return [
        {
          lang,
          bundle,
          bytes,
          inputs: kept === undefined ? undefined : inputsWithEdits(kept, theirs),
        },
      ];
    }),
  );
}

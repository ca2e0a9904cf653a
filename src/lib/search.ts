import { BUILD_ONLY_FOLDER } from '../../scripts/work-folder';
import { SITE, type Lang } from '../site';
import type { Article } from './catalogue-types';
import { formatShortDate, isoWithOffset, zonedDateParts } from './dates';
import { authorName, t } from './i18n';
import { kindLabel } from './article-kinds';
import { XML_ENTITIES, decodeEntities } from './entities';

/**
 * Search: what each edition's Pagefind index holds and where it lives. The
 * index is made after the build from the catalogue's published stories
 * (src/integrations/search-index.ts), one bundle per edition beside the
 * edition's search page, so a Spanish query only ever meets Spanish stories.
 */

/** The search page of an edition, `/es/buscar/`, named by the edition's dictionary. */
export function searchPagePath(lang: Lang): string {
  return `/${lang}/${t(lang).searchSlug}/`;
}

/** The route params of every edition's search page (and its records file). */
export function searchParams(): {
  params: { lang: Lang; search: string };
  props: { lang: Lang };
}[] {
  return SITE.langs.map((lang) => ({
    params: { lang, search: t(lang).searchSlug },
    props: { lang },
  }));
}

/**
 * The folder of an edition's Pagefind bundles, `/es/buscar/pagefind/`, or
 * with `bundle` that bundle's folder, `/es/buscar/pagefind/2026-11/`.
 */
export function searchBundlePath(lang: Lang, bundle?: string): string {
  return `${searchPagePath(lang)}pagefind/${bundle === undefined ? '' : `${bundle}/`}`;
}

/**
 * How many of the newest calendar months have a bundle each: the build's
 * month and the one before. Pagefind cannot add to an index, so a publish
 * indexes again every story of the bundle it touches; with the recent
 * months on their own, a new story or a correction to a recent one costs
 * a month of stories, not a year. Older stories are bundled by year, a
 * large year by parts of it (BUNDLE_STORIES).
 */
export const MONTH_BUNDLES = 2;

/**
 * The period a story published at `publishedAt` is bundled by, for a build
 * made at `now`, both in the newsroom's time zone: its month (`2026-11`)
 * when that is one of the MONTH_BUNDLES newest months, else its year
 * (`2025`), which storiesByBundle splits when it holds too many stories.
 */
export function searchBundleKey(publishedAt: Date, now: Date): string {
  const story = zonedDateParts(publishedAt);
  const current = zonedDateParts(now);
  const monthIndex = (parts: { year: string; month: string }) =>
    Number(parts.year) * 12 + Number(parts.month) - 1;
  const age = monthIndex(current) - monthIndex(story);
  return age >= 0 && age < MONTH_BUNDLES ? `${story.year}-${story.month}` : story.year;
}

/**
 * The most stories of one edition a year's bundle holds. Pagefind cannot
 * add to an index, so an edit to an old story indexes its whole bundle
 * again, at about 1 ms a story (2,009 stories in 3.7 s, 1,005 in 2 s), and
 * Pagefind's process holds about 0.3 MB a story while it writes a bundle
 * (2.9 GB for 8,500 Spanish stories). A year with more stories than this
 * is split into halves, thirds, quarters, two-month parts or, at most,
 * months (the fewest parts that each hold no more), so what a publish
 * indexes, and the memory that takes, stop growing with the archive.
 * 2,000 keeps the re-index about as long as an edit's pages take, so the
 * publish does not wait for it: a 10,000-article edit took 7.6 s instead
 * of 9.9 s with 4,000. Each bundle costs a reader's first query an entry
 * file, a metadata file and an index chunk more, fetched at once
 * (loadBundles): on a slow 4G line the first results took 4.8 s with 8
 * Spanish bundles against 4.2–4.8 s with 6, and 5.3 s with the 12 that
 * 1,000 would make (`bench/search.mjs --site`).
 */
export const BUNDLE_STORIES = 2000;

/** The ways a year is split, fewest parts first, and the letter of each part's key. */
const YEAR_PARTS = [
  { parts: 2, letter: 'h' }, // halves
  { parts: 3, letter: 't' }, // thirds, four months each
  { parts: 4, letter: 'q' }, // quarters
  { parts: 6, letter: 'b' }, // two months each
] as const;

/**
 * The key of part `n` (from 1) of a year split into `parts`: `2025-h2`,
 * `2025-t3`, `2025-q3`, `2025-b5`, or the month, `2025-07`.
 */
function yearPartKey(year: string, parts: number, n: number): string {
  const letter = YEAR_PARTS.find((split) => split.parts === parts)?.letter;
  return letter === undefined ? `${year}-${String(n).padStart(2, '0')}` : `${year}-${letter}${n}`;
}

/**
 * The first month a bundle key covers, counted from year 0: how bundles
 * sort, newest first (`2026-11` after `2026-q3` would be wrong in text
 * order).
 */
export function bundleStartMonth(key: string): number {
  const match = /^(\d{4})(?:-([htqb])?(\d{1,2}))?$/.exec(key);
  if (!match) throw new Error(`Not a search bundle key: ${key}`);
  const year = Number(match[1]) * 12;
  if (match[3] === undefined) return year;
  const n = Number(match[3]) - 1;
  const parts = YEAR_PARTS.find((split) => split.letter === match[2])?.parts ?? 12;
  return year + n * (12 / parts);
}

/**
 * Compares bundle keys newest first (`2026-11`, `2026-10`, `2026-h1`,
 * `2025`); a name that is no bundle key (a stray file beside the records)
 * sorts last.
 */
export function newestBundleFirst(a: string, b: string): number {
  const start = (key: string) => {
    try {
      return bundleStartMonth(key);
    } catch {
      return -1;
    }
  };
  return start(b) - start(a) || (a < b ? 1 : a > b ? -1 : 0);
}

/**
 * An edition's stories by bundle, newest bundle first, each bundle's
 * stories in the order given: a recent month's (searchBundleKey), an older
 * year's, or, for a year with more than `most` stories (BUNDLE_STORIES), a
 * half's, a third's, a quarter's, two months' or a month's of it. A
 * publish indexes again only the bundles whose stories changed.
 */
export function storiesByBundle<A extends Pick<Article, 'publishedAt'>>(
  articles: readonly A[],
  now: Date,
  most: number = BUNDLE_STORIES,
): [bundle: string, articles: A[]][] {
  const periods = Map.groupBy(articles, (article) => searchBundleKey(article.publishedAt, now));
  return [...periods]
    .flatMap(([key, list]): [string, A[]][] =>
      key.includes('-') || list.length <= most ? [[key, list]] : splitYear(key, list, most),
    )
    .sort(([a], [b]) => newestBundleFirst(a, b));
}

/** A year's stories in the fewest equal parts (YEAR_PARTS) that each hold at most `most`, else in months. */
function splitYear<A extends Pick<Article, 'publishedAt'>>(
  year: string,
  list: readonly A[],
  most: number,
): [string, A[]][] {
  const months = list.map((article) => Number(zonedDateParts(article.publishedAt).month));
  const split = (parts: number) =>
    Map.groupBy(list, (_, i) =>
      yearPartKey(year, parts, Math.ceil((months[i] ?? 1) / (12 / parts))),
    );
  for (const { parts } of YEAR_PARTS) {
    const byPart = split(parts);
    if ([...byPart.values()].every((part) => part.length <= most)) return [...byPart];
  }
  return [...split(12)];
}

/** The bundles of an edition's published stories, newest first (`2026-11 2026-10 2026 2025`). */
export function searchBundles(articles: readonly Article[], now: Date): string[] {
  return storiesByBundle(articles, now).map(([key]) => key);
}

/**
 * The folder where the search records route writes an edition's records,
 * one file per bundle (`build-only/search-records/es/2026-11.json`), for
 * the search-index integration to index. It lies in the build-only folder,
 * which is never published; there an incremental build leaves a bundle's
 * file untouched while its stories are, so the integration indexes again
 * only the bundles whose file was written.
 */
export function searchRecordsFolder(lang: Lang): string {
  return `${BUILD_ONLY_FOLDER}/search-records/${lang}/`;
}

/**
 * The folder where the search inputs route writes, beside each bundle's
 * records, what the records were made from, story by story
 * (`cacheKeys.searchInputs`): `build-only/search-inputs/es/2025.json`. A
 * publish's guess of an edited bundle's records (speculative-records.ts)
 * is confirmed by these, without making the bundle's records again.
 */
export function searchInputsFolder(lang: Lang): string {
  return `${BUILD_ONLY_FOLDER}/search-inputs/${lang}/`;
}

/**
 * The edition and bundle whose records a built path holds
 * (`/build-only/search-records/es/2025.json` → es, 2025), or undefined for
 * any other path.
 */
export function recordsFileBundle(pathname: string): { lang: Lang; bundle: string } | undefined {
  const path = pathname.replace(/^\/+/, '');
  for (const lang of SITE.langs) {
    const folder = searchRecordsFolder(lang);
    if (!path.startsWith(folder)) continue;
    const match = /^([\w-]+)\.json\/?$/.exec(path.slice(folder.length));
    return match?.[1] === undefined ? undefined : { lang, bundle: match[1] };
  }
  return undefined;
}

/** What a result shows, as Pagefind's `meta` (strings only). */
export interface SearchMeta {
  /** Headline. */
  title: string;
  /** Standfirst. */
  dek: string;
  /** Publication date as the edition writes it, in the newsroom's time zone. */
  date: string;
  /** The same moment as ISO 8601 with the newsroom's offset, for `<time datetime>`. */
  datetime: string;
  /** Section name in the edition's language. */
  section: string;
  /** The story's kind label ("Opinión", "En vivo"); absent for news. */
  kind?: string;
  [key: string]: string | undefined;
}

/** One story as Pagefind's `addCustomRecord` takes it. */
export interface SearchRecord {
  url: string;
  /** Headline, standfirst, body as plain text, section name and tags. */
  content: string;
  /** The edition's language code (`es`), which picks Pagefind's stemmer. */
  language: string;
  meta: SearchMeta;
  /**
   * Section and author ids, for the search page's filters, and the bundle
   * that holds the story (searchBundleKey): how the page lists the newest
   * first across bundles.
   */
  filters: { section: string[]; author: string[]; bundle: string[] };
  /** `date`: publication time, UTC ISO 8601, so that text order is time order. */
  sort: { date: string };
}

/**
 * The record of a published story in its edition's index. `bodyText` is the
 * body as plain text (plainText of the rendered body); `bundle` the key of
 * the bundle that holds it.
 */
export function searchRecord(article: Article, bodyText: string, bundle: string): SearchRecord {
  const { lang } = article;
  const meta: SearchMeta = {
    title: article.title,
    dek: article.dek,
    date: formatShortDate(article.publishedAt, lang),
    datetime: isoWithOffset(article.publishedAt),
    section: article.section.name[lang],
  };
  const label = kindLabel(article, t(lang));
  if (label) meta.kind = label.text;
  return {
    url: article.path,
    // The section's name and the tags are words a reader may look for too,
    // as they are on the article page.
    content: [article.title, article.dek, bodyText, article.section.name[lang], ...article.tags]
      .filter(Boolean)
      .join('\n'),
    language: lang,
    meta,
    filters: {
      section: [article.section.id],
      author: article.authors.map((a) => a.id),
      bundle: [bundle],
    },
    sort: { date: article.publishedAt.toISOString() },
  };
}

/** The authors a search page offers as a filter: id and the name the edition credits. */
export function authorChoices(
  articles: readonly Article[],
  lang: Lang,
): { id: string; name: string }[] {
  const names = new Map<string, string>();
  for (const article of articles) {
    for (const author of article.authors) names.set(author.id, authorName(author, lang));
  }
  const collator = new Intl.Collator(lang);
  return [...names]
    .map(([id, name]) => ({ id, name }))
    .sort((a, b) => collator.compare(a.name, b.name));
}

const ENTITIES: Readonly<Record<string, string>> = { ...XML_ENTITIES, nbsp: ' ' };

/** Elements whose text is never read: the index must not hold code or styles. */
const SKIPPED = /<(script|style|template)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;

/**
 * The text of a rendered body, for the index: tags become spaces (so words
 * of adjacent paragraphs never fuse), character references are decoded,
 * whitespace is collapsed. A regular expression rather than an HTML parser:
 * the bodies come from our own Markdown renderer, and parsing 10,000 of
 * them on every build would cost seconds.
 */
export function plainText(html: string): string {
  return decodeEntities(
    html
      .replace(SKIPPED, ' ')
      .replace(/<!--[\s\S]*?-->/g, ' ')
      .replace(/<[^>]*>/g, ' '),
    ENTITIES,
  )
    .replace(/\s+/g, ' ')
    .trim();
}

import type { SearchMeta } from './search';

/**
 * The search page's side of search, as pure functions the browser script
 * (src/components/SearchResults.ts) calls: what the address asks for, the
 * Pagefind options that answer it, and what each result shows. Imports no
 * values, so the script carries none of the site's configuration.
 */

/** The query string parameters the search page reads and its form sends. */
export const SEARCH_PARAMS = {
  query: 'q',
  section: 'section',
  author: 'author',
  order: 'order',
} as const;

/** How results are ordered: newest first (the default) or by Pagefind's relevance. */
export type SearchOrder = 'newest' | 'relevance';

/** A search as the page's address states it. */
export interface SearchRequest {
  /** The words typed, trimmed; empty when there are none. */
  query: string;
  section: string;
  author: string;
  order: SearchOrder;
}

/** The search a query string asks for: `?q=política&section=politics&order=relevance`. */
export function readSearchRequest(search: string | URLSearchParams): SearchRequest {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const value = (name: string) => (params.get(name) ?? '').trim();
  return {
    query: value(SEARCH_PARAMS.query).replace(/\s+/g, ' '),
    section: value(SEARCH_PARAMS.section),
    author: value(SEARCH_PARAMS.author),
    order: value(SEARCH_PARAMS.order) === 'relevance' ? 'relevance' : 'newest',
  };
}

/** The query string of a search, without empty or default values, for the address bar. */
export function searchQueryString(request: SearchRequest): string {
  const params = new URLSearchParams();
  if (request.query) params.set(SEARCH_PARAMS.query, request.query);
  if (request.section) params.set(SEARCH_PARAMS.section, request.section);
  if (request.author) params.set(SEARCH_PARAMS.author, request.author);
  if (request.order !== 'newest') params.set(SEARCH_PARAMS.order, request.order);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** What Pagefind's `search(term, options)` is called with; `undefined` when there is nothing to search. */
export function pagefindSearch(
  request: SearchRequest,
):
  | { term: string | null; options: { filters: Record<string, string>; sort?: { date: 'desc' } } }
  | undefined {
  const filters: Record<string, string> = {};
  if (request.section) filters['section'] = request.section;
  if (request.author) filters['author'] = request.author;
  // Filters alone list every story they keep (Pagefind's null term).
  if (!request.query && Object.keys(filters).length === 0) return undefined;
  return {
    term: request.query || null,
    options: {
      filters,
      ...(request.order === 'newest' || !request.query ? { sort: { date: 'desc' as const } } : {}),
    },
  };
}

/** One result as the page lists it. */
export interface ResultView {
  url: string;
  headline: string;
  standfirst: string;
  date: string;
  datetime: string;
  section: string;
  /** The story's kind label, when the index has one (see SearchMeta.kind). */
  kind: string | undefined;
}

/** The parts of a Pagefind result the page shows, from the meta the index stored (SearchMeta). */
export function resultView(data: { url: string; meta: Partial<SearchMeta> }): ResultView {
  const { meta } = data;
  return {
    url: data.url,
    headline: meta.title ?? '',
    standfirst: meta.dek ?? '',
    date: meta.date ?? '',
    datetime: meta.datetime ?? '',
    section: meta.section ?? '',
    kind: meta.kind || undefined,
  };
}

/** The part of Pagefind's browser API (pagefind.js, version 1) that loading bundles uses. */
export interface PagefindBundles {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  mergeIndex(path: string, options?: Record<string, unknown>): Promise<void>;
}

/**
 * Readies a Pagefind module loaded from the first of `bundles` (newest
 * first, each a folder under `base`) and merges the others into it, all at
 * once: each merge fetches its bundle's entry and metadata, two round trips,
 * and one after another they added up (5.8 s to the first results on a slow
 * 4G line at 10,000 articles, 4.2–4.8 s at once). Pagefind lists a merged bundle
 * when the call is made, so the bundles keep their order, and so do the
 * results of equal score.
 */
export async function loadBundles<P extends PagefindBundles>(
  pagefind: P,
  base: string,
  bundles: readonly string[],
): Promise<P> {
  await pagefind.options({ baseUrl: '/' });
  await pagefind.init();
  await Promise.all(
    bundles.slice(1).map((key) => pagefind.mergeIndex(`${base}${key}/`, { baseUrl: '/' })),
  );
  return pagefind;
}

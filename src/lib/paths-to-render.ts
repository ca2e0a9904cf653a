import { buildSlot } from './build-slot';
import type { ListedPath } from './kept-paths';
import { routePathname, type TrailingSlash } from './route-pathname';

/**
 * Kept paths left out before Astro sees them. choosePaths leaves the kept
 * paths out of the list Astro renders, but Astro has listed them first:
 * it validates every entry of every route's `getStaticPaths` and makes each
 * pathname twice (about 0.3 s of every publish at 10,000 articles, 1.5 s at
 * 50,000). The routes with many paths (articles, share cards, listings,
 * archive feeds) hand their entries to `pathsToRender`, which makes their
 * pathnames itself (route-pathname.ts) and leaves out the kept ones, noting
 * every entry of the route for `expandKeptPaths` to put back into the
 * build's list of paths. The first entry of a route always goes to Astro,
 * which tells its route.
 */
export interface KeptPathFilter {
  /** The keys the kept folder's files were built with, by pathname. */
  previous: ReadonlyMap<string, string>;
  trailingSlash: TrailingSlash;
  /** Every entry of each route that went through pathsToRender, by route pattern, in order. */
  routes: Map<string, RouteEntries>;
}

/** A route's entries as pathsToRender saw them: the ones handed to Astro are `passed`. */
export type RouteEntries = { pathname: string; cacheKey: string | undefined; passed: boolean }[];

const filterSlot = buildSlot<KeptPathFilter>('voz.keptPathFilter');

/** Sets (at `astro:build:start`, into a kept folder) or clears the filter the routes use. */
export function setKeptPathFilter(filter: KeptPathFilter | undefined): void {
  filterSlot.set(filter);
}

/** A `getStaticPaths` entry as Astro takes it. */
interface StaticEntry {
  params: Readonly<Record<string, unknown>>;
  cacheKey?: string | number | undefined;
}

/**
 * The entries of a route's `getStaticPaths` that Astro must see: all of
 * them when the build renders every path (no filter set), else the first
 * and those whose key differs from the one their file was built with
 * (choosePaths' rule), noting every entry in the filter.
 */
export function pathsToRender<E extends StaticEntry>(
  routePattern: string,
  type: 'page' | 'endpoint',
  entries: E[],
): E[] {
  const filter = filterSlot.get();
  if (filter === undefined || entries.length === 0) return entries;
  const pathnameOf = routePathname(routePattern, type, filter.trailingSlash);
  const passed: E[] = [];
  const noted: RouteEntries = [];
  for (let i = 0; i < entries.length; i += 1) {
    const entry = entries[i] as E;
    const pathname = pathnameOf(entry.params);
    // Params Astro would refuse: Astro sees every entry and says why.
    if (pathname === undefined) return entries;
    const cacheKey = entry.cacheKey === undefined ? undefined : String(entry.cacheKey);
    const pass = i === 0 || cacheKey === undefined || filter.previous.get(pathname) !== cacheKey;
    if (pass) passed.push(entry);
    noted.push({ pathname, cacheKey, passed: pass });
  }
  filter.routes.set(routePattern, noted);
  return passed;
}

/**
 * The build's whole list of paths: Astro's list (`listed`, in its order)
 * with each filtered route's entries put back in their place, as a build
 * without the filter lists them. The pathnames Astro made for the entries
 * it saw must be the ones pathsToRender made; otherwise the build stops,
 * since a kept file would be named wrong.
 */
export function expandKeptPaths<P extends ListedPath & { route: { type: string; route: string } }>(
  listed: readonly P[],
  routes: ReadonlyMap<string, RouteEntries>,
): P[] {
  const all: P[] = [];
  const expanded = new Set<string>();
  for (let i = 0; i < listed.length;) {
    const first = listed[i] as P;
    const noted = routes.get(first.route.route);
    let end = i + 1;
    while (end < listed.length && (listed[end] as P).route === first.route) end += 1;
    if (noted === undefined) {
      all.push(...listed.slice(i, end));
      i = end;
      continue;
    }
    // Astro lists a route's paths together; a second group of the same
    // pattern (an i18n fallback route) would get the entries twice.
    if (expanded.has(first.route.route)) {
      throw new Error(
        `kept-output: Astro listed the paths of ${first.route.route} twice; ` +
          'pathsToRender cannot tell the two routes apart.',
      );
    }
    expanded.add(first.route.route);
    const seen = listed.slice(i, end);
    const passed = noted.filter((entry) => entry.passed);
    const differs = passed.findIndex((entry, at) => entry.pathname !== seen[at]?.pathname);
    if (passed.length !== seen.length || differs >= 0) {
      const at = differs >= 0 ? differs : Math.min(passed.length, seen.length);
      throw new Error(
        `kept-output: the route ${first.route.route} made the path ${passed[at]?.pathname ?? '(none)'} ` +
          `where Astro made ${seen[at]?.pathname ?? '(none)'}; src/lib/route-pathname.ts no longer ` +
          'makes pathnames as the installed Astro does (run `npm run test:unit`).',
      );
    }
    let next = 0;
    for (const entry of noted) {
      if (entry.passed) all.push(seen[next++] as P);
      else all.push({ ...first, pathname: entry.pathname, cacheKey: entry.cacheKey });
    }
    i = end;
  }
  return all;
}

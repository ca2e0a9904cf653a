// Imported by bench/run.mjs as it is, under Node's type stripping, which
// finds no module imported without its extension: this file imports
// nothing (the routes' filter, which does, is paths-to-render.ts).
/**
 * Which paths a build into the kept work folder renders (README
 * "Publishing"): every path whose cache key (made by the catalogue, see
 * cache-key.ts) differs from the one its file was built with, every new
 * path and every path without a key (fronts, archive indexes). The others
 * are left out of the build's list of paths altogether, so Astro does not
 * visit them: at 10,000 articles its per-path check of a kept page (does
 * the file exist, log a line) took about 1 s of every publish.
 */

/** A path as Astro's prerenderer lists it: its route's type and its cache key, if any. */
export interface ListedPath {
  pathname: string;
  route: { type: string };
  cacheKey?: string | undefined;
}

/** Status pages Astro writes as `404.html` rather than `404/index.html`. */
const STATUS_PAGES = new Set(['/404', '/500']);

/**
 * The file a path is written to, relative to the output folder, in a
 * `build.format: 'directory'` build (as Astro's getOutFolder/getOutFile):
 * an endpoint keeps its name, a page becomes `<path>/index.html`.
 */
export function outputFileOf(pathname: string, type: string): string {
  // With `trailingSlash: 'always'` an endpoint's path may end in a slash;
  // its file is still its last segment.
  const path = pathname.replace(/^\/+/, '').replace(/\/+$/, '');
  if (type === 'endpoint') return path;
  if (STATUS_PAGES.has(`/${path}`)) return `${path}.html`;
  return path === '' ? 'index.html' : `${path}/index.html`;
}

/**
 * The name Astro gives a page in `astro:build:done`'s `pages` (addPageName,
 * with `trailingSlash: 'always'`): no leading slash, one trailing slash.
 */
export function pageNameOf(pathname: string): string {
  return pathname.replace(/\/?$/, '/').replace(/^\//, '');
}

/** The paths to render, how many were kept, and the keys to remember for the next build. */
export interface PathChoice<P> {
  render: P[];
  kept: number;
  keys: Map<string, string>;
}

/**
 * Picks the paths a build renders, given the keys the files in the kept
 * folder were built with (`previous`; undefined when the folder starts
 * empty, and then every path renders).
 */
export function choosePaths<P extends ListedPath>(
  paths: readonly P[],
  previous: ReadonlyMap<string, string> | undefined,
): PathChoice<P> {
  const render: P[] = [];
  const keys = new Map<string, string>();
  for (const path of paths) {
    const key = path.cacheKey;
    if (key !== undefined) keys.set(path.pathname, key);
    if (key === undefined || previous === undefined || previous.get(path.pathname) !== key) {
      render.push(path);
    }
  }
  return { render, kept: paths.length - render.length, keys };
}

/** The keys file's text: `[pathname, key]` pairs. */
export function pathKeysText(keys: ReadonlyMap<string, string>): string {
  return JSON.stringify([...keys]);
}

/** The keys a previous build wrote, or undefined when the text is missing or not such a file. */
export function parsePathKeys(text: string | null | undefined): Map<string, string> | undefined {
  if (text === null || text === undefined) return undefined;
  let rows: unknown;
  try {
    rows = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!Array.isArray(rows)) return undefined;
  const keys = new Map<string, string>();
  for (const row of rows) {
    if (!Array.isArray(row) || typeof row[0] !== 'string' || typeof row[1] !== 'string') {
      return undefined;
    }
    keys.set(row[0], row[1]);
  }
  return keys;
}

/** What the build says about the paths it kept, parsed back by the bench and the tests. */
export function keptPathsMessage(kept: number, total: number): string {
  const n = (value: number) => value.toLocaleString('en-US');
  return `kept ${n(kept)} unchanged path(s) of ${n(total)}; rendering ${n(total - kept)}`;
}

/** The counts of a `keptPathsMessage` in a build's output, or undefined if it has none. */
export function keptPathsFromLog(output: string): { kept: number; total: number } | undefined {
  const match = /kept ([\d,]+) unchanged path\(s\) of ([\d,]+); rendering/.exec(output);
  if (!match) return undefined;
  const count = (text: string | undefined) => Number((text ?? '').replace(/,/g, ''));
  return { kept: count(match[1]), total: count(match[2]) };
}

import { afterEach, describe, expect, it } from 'vitest';
import {
  choosePaths,
  expandKeptPaths,
  keptPathsFromLog,
  keptPathsMessage,
  outputFileOf,
  pageNameOf,
  parsePathKeys,
  pathKeysText,
  pathsToRender,
  setKeptPathFilter,
  type RouteEntries,
} from './kept-paths';

const page = (pathname: string, cacheKey?: string) => ({
  pathname,
  route: { type: 'page' },
  cacheKey,
});

describe('outputFileOf', () => {
  it('writes a page as the index of its folder', () => {
    expect(outputFileOf('/en/2024/11/12/port-deal/', 'page')).toBe(
      'en/2024/11/12/port-deal/index.html',
    );
    expect(outputFileOf('/es/', 'page')).toBe('es/index.html');
    expect(outputFileOf('/', 'page')).toBe('index.html');
    expect(outputFileOf('/en/old-path', 'redirect')).toBe('en/old-path/index.html');
  });

  it('writes status pages beside the root, as Astro does', () => {
    expect(outputFileOf('/404', 'page')).toBe('404.html');
    expect(outputFileOf('/404/', 'page')).toBe('404.html');
  });

  it('keeps an endpoint’s own file name', () => {
    expect(outputFileOf('/es/feed.xml', 'endpoint')).toBe('es/feed.xml');
    expect(outputFileOf('/en/atom.xml/', 'endpoint')).toBe('en/atom.xml');
    expect(outputFileOf('/og/en/2024/11/12/port-deal.jpg', 'endpoint')).toBe(
      'og/en/2024/11/12/port-deal.jpg',
    );
    expect(outputFileOf('/es/etiqueta/política/', 'page')).toBe('es/etiqueta/política/index.html');
  });
});

describe('pageNameOf', () => {
  it('names pages as astro:build:done does with trailing slashes', () => {
    expect(pageNameOf('/en/')).toBe('en/');
    expect(pageNameOf('/404')).toBe('404/');
    expect(pageNameOf('/')).toBe('');
  });
});

describe('choosePaths', () => {
  const paths = [
    page('/en/', undefined),
    page('/en/a/', 'k1'),
    page('/en/b/', 'k2'),
    page('/en/c/', 'k3'),
  ];

  it('renders every path into a folder that starts empty', () => {
    const choice = choosePaths(paths, undefined);
    expect(choice.render).toEqual(paths);
    expect(choice.kept).toBe(0);
  });

  it('keeps a path whose key is unchanged and renders changed, new and unkeyed ones', () => {
    const previous = new Map([
      ['/en/', 'k0'],
      ['/en/a/', 'k1'],
      ['/en/b/', 'old'],
      ['/en/gone/', 'k9'],
    ]);
    const choice = choosePaths(paths, previous);
    expect(choice.render.map((p) => p.pathname)).toEqual(['/en/', '/en/b/', '/en/c/']);
    expect(choice.kept).toBe(1);
    // The keys remembered are this build's, for every keyed path, and no gone one.
    expect([...choice.keys]).toEqual([
      ['/en/a/', 'k1'],
      ['/en/b/', 'k2'],
      ['/en/c/', 'k3'],
    ]);
  });
});

describe('the keys file', () => {
  it('reads back what it wrote', () => {
    const keys = new Map([
      ['/en/a/', 'k1'],
      ['/es/b/', 'k2'],
    ]);
    expect(parsePathKeys(pathKeysText(keys))).toEqual(keys);
  });

  it('treats a missing or damaged file as no keys, so everything renders', () => {
    expect(parsePathKeys(null)).toBeUndefined();
    expect(parsePathKeys('{"/en/": "k"}')).toBeUndefined();
    expect(parsePathKeys('[["/en/", 3]]')).toBeUndefined();
    expect(parsePathKeys('[["/en/", "k"')).toBeUndefined();
  });
});

describe('the log line', () => {
  it('is parsed back with its counts', () => {
    const line = keptPathsMessage(25_373, 25_411);
    expect(line).toBe('kept 25,373 unchanged path(s) of 25,411; rendering 38');
    expect(keptPathsFromLog(`12:00 [kept-output] ${line}\n`)).toEqual({
      kept: 25_373,
      total: 25_411,
    });
    expect(keptPathsFromLog('nothing here')).toBeUndefined();
  });
});

describe('paths left out before Astro lists them', () => {
  const pattern = '/[lang]/[slug]';
  const entry = (slug: string, cacheKey?: string) => ({ params: { lang: 'en', slug }, cacheKey });
  const entries = [
    entry('a', 'k1'),
    entry('b', 'k2'),
    entry('c', 'k3'),
    entry('d'),
    entry('e', 'k5'),
  ];
  const previous = new Map([
    ['/en/a/', 'k1'],
    ['/en/b/', 'k2'],
    ['/en/c/', 'old'],
    ['/en/d/', 'k4'],
    ['/en/e/', 'k5'],
  ]);
  /** Astro's list for what a route handed it: its own pathnames, one route object. */
  const astroList = (
    route: { type: string; route: string },
    seen: { params: { slug: string } }[],
  ) =>
    seen.map((e) => ({
      pathname: `/en/${e.params.slug}/`,
      route,
      cacheKey: undefined as string | undefined,
    }));
  afterEach(() => setKeptPathFilter(undefined));

  it('hands Astro every entry when no filter is set (a build that renders everything)', () => {
    expect(pathsToRender(pattern, 'page', entries)).toBe(entries);
  });

  it('hands Astro the first, changed and unkeyed entries, and the full list comes back in order', () => {
    const routes = new Map<string, RouteEntries>();
    setKeptPathFilter({ previous, trailingSlash: 'always', routes });
    const seen = pathsToRender(pattern, 'page', entries);
    // a goes as the route's first; b and e are kept; c changed; d has no key.
    expect(seen.map((e) => e.params.slug)).toEqual(['a', 'c', 'd']);
    const route = { type: 'page', route: pattern };
    const other = { type: 'page', route: '/about' };
    const listed = [
      { pathname: '/about/', route: other, cacheKey: undefined },
      ...astroList(route, seen).map((p, i) => ({ ...p, cacheKey: seen[i]?.cacheKey })),
    ];
    const all = expandKeptPaths(listed, routes);
    expect(all.map((p) => [p.pathname, p.cacheKey])).toEqual([
      ['/about/', undefined],
      ['/en/a/', 'k1'],
      ['/en/b/', 'k2'],
      ['/en/c/', 'k3'],
      ['/en/d/', undefined],
      ['/en/e/', 'k5'],
    ]);
    // The entries Astro saw are its own objects; the kept ones carry its route.
    expect(all[1]).toBe(listed[1]);
    expect(all[2]?.route).toBe(route);
    // And choosePaths then renders exactly what it would without the filter.
    const choice = choosePaths(all, previous);
    expect(choice.render.map((p) => p.pathname)).toEqual(['/about/', '/en/c/', '/en/d/']);
    expect(choice.kept).toBe(3);
    expect([...choice.keys.keys()]).toEqual(['/en/a/', '/en/b/', '/en/c/', '/en/e/']);
  });

  it('stops the build when Astro made another pathname than the one the filter made', () => {
    const routes = new Map<string, RouteEntries>();
    setKeptPathFilter({ previous, trailingSlash: 'always', routes });
    const seen = pathsToRender(pattern, 'page', entries);
    const route = { type: 'page', route: pattern };
    const listed = astroList(route, seen).map((p) => ({ ...p, pathname: p.pathname.slice(0, -1) }));
    expect(() => expandKeptPaths(listed, routes)).toThrow(
      /route \/\[lang\]\/\[slug\] made the path \/en\/a\/ where Astro made \/en\/a;/,
    );
  });

  it('stops the build when Astro lists the same route pattern in two places', () => {
    const routes = new Map<string, RouteEntries>();
    setKeptPathFilter({ previous, trailingSlash: 'always', routes });
    const seen = pathsToRender(pattern, 'page', entries);
    const listed = [
      ...astroList({ type: 'page', route: pattern }, seen),
      ...astroList({ type: 'page', route: pattern }, seen),
    ];
    expect(() => expandKeptPaths(listed, routes)).toThrow(/listed the paths of .* twice/);
  });

  it('lets Astro see every entry when a param is one Astro would refuse', () => {
    setKeptPathFilter({ previous, trailingSlash: 'always', routes: new Map() });
    const bad = [entry('a', 'k1'), { params: { lang: 'en' }, cacheKey: 'k2' }];
    expect(pathsToRender(pattern, 'page', bad)).toBe(bad);
  });
});

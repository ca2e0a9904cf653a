import { afterEach, describe, expect, it } from 'vitest';
import { choosePaths } from './kept-paths';
import {
  expandKeptPaths,
  pathsToRender,
  setKeptPathFilter,
  type RouteEntries,
} from './paths-to-render';

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

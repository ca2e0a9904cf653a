import type { AstroIntegration } from 'astro';
import { describe, expect, it } from 'vitest';
import { chainPrerenderers, type Prerenderer } from './prerenderer-chain';
import { keptPathsOnly, ListedPaths } from './kept-output';

type Paths = Awaited<ReturnType<Prerenderer['getStaticPaths']>>;
const route = (type: string) => ({ type }) as unknown as Paths[number]['route'];
const path = (pathname: string, cacheKey?: string): Paths[number] =>
  ({ pathname, route: route('page'), cacheKey }) as Paths[number];

/** Astro's default prerenderer, as far as these wrappers see it. */
const astroDefault = (paths: Paths): Prerenderer => ({
  name: 'astro',
  getStaticPaths: async () => paths,
  render: async () => new Response('page'),
});

/** An integration that wraps the prerenderer, renaming it and tagging its paths. */
const tagging = (tag: string): AstroIntegration => ({
  name: tag,
  hooks: {
    'astro:build:start': ({ setPrerenderer }) =>
      setPrerenderer((base) => ({
        ...base,
        name: `${base.name}+${tag}`,
        getStaticPaths: async () =>
          (await base.getStaticPaths()).map((p) => ({ ...p, pathname: `${p.pathname}${tag}` })),
      })),
  },
});

/** Runs each integration's build:start hook as Astro does; returns the prerenderer Astro would use. */
async function buildStart(
  integrations: AstroIntegration[],
  base: Prerenderer,
): Promise<Prerenderer> {
  let set: unknown;
  for (const integration of integrations) {
    const hook = integration.hooks['astro:build:start'];
    await hook?.({
      setPrerenderer: (p: unknown) => void (set = p),
      logger: {} as never,
    } as never);
  }
  return typeof set === 'function'
    ? (set as (b: Prerenderer) => Prerenderer)(base)
    : (set as Prerenderer);
}

describe('chainPrerenderers', () => {
  it('wraps each prerenderer around the ones set before it, the first innermost', async () => {
    const chained = await buildStart(
      chainPrerenderers([tagging('a'), tagging('b')]),
      astroDefault([path('/x/')]),
    );
    expect(chained.name).toBe('astro+a+b');
    expect((await chained.getStaticPaths()).map((p) => p.pathname)).toEqual(['/x/ab']);
  });

  it('starts again at each build, not wrapping the last build’s prerenderers', async () => {
    const integrations = chainPrerenderers([tagging('a')]);
    await buildStart(integrations, astroDefault([]));
    const second = await buildStart(integrations, astroDefault([]));
    expect(second.name).toBe('astro+a');
  });

  it('without it, Astro would keep only the last one', async () => {
    const last = await buildStart([tagging('a'), tagging('b')], astroDefault([]));
    expect(last.name).toBe('astro+b');
  });
});

describe('keptPathsOnly', () => {
  it('hands Astro only the changed, new and unkeyed paths, and reports every path', async () => {
    const all = [path('/en/', undefined), path('/en/a/', 'k1'), path('/en/b/', 'k2')];
    let reported: { total: number; kept: number } | undefined;
    const prerenderer = keptPathsOnly(
      astroDefault(all),
      new Map([
        ['/en/a/', 'k1'],
        ['/en/b/', 'old'],
      ]),
      (listed, choice) => (reported = { total: listed.length, kept: choice.kept }),
    );
    expect((await prerenderer.getStaticPaths()).map((p) => p.pathname)).toEqual(['/en/', '/en/b/']);
    expect(reported).toEqual({ total: 3, kept: 1 });
  });
});

describe('keptPathsOnly with routes that left kept paths out', () => {
  it('reports every path, the left-out ones back in their place, and renders only the changed', async () => {
    const stories = { type: 'page', route: '/[lang]/[slug]' } as unknown as Paths[number]['route'];
    // What Astro listed: the front, then the route's first entry and its changed one.
    const seen = [
      path('/en/'),
      { pathname: '/en/a/', route: stories, cacheKey: 'k1' },
      { pathname: '/en/c/', route: stories, cacheKey: 'k3' },
    ] as Paths;
    const filtered = new Map([
      [
        '/[lang]/[slug]',
        [
          { pathname: '/en/a/', cacheKey: 'k1', passed: true },
          { pathname: '/en/b/', cacheKey: 'k2', passed: false },
          { pathname: '/en/c/', cacheKey: 'k3', passed: true },
        ],
      ],
    ]);
    const listed = new ListedPaths();
    const prerenderer = keptPathsOnly(
      astroDefault(seen),
      new Map([
        ['/en/a/', 'k1'],
        ['/en/b/', 'k2'],
        ['/en/c/', 'old'],
      ]),
      (paths, choice) => listed.set(paths, choice.render),
      filtered,
    );
    expect((await prerenderer.getStaticPaths()).map((p) => p.pathname)).toEqual(['/en/', '/en/c/']);
    expect(listed.files()).toEqual([
      'en/index.html',
      'en/a/index.html',
      'en/b/index.html',
      'en/c/index.html',
    ]);
    expect([...(listed.keptFiles() ?? [])].sort()).toEqual(['en/a/index.html', 'en/b/index.html']);
  });
});

describe('ListedPaths', () => {
  it('names the files of the paths a build kept, and none when it did not say what it rendered', async () => {
    const all = [
      path('/en/', undefined),
      path('/en/a/', 'k1'),
      path('/en/b/', 'k2'),
      { pathname: '/en/atom.xml/', route: route('endpoint'), cacheKey: 'f1' } as Paths[number],
    ];
    const listed = new ListedPaths();
    const prerenderer = keptPathsOnly(
      astroDefault(all),
      new Map([
        ['/en/a/', 'k1'],
        ['/en/b/', 'old'],
        ['/en/atom.xml/', 'f1'],
      ]),
      (paths, choice) => listed.set(paths, choice.render),
    );
    await prerenderer.getStaticPaths();
    expect([...(listed.keptFiles() ?? [])].sort()).toEqual(['en/a/index.html', 'en/atom.xml']);
    listed.set(all);
    expect(listed.keptFiles()).toBeUndefined();
    listed.reset();
    expect(listed.keptFiles()).toBeUndefined();
  });
});

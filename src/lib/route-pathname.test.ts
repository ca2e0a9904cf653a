import { describe, expect, it } from 'vitest';
import { installedAstroExport } from '../integrations/installed-astro';
import { routePathname, type TrailingSlash } from './route-pathname';

type Params = Record<string, string | undefined>;
interface AstroRoute {
  route: string;
  type: 'page' | 'endpoint';
  component: string;
  segments: unknown[][];
}

// Astro's own functions, as its build uses them: the pathnames made here
// must be the ones Astro makes, for every route shape the site has.
const stringifyParams = installedAstroExport<
  (params: Params, route: AstroRoute, trailingSlash: TrailingSlash) => string
>('dist/core/routing/params.js', 'stringifyParams', 'route-pathname');
const getParts = installedAstroExport<(part: string, file: string) => unknown[]>(
  'dist/core/routing/parts.js',
  'getParts',
  'route-pathname',
);

/** A route as Astro's manifest makes it from its pattern. */
function astroRoute(pattern: string, type: 'page' | 'endpoint'): AstroRoute {
  return {
    route: pattern,
    type,
    component: `src/pages${pattern}`,
    segments: pattern
      .split('/')
      .filter((segment) => segment !== '')
      .map((segment) => getParts(segment, pattern)),
  };
}

const cases: [pattern: string, type: 'page' | 'endpoint', params: Params[]][] = [
  [
    '/[lang]/[year]/[month]/[day]/[slug]',
    'page',
    [
      { lang: 'es', year: '2025', month: '09', day: '07', slug: 'sube-el-precio' },
      { lang: 'en', year: '2024', month: '11', day: '30', slug: 'año-nuevo' },
      // Not NFC: Astro normalises it.
      { lang: 'es', year: '2024', month: '01', day: '02', slug: 'an\u0303o' },
      { lang: 'es', year: '2024', month: '01', day: '02', slug: 'what?#now' },
    ],
  ],
  [
    '/og/[lang]/[year]/[month]/[day]/[slug].jpg',
    'endpoint',
    [{ lang: 'en', year: '2023', month: '11', day: '29', slug: 'federal-regulators' }],
  ],
  [
    '/[lang]/[section]/[...page]',
    'page',
    [
      { lang: 'es', section: 'politica', page: undefined },
      { lang: 'es', section: 'politica', page: 'page/2' },
      { lang: 'en', section: 'us', page: '/page/46/' },
      { lang: 'en', section: 'us', page: '' },
    ],
  ],
  [
    '/[lang]/archive/feed/[name]/[feed]',
    'endpoint',
    [{ lang: 'en', name: '2024-10-27-local-business', feed: 'rss.xml' }],
  ],
  ['/[lang]/tag/[tag]/[...page]', 'page', [{ lang: 'es', tag: 'educación', page: 'page/3' }]],
  ['/[...from]', 'page', [{ from: 'old/path/here' }, { from: undefined }]],
  [
    '/build-only/search-records/[lang]/[bundle].json',
    'endpoint',
    [{ lang: 'es', bundle: '2025-1' }],
  ],
];

describe('routePathname', () => {
  for (const trailingSlash of ['always', 'never', 'ignore'] as const) {
    for (const [pattern, type, list] of cases) {
      it(`makes Astro's pathname for ${pattern} (${type}, trailingSlash ${trailingSlash})`, () => {
        const make = routePathname(pattern, type, trailingSlash);
        const route = astroRoute(pattern, type);
        for (const params of list) {
          expect(make(params)).toBe(stringifyParams(params, route, trailingSlash));
        }
      });
    }
  }

  it('gives undefined where Astro would refuse the params, so Astro says what is wrong', () => {
    const make = routePathname('/[lang]/[slug]', 'page', 'always');
    expect(make({ lang: 'es' })).toBeUndefined();
    expect(make({ lang: 'es', slug: 3 })).toBeUndefined();
    expect(make({ lang: 'es', slug: 'ok' })).toBe('/es/ok/');
  });
});

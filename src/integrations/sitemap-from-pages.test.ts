import type { AstroIntegration } from 'astro';
import { describe, expect, it } from 'vitest';
import { inSitemapOrder, withPagesInSitemapOrder } from './sitemap-from-pages';

type DoneParams = Parameters<NonNullable<AstroIntegration['hooks']['astro:build:done']>>[0];

describe('withPagesInSitemapOrder', () => {
  it('hands @astrojs/sitemap its pages already in the order it sorts them in', async () => {
    let seen: string[] = [];
    const sitemap: AstroIntegration = {
      name: '@astrojs/sitemap',
      hooks: {
        'astro:build:done': ({ pages }) => {
          seen = pages.map((p) => p.pathname);
        },
      },
    };
    // As Astro lists them: in the order the routes were built.
    const built = [
      'es/2026/11/28/historia/',
      'en/us/page/10/',
      'en/',
      'en/us/page/9/',
      'en/us/',
      'en/2026/01/05/story/',
      'en/2025/12/31/story/',
      'es/',
    ];
    const params = { pages: built.map((pathname) => ({ pathname })) } as unknown as DoneParams;
    await withPagesInSitemapOrder(sitemap).hooks['astro:build:done']?.(params);

    // What @astrojs/sitemap's own sort gives (a collator per comparison).
    const expected = [...built].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
    expect(seen).toEqual(expected);
    expect(seen.indexOf('en/us/page/9/')).toBeLessThan(seen.indexOf('en/us/page/10/'));
    // Astro's own list is left as it was.
    expect(params.pages.map((p) => p.pathname)).toEqual(built);
  });

  it('leaves an integration without a build:done hook as it is', () => {
    const other: AstroIntegration = { name: 'other', hooks: {} };
    expect(withPagesInSitemapOrder(other)).toBe(other);
  });
});

describe('inSitemapOrder', () => {
  const collated = (paths: string[]) =>
    [...paths].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const ordered = (paths: string[]) =>
    inSitemapOrder(paths.map((pathname) => ({ pathname }))).map((p) => p.pathname);

  it('gives the collator’s order where a comparison as plain strings would not', () => {
    // Plain strings put 10 before 9, `_` after the letters and capitals
    // before lower case; the collator does none of these.
    const paths = [
      'es/archive/feed/10/',
      'es/archive/feed/9/',
      'es/archive/feed/100/',
      'es/tag/a_b/',
      'es/tag/a-b/',
      'es/tag/ab/',
      'es/tag/Zeta/',
      'es/tag/alfa/',
      'es/tag/ñandú/',
      'es/tag/nube/',
      'es/tag/oso/',
      'es/2026/11/28/x/',
      'es/2026/1/2/x/',
    ];
    expect(ordered(paths)).toEqual(collated(paths));
    expect(ordered([...paths].reverse())).toEqual(collated(paths));
  });

  it('orders a large site as the collator does', () => {
    const paths: string[] = [];
    for (let n = 1; n <= 400; n += 1) {
      paths.push(
        `es/archive/feed/${n}/`,
        `en/politics/page/${n}/`,
        `es/2025/0${(n % 9) + 1}/${n}/nota-${n}/`,
      );
    }
    expect(ordered(paths)).toEqual(collated(paths));
  });
});

describe('an integration without a build:done hook', () => {
  it('is left as it is', () => {
    const other: AstroIntegration = { name: 'other', hooks: {} };
    expect(withPagesInSitemapOrder(other)).toBe(other);
  });
});

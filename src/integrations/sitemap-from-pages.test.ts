import type { AstroIntegration } from 'astro';
import { describe, expect, it } from 'vitest';
import { withPagesInSitemapOrder } from './sitemap-from-pages';

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

import { describe, expect, it } from 'vitest';
import { SITE } from '../site';
import {
  headEntries,
  hreflangVersions,
  pageTitle,
  type HeadEntry,
  type PageHeadInput,
} from './head';

const site = new URL('https://news.example/');

const articlePage: PageHeadInput = {
  site,
  path: '/en/2024/11/12/treaty/',
  lang: 'en',
  title: 'Treaty ratified',
  description: 'The dek.',
  ogType: 'article',
  feeds: [{ title: 'Voz: World', pagePath: '/en/world/' }],
  alternates: [{ lang: 'es', path: '/es/2024/11/12/tratado/' }],
  image: { path: '/og/treaty.jpg', width: 1200, height: 630, alt: 'Two leaders' },
};

const links = (entries: HeadEntry[], rel: string) =>
  entries.flatMap((e) => (e.tag === 'link' && e.attrs['rel'] === rel ? [e.attrs] : []));
const metaContent = (entries: HeadEntry[], key: string) =>
  entries.flatMap((e) =>
    e.tag === 'meta' && (e.attrs['property'] === key || e.attrs['name'] === key)
      ? [e.attrs['content']]
      : [],
  );

describe('pageTitle', () => {
  it('puts the outlet name after a page title', () => {
    expect(pageTitle('Treaty ratified', 'en')).toBe(`Treaty ratified | ${SITE.name}`);
  });

  it('gives a front page the outlet name and the edition tagline', () => {
    expect(pageTitle(undefined, 'es')).toBe(`${SITE.name}: ${SITE.editions.es.tagline}`);
  });
});

describe('hreflangVersions', () => {
  it('lists nothing for a page with no translation', () => {
    expect(hreflangVersions('en', '/en/a/', [])).toEqual([]);
  });

  it('lists the page, its translation and x-default on the main edition', () => {
    expect(hreflangVersions('en', '/en/a/', [{ lang: 'es', path: '/es/a/' }])).toEqual([
      { hreflang: SITE.editions.en.locale, path: '/en/a/' },
      { hreflang: SITE.editions.es.locale, path: '/es/a/' },
      { hreflang: 'x-default', path: SITE.defaultLang === 'es' ? '/es/a/' : '/en/a/' },
    ]);
  });

  it('does not list the page twice when its own edition is among the alternates', () => {
    const versions = hreflangVersions('en', '/en/a/', [
      { lang: 'en', path: '/en/a/' },
      { lang: 'es', path: '/es/a/' },
    ]);
    expect(versions.filter((v) => v.hreflang === SITE.editions.en.locale)).toHaveLength(1);
  });
});

describe('headEntries', () => {
  const entries = headEntries(articlePage);

  it('starts with the charset and ends with the Twitter card', () => {
    expect(entries[0]).toEqual({ tag: 'meta', attrs: { charset: 'utf-8' } });
    expect(entries.at(-1)).toEqual({
      tag: 'meta',
      attrs: { name: 'twitter:image', content: 'https://news.example/og/treaty.jpg' },
    });
  });

  it('has exactly one title and one description', () => {
    expect(entries.filter((e) => e.tag === 'title')).toEqual([
      { tag: 'title', content: `Treaty ratified | ${SITE.name}` },
    ]);
    expect(metaContent(entries, 'description')).toEqual(['The dek.']);
  });

  it('gives an absolute canonical URL on the page’s own address', () => {
    expect(links(entries, 'canonical')).toEqual([
      { rel: 'canonical', href: 'https://news.example/en/2024/11/12/treaty/' },
    ]);
  });

  it('links the section feed, then the edition feed, each in RSS, Atom and JSON Feed', () => {
    const feeds = links(entries, 'alternate').filter((l) => l['type']);
    expect(feeds.map((l) => [l['type'], l['href']])).toEqual([
      ['application/rss+xml', 'https://news.example/en/world/rss.xml'],
      ['application/atom+xml', 'https://news.example/en/world/atom.xml'],
      ['application/feed+json', 'https://news.example/en/world/feed.json'],
      ['application/rss+xml', 'https://news.example/en/rss.xml'],
      ['application/atom+xml', 'https://news.example/en/atom.xml'],
      ['application/feed+json', 'https://news.example/en/feed.json'],
    ]);
    expect(feeds.at(-1)?.['title']).toBe(`${SITE.name} (${SITE.editions.en.label})`);
  });

  it('declares hreflang alternates with absolute URLs', () => {
    const alternates = links(entries, 'alternate').filter((l) => l['hreflang']);
    expect(alternates.map((l) => [l['hreflang'], l['href']])).toContainEqual([
      SITE.editions.es.locale,
      'https://news.example/es/2024/11/12/tratado/',
    ]);
    expect(alternates.map((l) => l['hreflang'])).toContain('x-default');
  });

  it('describes the share image for Open Graph and Twitter', () => {
    expect(metaContent(entries, 'og:type')).toEqual(['article']);
    expect(metaContent(entries, 'og:image')).toEqual(['https://news.example/og/treaty.jpg']);
    expect(metaContent(entries, 'og:image:width')).toEqual(['1200']);
    expect(metaContent(entries, 'og:image:alt')).toEqual(['Two leaders']);
    expect(metaContent(entries, 'twitter:card')).toEqual(['summary_large_image']);
  });

  it('names the other editions as alternate Open Graph locales', () => {
    expect(metaContent(entries, 'og:locale')).toEqual([SITE.editions.en.ogLocale]);
    expect(metaContent(entries, 'og:locale:alternate')).toEqual(
      SITE.langs.filter((l) => l !== 'en').map((l) => SITE.editions[l].ogLocale),
    );
  });

  it('sets the browser theme colour to the brand accent', () => {
    expect(metaContent(entries, 'theme-color')).toEqual([SITE.brand.accent]);
  });

  it('lets search engines show large image previews', () => {
    expect(metaContent(entries, 'robots')).toEqual(['max-image-preview:large']);
  });

  it('keeps a noindex page out of search: no canonical, robots noindex', () => {
    const notFound = headEntries({
      site,
      path: '/404/',
      lang: 'es',
      description: 'x',
      noindex: true,
    });
    expect(links(notFound, 'canonical')).toEqual([]);
    expect(metaContent(notFound, 'robots')).toEqual(['noindex']);
  });

  it('gives a page without a share image a small Twitter card and no og:image', () => {
    const front = headEntries({ site, path: '/es/', lang: 'es', description: 'x' });
    expect(metaContent(front, 'og:image')).toEqual([]);
    expect(metaContent(front, 'twitter:card')).toEqual(['summary']);
    expect(metaContent(front, 'og:title')).toEqual([SITE.name]);
  });

  it('links the neighbouring pages of a paginated listing', () => {
    const page2 = headEntries({
      site,
      path: '/es/mundo/page/2/',
      lang: 'es',
      description: 'x',
      prevPath: '/es/mundo/',
      nextPath: '/es/mundo/page/3/',
    });
    expect(links(page2, 'prev')).toEqual([{ rel: 'prev', href: 'https://news.example/es/mundo/' }]);
    expect(links(page2, 'next')).toEqual([
      { rel: 'next', href: 'https://news.example/es/mundo/page/3/' },
    ]);
  });

  it('never writes "undefined" into an attribute', () => {
    const bare = headEntries({ site, path: '/es/', lang: 'es', description: 'x' });
    for (const entry of [...entries, ...bare]) {
      const values = entry.tag === 'title' ? [entry.content] : Object.values(entry.attrs);
      for (const value of values) expect(value).not.toMatch(/undefined/);
    }
  });
});

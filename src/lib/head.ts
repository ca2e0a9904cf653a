/**
 * A page's <head> as data: one function decides every tag (title,
 * description, canonical, feeds, hreflang alternates, pagination, social
 * and robots meta), BaseLayout renders the list. Pages say what they are;
 * this module says what that means for crawlers, feed readers and networks.
 */
import { SITE, type Lang } from '../site';
import { FEED_FORMATS, FEED_TYPES } from './feed';
import { editionPath, feedPath } from './urls';

/** One tag of a page's head, rendered as is by BaseLayout. */
export type HeadEntry =
  | { tag: 'title'; content: string }
  | { tag: 'meta'; attrs: Record<string, string> }
  | { tag: 'link'; attrs: Record<string, string> };

/** What a page says about itself; everything else is decided here. */
export interface PageHeadInput {
  /** The site's origin (`Astro.site`). */
  site: URL;
  /** The page's own path (`/es/mundo/`). */
  path: string;
  lang: Lang;
  /** Page title without the outlet name; omitted on front pages. */
  title?: string | undefined;
  description: string;
  /** Open Graph type: `article` on article pages. */
  ogType?: 'website' | 'article';
  /** Pages that must not be indexed (404, redirects). */
  noindex?: boolean;
  /** Feeds more specific than the edition's (a section's, an author's), by the page they follow. */
  feeds?: readonly { title: string; pagePath: string }[];
  /** Neighbouring pages of a paginated listing. */
  prevPath?: string | undefined;
  nextPath?: string | undefined;
  /** The same page in other editions. */
  alternates?: readonly { lang: Lang; path: string }[];
  /** The share image (1200×630) and its description. */
  image?: { path: string; width: number; height: number; alt: string } | undefined;
}

/** "Title | Voz", or "Voz: tagline" on a front page. */
export function pageTitle(title: string | undefined, lang: Lang): string {
  return title ? `${title} | ${SITE.name}` : `${SITE.name}: ${SITE.editions[lang].tagline}`;
}

/**
 * hreflang versions of a page: itself and each translation, plus
 * `x-default` on the main edition's version (or, when the page has none,
 * the first edition in `SITE.langs` order that it has). None without
 * translations.
 */
export function hreflangVersions(
  lang: Lang,
  path: string,
  alternates: readonly { lang: Lang; path: string }[],
): { hreflang: string; path: string }[] {
  if (alternates.length === 0) return [];
  const versions = [{ lang, path }, ...alternates.filter((a) => a.lang !== lang)];
  const fallback = SITE.langs
    .map((edition) => versions.find((v) => v.lang === edition))
    .find((v) => v !== undefined);
  const main = versions.find((v) => v.lang === SITE.defaultLang) ?? fallback;
  return [
    ...versions.map((v) => ({ hreflang: SITE.editions[v.lang].locale, path: v.path })),
    ...(main ? [{ hreflang: 'x-default', path: main.path }] : []),
  ];
}

const meta = (attrs: Record<string, string>): HeadEntry => ({ tag: 'meta', attrs });
const link = (attrs: Record<string, string>): HeadEntry => ({ tag: 'link', attrs });

/** Every entry of a page's head, in document order. */
export function headEntries(page: PageHeadInput): HeadEntry[] {
  const { site, path, lang, title, description, image } = page;
  const { ogType = 'website', noindex = false, feeds = [], alternates = [] } = page;
  const absolute = (p: string) => new URL(p, site).href;
  const canonical = absolute(path);
  const edition = SITE.editions[lang];
  const allFeeds = [
    ...feeds,
    { title: `${SITE.name} (${edition.label})`, pagePath: editionPath(lang) },
  ];
  const socialTitle = title ?? SITE.name;
  return [
    meta({ charset: 'utf-8' }),
    meta({ name: 'viewport', content: 'width=device-width, initial-scale=1' }),
    { tag: 'title', content: pageTitle(title, lang) },
    meta({ name: 'description', content: description }),
    ...(noindex ? [] : [link({ rel: 'canonical', href: canonical })]),
    ...allFeeds.flatMap((feed) =>
      FEED_FORMATS.map((format) =>
        link({
          rel: 'alternate',
          type: FEED_TYPES[format],
          title: feed.title,
          href: absolute(feedPath(feed.pagePath, format)),
        }),
      ),
    ),
    ...hreflangVersions(lang, path, alternates).map((v) =>
      link({ rel: 'alternate', hreflang: v.hreflang, href: absolute(v.path) }),
    ),
    ...(page.prevPath ? [link({ rel: 'prev', href: absolute(page.prevPath) })] : []),
    ...(page.nextPath ? [link({ rel: 'next', href: absolute(page.nextPath) })] : []),
    link({ rel: 'icon', href: SITE.icon.path, type: SITE.icon.type }),
    meta({ name: 'theme-color', content: SITE.brand.accent }),
    meta({ property: 'og:site_name', content: SITE.name }),
    meta({ property: 'og:type', content: ogType }),
    meta({ property: 'og:title', content: socialTitle }),
    meta({ property: 'og:description', content: description }),
    meta({ property: 'og:url', content: canonical }),
    meta({ property: 'og:locale', content: edition.ogLocale }),
    ...SITE.langs
      .filter((other) => other !== lang)
      .map((other) =>
        meta({ property: 'og:locale:alternate', content: SITE.editions[other].ogLocale }),
      ),
    meta({ name: 'robots', content: noindex ? 'noindex' : 'max-image-preview:large' }),
    ...(image
      ? [
          meta({ property: 'og:image', content: absolute(image.path) }),
          meta({ property: 'og:image:width', content: String(image.width) }),
          meta({ property: 'og:image:height', content: String(image.height) }),
          meta({ property: 'og:image:alt', content: image.alt }),
        ]
      : []),
    meta({ name: 'twitter:card', content: image ? 'summary_large_image' : 'summary' }),
    meta({ name: 'twitter:title', content: socialTitle }),
    meta({ name: 'twitter:description', content: description }),
    ...(image ? [meta({ name: 'twitter:image', content: absolute(image.path) })] : []),
  ];
}

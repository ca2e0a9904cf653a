import slugify from '@sindresorhus/slugify';
import { SITE, type Lang } from '../site';
import { zonedDateParts } from './dates';

/**
 * Every public path of the site is built here, so links, feeds, sitemaps and
 * tests agree. Paths end in a slash (directory-style output).
 */

/** Front page of an edition: `/es/`. */
export function editionPath(lang: Lang): string {
  return `/${lang}/`;
}

/** File names of a feed beside the page it follows. */
const FEED_FILE_NAMES = { rss: 'rss.xml', atom: 'atom.xml', json: 'feed.json' } as const;

/**
 * A feed beside the page it follows: `/es/rss.xml` for the edition,
 * `/es/mundo/atom.xml` for a section, `/es/author/x/feed.json` for an author.
 */
export function feedPath(pagePath: string, format: keyof typeof FEED_FILE_NAMES = 'rss'): string {
  return `${pagePath}${FEED_FILE_NAMES[format]}`;
}

/**
 * An RFC 5005 archive document of an edition feed, named after its oldest
 * story (issue 15; feed-archive.ts): `/es/archive/feed/2025-09-07-slug/`,
 * with `rss.xml`, `atom.xml` and `feed.json` beside it like any feed.
 */
export function feedArchivePath(lang: Lang, name: string): string {
  return `/${lang}/archive/feed/${name}/`;
}

/** Whether a built path is a document of an edition's feed archive (`/es/archive/feed/<name>/rss.xml`). */
export function isFeedArchivePath(pathname: string): boolean {
  return SITE.langs.some((lang) => {
    const folder = feedArchivePath(lang, '').replace(/\/+$/, '/');
    return pathname.startsWith(folder) && /^[^/]+\/./.test(pathname.slice(folder.length));
  });
}

/** The file name of an article id (`2024/north-korea` → `north-korea`). */
export function slugFromId(id: string): string {
  return id.split('/').at(-1) ?? id;
}

/**
 * Permanent article URL: `/<lang>/<yyyy>/<mm>/<dd>/<slug>/`, dated by first
 * publication in the newsroom's time zone, so an update never moves it.
 */
export function articlePath(article: { lang: Lang; publishedAt: Date; slug: string }): string {
  const { year, month, day } = zonedDateParts(article.publishedAt);
  return `/${article.lang}/${year}/${month}/${day}/${article.slug}/`;
}

/** The route params of an article path: `/en/2024/11/12/slug/` → lang, year, month, day, slug. */
export function articleParams(path: string): {
  lang: string;
  year: string;
  month: string;
  day: string;
  slug: string;
} {
  const [, lang = '', year = '', month = '', day = '', slug = ''] = path.split('/');
  return { lang, year, month, day, slug };
}

/** Author page: `/en/author/jane-doe/`. */
export function authorPath(lang: Lang, authorId: string): string {
  return `/${lang}/author/${authorId}/`;
}

/** Section page: `/en/world/`, from the section's slug in that edition. */
export function sectionPath(lang: Lang, sectionSlug: string): string {
  return `/${lang}/${sectionSlug}/`;
}

/** Symbols spelled out so that different tags keep different pages ("C++" is not "C"). */
const TAG_REPLACEMENTS: [string, string][] = [
  ['&', ' '],
  ['+', ' plus '],
  // Drop @sindresorhus/slugify's playful defaults (🦄 → unicorn, ♥ → love).
  ['🦄', ''],
  ['♥', ''],
];

/**
 * URL-safe form of a tag. Latin, Cyrillic, Greek and Arabic letters are
 * transliterated to lower-case ASCII (`Acción de Gracias` →
 * `accion-de-gracias`, `Україна` → `ukrayina`), other characters become
 * hyphens, `+` is spelled `plus` (`C++` → `c-plus-plus`). A tag in a script
 * without a transliteration (Chinese, Japanese, Hebrew) keeps its own
 * letters (`北京` → `北京`). A tag with no letter or digit at all (`..`,
 * `🔥`) gives `''`, which the content rules refuse.
 */
export function tagSlug(tag: string): string {
  let slug = tagSlugs.get(tag);
  if (slug === undefined) {
    slug = slugify(tag, { decamelize: false, customReplacements: TAG_REPLACEMENTS });
    if (slug === '') {
      slug = tag
        .normalize('NFC')
        .toLowerCase()
        .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
        .replace(/^-+|-+$/g, '');
    }
    tagSlugs.set(tag, slug);
  }
  return slug;
}

/** Slugs already made: the same few hundred tags recur across thousands of stories. */
const tagSlugs = new Map<string, string>();

/** Tag page: `/es/tag/corea-del-norte/`. */
export function tagPath(lang: Lang, tag: string): string {
  return `/${lang}/tag/${tagSlug(tag)}/`;
}

/** Archive index of an edition: `/es/archive/`. */
export function archivePath(lang: Lang): string {
  return `/${lang}/archive/`;
}

/** A year of the archive: `/es/2026/`. */
export function archiveYearPath(lang: Lang, year: string): string {
  return `/${lang}/${year}/`;
}

/** A month of the archive: `/es/2026/11/`. */
export function archiveMonthPath(lang: Lang, year: string, month: string): string {
  return `/${lang}/${year}/${month}/`;
}

/** Index of an edition's tags: `/es/tag/`. */
export function tagIndexPath(lang: Lang): string {
  return `/${lang}/tag/`;
}

/** The generated social card of an article without a hero: `/og/en/2024/11/12/slug.jpg`. */
export function socialCardPath(articlePagePath: string): string {
  return `/og${articlePagePath.replace(/\/$/, '')}.jpg`;
}

/** Whether a built path is a generated social card (`/og/en/2024/11/12/slug.jpg`). */
export function isSocialCardPath(pathname: string): boolean {
  return pathname.startsWith('/og/') && pathname.endsWith('.jpg');
}

/** Every edition as `getStaticPaths` params (`/es/…`, `/en/…`). */
export function editionParams(): { params: { lang: Lang } }[] {
  return SITE.langs.map((lang) => ({ params: { lang } }));
}

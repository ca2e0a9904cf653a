import type { ArticleSchemaType } from './article-kinds';
import { isoWithOffset } from './dates';

/**
 * schema.org structured data, built in one place. Builders take plain
 * values (absolute URLs, dates) and drop every empty field, so a page never
 * says `"undefined"` or `""` to a search engine.
 */

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** Removes undefined, null, empty strings, empty arrays and empty objects, recursively. */
export function compact(value: unknown): Json | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return isoWithOffset(value);
  if (Array.isArray(value)) {
    const items = value.map(compact).filter((v): v is Json => v !== undefined);
    return items.length ? items : undefined;
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value)
      .map(([k, v]) => [k, compact(v)] as const)
      .filter((entry): entry is readonly [string, Json] => entry[1] !== undefined);
    return entries.length ? Object.fromEntries(entries) : undefined;
  }
  return undefined;
}

/** What serializeJsonLd writes in place of each character that could end or break the script. */
const JSON_LD_ESCAPES: Readonly<Record<string, string>> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

/**
 * JSON for a `<script type="application/ld+json">`: `<`, `>` and `&` are
 * written as Unicode escapes, so text such as `</script>` cannot end the
 * element, and line separators cannot break older parsers.
 */
export function serializeJsonLd(value: unknown): string {
  // One pass over the text (an article's data carries its whole body).
  return JSON.stringify(compact(value) ?? {}).replace(
    /[<>&\u2028\u2029]/g,
    (char) => JSON_LD_ESCAPES[char] ?? char,
  );
}

/** The outlet as a NewsMediaOrganization. */
export interface Publisher {
  name: string;
  url: string;
  logo: { url: string; width: number; height: number };
  /** Absolute URLs of the newsroom's policy pages (issue 11). */
  policies?: PublisherPolicies;
}

/** schema.org's properties for a news organisation's published standards. */
export interface PublisherPolicies {
  correctionsPolicy?: string;
  ethicsPolicy?: string;
  masthead?: string;
  actionableFeedbackPolicy?: string;
}

export function newsMediaOrganization(publisher: Publisher) {
  return {
    '@type': 'NewsMediaOrganization',
    name: publisher.name,
    url: publisher.url,
    logo: { '@type': 'ImageObject', ...publisher.logo },
    ...publisher.policies,
  };
}

export interface NewsArticleInput {
  url: string;
  headline: string;
  description: string;
  /** Absolute URLs, widest crops first. */
  images: string[];
  /**
   * Who made the photo and who holds its rights (issue 15): with any of
   * them, each image is an ImageObject carrying them (Google Search Central,
   * "Image metadata": creditText, copyrightNotice, creator).
   */
  imageRights?:
    | { credit?: string | undefined; copyright?: string | undefined; creator?: string | undefined }
    | undefined;
  publishedAt: Date;
  modifiedAt: Date;
  authors: { name: string; url: string }[];
  publisher: Publisher;
  /** BCP 47 (`es-US`). */
  inLanguage: string;
  section: string;
  keywords: string[];
  corrections: { date: Date; text: string }[];
  /** The type its kind gives the article (src/lib/article-kinds.ts); `NewsArticle` when absent. */
  type?: ArticleSchemaType | undefined;
  /** Live coverage (with type `LiveBlogPosting`): its times and updates, newest first. */
  liveCoverage?: LiveCoverageInput | undefined;
}

/** What a `LiveBlogPosting` says beyond a news article. */
export interface LiveCoverageInput {
  startedAt: Date;
  /** Absent while the coverage runs. */
  endedAt: Date | undefined;
  updates: {
    /** Absolute URL of the update on the page (with its anchor). */
    url: string;
    date: Date;
    /** The update as plain text. */
    text: string;
    author: { name: string; url: string } | undefined;
  }[];
}

/** Longest headline Google shows for an article; an update's headline is its opening words. */
const HEADLINE_MAX = 110;

function openingWords(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= HEADLINE_MAX) return flat;
  const cut = flat.slice(0, HEADLINE_MAX - 1);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 40 ? cut.lastIndexOf(' ') : cut.length)}…`;
}

/** `coverageStartTime`, `coverageEndTime` and each update as a `liveBlogUpdate` BlogPosting. */
function liveBlogFields(live: LiveCoverageInput | undefined) {
  if (!live) return {};
  return {
    coverageStartTime: live.startedAt,
    coverageEndTime: live.endedAt,
    liveBlogUpdate: live.updates.map((update) => ({
      '@type': 'BlogPosting',
      url: update.url,
      headline: openingWords(update.text),
      articleBody: update.text,
      datePublished: update.date,
      author: update.author && { '@type': 'Person', ...update.author },
    })),
  };
}

/**
 * NewsArticle (or the type the article's kind gives it: analysis, opinion,
 * live blog), with the fields Google's article guidelines ask for.
 */
export function newsArticle(input: NewsArticleInput) {
  return {
    '@context': 'https://schema.org',
    '@type': input.type ?? 'NewsArticle',
    mainEntityOfPage: { '@type': 'WebPage', '@id': input.url },
    url: input.url,
    headline: input.headline,
    description: input.description,
    image: imagesWithRights(input.images, input.imageRights),
    datePublished: input.publishedAt,
    dateModified: input.modifiedAt,
    author: input.authors.map((a) => ({ '@type': 'Person', name: a.name, url: a.url })),
    publisher: newsMediaOrganization(input.publisher),
    inLanguage: input.inLanguage,
    articleSection: input.section,
    keywords: input.keywords,
    correction: input.corrections.map((c) => ({
      '@type': 'CorrectionComment',
      text: c.text,
      datePublished: c.date,
    })),
    ...liveBlogFields(input.liveCoverage),
  };
}

/**
 * Image URLs as they are, or as ImageObjects with the photo's credit,
 * copyright notice and creator when any is known.
 */
export function imagesWithRights(urls: readonly string[], rights: NewsArticleInput['imageRights']) {
  if (!rights || !(rights.credit || rights.copyright || rights.creator)) return [...urls];
  return urls.map((url) => ({
    '@type': 'ImageObject',
    url,
    contentUrl: url,
    creditText: rights.credit,
    copyrightNotice: rights.copyright,
    creator: rights.creator ? { '@type': 'Person', name: rights.creator } : undefined,
  }));
}

/** WebSite and NewsMediaOrganization for an edition's front page. */
export function frontPageGraph(input: {
  url: string;
  name: string;
  inLanguage: string;
  publisher: Publisher;
}) {
  return {
    '@context': 'https://schema.org',
    '@graph': [
      {
        '@type': 'WebSite',
        url: input.url,
        name: input.name,
        inLanguage: input.inLanguage,
        publisher: {
          '@type': 'NewsMediaOrganization',
          name: input.publisher.name,
          url: input.publisher.url,
        },
      },
      newsMediaOrganization(input.publisher),
    ],
  };
}

/** BreadcrumbList from the top of the site down to the page. */
export function breadcrumbList(trail: { name: string; url: string }[]) {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: trail.map((crumb, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      name: crumb.name,
      item: crumb.url,
    })),
  };
}

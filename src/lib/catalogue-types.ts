import type { ImageMetadata } from 'astro';
import type { Lang } from '../site';
import type { Page } from './pagination';
import type { ArticleKind } from './article-kinds';
import type { RelatedStore } from './related-memo';

/**
 * The catalogue's vocabulary: the plain records it takes (as the content
 * files state them) and what it gives the pages (published stories with
 * their references resolved, listings, front pages).
 */

/** Text written per edition; an edition may be missing (it falls back to another's). */
export type PerLanguage = { [L in Lang]?: string | undefined };

/** An author as `content/authors/<id>.yaml` states it. */
export interface AuthorRecord {
  id: string;
  /** Source file, relative to the project root, for error messages. */
  filePath: string;
  name: string;
  /** Job title per edition. */
  role: PerLanguage;
  /** Biography per edition. */
  bio: PerLanguage;
  avatar: ImageMetadata | undefined;
  links: { label: string; url: string }[];
  /** Fediverse handle (`@user@server.tld`), for `fediverse:creator` (issue 15). */
  fediverse?: string | undefined;
}

/** A section as `content/sections/<id>.yaml` states it. */
export interface SectionRecord {
  id: string;
  filePath: string;
  /** Name per edition. */
  name: Record<Lang, string>;
  /** URL segment per edition; the id where not given. */
  path?: { [L in Lang]?: string | undefined } | undefined;
  /** Position in the navigation, lowest first. */
  order: number;
}

/** The lead photo of an article. */
export interface Hero {
  image: ImageMetadata;
  alt: string;
  caption?: string | undefined;
  credit?: string | undefined;
  /** Copyright notice; from the photo's IPTC/XMP when the frontmatter has none (issue 15). */
  copyright?: string | undefined;
  /** The photographer; from the photo's IPTC/XMP when the frontmatter has none (issue 15). */
  creator?: string | undefined;
}

/** An article as its Markdown file states it, references not yet resolved. */
export interface ArticleRecord {
  /** Entry id: the path under `content/articles` without `.md`. */
  id: string;
  filePath: string;
  /** Digest of the source file; stands in for the body in cache keys. */
  digest: string;
  title: string;
  dek: string;
  publishedAt: Date;
  updatedAt: Date | undefined;
  lang: Lang;
  featured: boolean;
  /** Front-page priority: higher first within a block, then newer (0 unless given). */
  priority: number;
  draft: boolean;
  tags: string[];
  /** Section id. */
  section: string;
  /** Author ids, in byline order. */
  authors: string[];
  hero: Hero | undefined;
  /** Id of the article this one translates. */
  translationOf: string | undefined;
  previousUrls: string[];
  corrections: { date: Date; text: string }[];
  /** News, analysis, opinion or live coverage (src/lib/article-kinds.ts). */
  kind: ArticleKind;
  /** Live coverage's updates as written, each with its body rendered to HTML. */
  updates: LiveUpdateRecord[];
  /** When live coverage ended; undefined while it runs (and for other kinds). */
  coverageEndedAt: Date | undefined;
}

/** A live update as its article's frontmatter states it. */
export interface LiveUpdateRecord {
  date: Date;
  /** Author id, when the update is signed. */
  author: string | undefined;
  /** The text rendered from Markdown. */
  html: string;
}

/** A live update as pages show it: author resolved, anchor decided. */
export interface LiveUpdate {
  date: Date;
  author: Author | undefined;
  html: string;
  /** Fragment id of the update on its article page (`update-20261128-143200`). */
  anchor: string;
}

/** What the catalogue needs to know about the outlet and the build. */
export interface CatalogueSettings {
  /** Editions, in the order they are offered. */
  langs: readonly Lang[];
  /** Stories per listing page. */
  pageSize: number;
  /** The moment the build treats as now: later stories are scheduled. */
  now: Date;
  /**
   * What every page shows that the catalogue does not decide (the footer's
   * links to the newsroom's own pages), as JSON-able data: part of every
   * page's cache key, so changing it rebuilds every page.
   */
  shared?: unknown;
  /** Where related stories are kept between builds (related-memo.ts); none: found every time. */
  relatedStore?: RelatedStore | undefined;
}

/** An author as bylines and author pages show them. */
export type Author = AuthorRecord;

export interface Section {
  id: string;
  name: Record<Lang, string>;
  /** URL segment per edition. */
  slug: Record<Lang, string>;
  order: number;
}

/** The same story in another edition. */
export interface TranslationLink {
  lang: Lang;
  path: string;
  title: string;
}

/** A published article with its references resolved and its URL decided. */
export interface Article extends Omit<ArticleRecord, 'section' | 'authors' | 'updates'> {
  /** Live coverage's updates, newest first. */
  updates: LiveUpdate[];
  slug: string;
  /** Site path, `/en/2024/11/12/slug/`. */
  path: string;
  section: Section;
  authors: Author[];
  /** Latest of publication, update and corrections. */
  modifiedAt: Date;
  /** The published versions in the other editions, in edition order. */
  translations: TranslationLink[];
}

/** A titled list of stories with a feed, cut into pages: section, tag, author, archive. */
export interface Listing<K extends string, T> {
  kind: K;
  lang: Lang;
  /** First page's path. */
  path: string;
  subject: T;
  /** Newest first. */
  articles: Article[];
  pages: Page<Article>[];
}

/** A month of an edition's archive. */
export interface ArchiveMonth {
  year: string;
  month: string;
}

/** A year of an edition's archive with its months, newest first. */
export interface ArchiveYear {
  year: string;
  path: string;
  months: { month: string; path: string; count: number }[];
}

/** What an article page shows besides its own story. */
export interface ArticleContext {
  related: Article[];
  /** The next newer and older story of the same section. */
  newer: Article | undefined;
  older: Article | undefined;
}

/** An edition's front page. */
export interface FrontPage {
  lead: Article | undefined;
  /** Stories in a column beside a lead without a photo. */
  beside: Article[];
  latest: Article[];
  rails: { section: Section; articles: Article[] }[];
}

/** Google News: the stories of the last 48 hours, at most 1,000 (Google's limits). */
export const NEWS_WINDOW_HOURS = 48;
export const NEWS_MAX_URLS = 1000;

export interface Catalogue {
  /** Published articles, newest first; of one edition when `lang` is given. */
  published(lang?: Lang): Article[];
  /** Every section, in navigation order. */
  sections: Section[];
  /** Sections with at least one published story in the edition, in order. */
  editionSections(lang: Lang): Section[];
  frontPage(lang: Lang): FrontPage;
  sectionListings: Listing<'section', Section>[];
  authorListings: Listing<'author', Author>[];
  /** Tags of every edition, alphabetical in the edition's language. */
  tagListings: Listing<'tag', string>[];
  /** An edition's tags for its tag index, alphabetical, with their story counts. */
  tagIndex(lang: Lang): { name: string; path: string; count: number }[];
  /** Months of every edition, newest first. */
  monthListings: Listing<'month', ArchiveMonth>[];
  archiveYears(lang: Lang): ArchiveYear[];
  articleContext(article: Article): ArticleContext;
  /** Former article paths and where they lead now. */
  redirects: { from: string; to: string }[];
  /** The stories the Google News sitemap lists, newest first. */
  newsSitemap: Article[];
  /** Advice for editors on published stories that does not stop the build. */
  warnings: string[];
  /** Stories without a hero, which get a drawn share card. */
  drawnCards: Article[];
  /** Every correction of an edition's published stories, newest first (the corrections page and feed). */
  corrections(lang: Lang): PublishedCorrection[];
  /** Keys that let an incremental build reuse a page while it is unchanged. */
  cacheKeys: {
    articlePage(article: Article, context: ArticleContext): string;
    listingPage<K extends string, T>(listing: Listing<K, T>, page: Page<Article>): string;
    /** A file made from these stories alone, in this order (an edition's search records of one year). */
    stories(articles: readonly Article[]): string;
    /** An edition's search records of these stories, in this order: only what a record holds. */
    searchRecords(articles: readonly Article[]): string;
    /**
     * What `searchRecords` keys, story by story: the part every record
     * shares, and each story's URL with the digest of what its record holds.
     */
    searchInputs(articles: readonly Article[]): SearchInputs;
  };
}

/** The inputs of a bundle's search records, story by story (`cacheKeys.searchInputs`). */
export interface SearchInputs {
  shared: string;
  /** `[url, digest]` of each story, in the records' order. */
  stories: [string, string][];
}

/** A correction as the corrections page and feed list it. */
export interface PublishedCorrection {
  article: Article;
  /** Position among the article's corrections, oldest first (0-based): its anchor is `correction-<n + 1>`. */
  index: number;
  date: Date;
  text: string;
}

import { getCollection, type CollectionEntry } from 'astro:content';
import type { ImageMetadata } from 'astro';
import { SITE, type Lang } from '../site';
import { getBuildTime, getPageSize } from './build-time';
import { zonedDateParts } from './dates';
import { createStoryDigest, digest } from './cache-key';
import { assertSafeHtml, contentWarnings } from './content-checks';
import { composeFrontPage } from './front-page';
import { paginate, type Page } from './pagination';
import {
  ContentError,
  assertUniquePaths,
  isPublished,
  lastModified,
  resolveReference,
  selectPublished,
} from './publishing';
import { createRelatedFinder, sectionNeighbours } from './related';
import { linkTranslations } from './translations';
import {
  archiveMonthPath,
  archiveYearPath,
  articlePath,
  authorPath,
  sectionPath,
  slugFromId,
  tagPath,
  tagSlug,
} from './urls';

/**
 * The query module: the only place that reads the content collections and
 * decides what is published and in what order. Pages, feeds and the sitemap
 * all ask here.
 */

/** Stories per page on section, tag, author and archive pages. */
const PAGE_SIZE = getPageSize(SITE.pageSize);

export interface Author {
  id: string;
  name: string;
  role: string;
  bio: string;
  avatar: ImageMetadata | undefined;
  links: { label: string; url: string }[];
}

export interface Section {
  id: string;
  name: Record<Lang, string>;
  /** URL segment per edition. */
  slug: Record<Lang, string>;
  order: number;
}

export interface Hero {
  image: ImageMetadata;
  alt: string;
  caption: string | undefined;
  credit: string | undefined;
}

/** The other-language version of an article. */
export interface TranslationLink {
  lang: Lang;
  path: string;
  title: string;
}

/** An article with its references resolved and its URL decided. */
export interface Article {
  id: string;
  slug: string;
  /** Source file, relative to the project root, for error messages. */
  filePath: string;
  /** Site path, `/en/2024/11/12/slug/`. */
  path: string;
  title: string;
  dek: string;
  publishedAt: Date;
  updatedAt: Date | undefined;
  lang: Lang;
  featured: boolean;
  draft: boolean;
  tags: string[];
  section: Section;
  authors: Author[];
  hero: Hero | undefined;
  translationOf: string | undefined;
  /** Former paths that redirect here. */
  previousUrls: string[];
  /** Corrections, oldest first. */
  corrections: { date: Date; text: string }[];
  /** Latest of publication, update and corrections. */
  modifiedAt: Date;
  /** The published counterpart in the other edition, if any. */
  translation: TranslationLink | undefined;
  /** The collection entry, for `render()` and the body HTML. */
  entry: CollectionEntry<'articles'>;
}

/** Path segments a section slug may not take, because other pages live there. */
const RESERVED_SLUGS = new Set(['author', 'tag', 'archive', 'page', 'rss.xml']);

function toAuthor(entry: CollectionEntry<'authors'>): Author {
  const { name, role, bio, avatar, links } = entry.data;
  return { id: entry.id, name, role, bio, avatar, links };
}

function toSection(entry: CollectionEntry<'sections'>): Section {
  const slug = Object.fromEntries(
    SITE.langs.map((lang) => [lang, entry.data.path?.[lang] ?? entry.id]),
  ) as Record<Lang, string>;
  for (const [lang, value] of Object.entries(slug)) {
    if (RESERVED_SLUGS.has(value) || /^\d+$/.test(value)) {
      throw new ContentError(
        entry.filePath ?? `content/sections/${entry.id}.yaml`,
        `path.${lang}`,
        `"${value}" is taken by other pages of the site; choose another path`,
      );
    }
  }
  return { id: entry.id, name: entry.data.name, slug, order: entry.data.order };
}

function toArticle(
  entry: CollectionEntry<'articles'>,
  authors: ReadonlyMap<string, Author>,
  sections: ReadonlyMap<string, Section>,
): Article {
  const file = entry.filePath ?? `content/articles/${entry.id}.md`;
  const { data } = entry;
  const slug = slugFromId(entry.id);
  return {
    id: entry.id,
    slug,
    filePath: file,
    path: articlePath({ lang: data.lang, publishedAt: data.publishedAt, slug }),
    title: data.title,
    dek: data.dek,
    publishedAt: data.publishedAt,
    updatedAt: data.updatedAt,
    lang: data.lang,
    featured: data.featured,
    draft: data.draft,
    tags: data.tags,
    section: resolveReference(sections, data.section.id, {
      file,
      field: 'section',
      kind: 'section',
      folder: 'content/sections',
    }),
    authors: data.authors.map((ref, index) =>
      resolveReference(authors, ref.id, {
        file,
        field: `authors[${index}]`,
        kind: 'author',
        folder: 'content/authors',
      }),
    ),
    hero: data.hero && {
      image: data.hero.image,
      alt: data.hero.alt,
      caption: data.hero.caption,
      credit: data.hero.credit,
    },
    translationOf: data.translationOf,
    previousUrls: data.previousUrls,
    corrections: data.corrections,
    modifiedAt: lastModified(data),
    translation: undefined,
    entry,
  };
}

interface Catalogue {
  articles: Article[];
  authors: Author[];
  sections: Section[];
  /** Published articles per edition, newest first. */
  byEdition: Map<Lang, Article[]>;
}

let catalogue: Promise<Catalogue> | undefined;

async function loadCatalogue(): Promise<Catalogue> {
  const [articleEntries, authorEntries, sectionEntries] = await Promise.all([
    getCollection('articles'),
    getCollection('authors'),
    getCollection('sections'),
  ]);
  const authors = authorEntries.map(toAuthor);
  const sections = sectionEntries.map(toSection).sort((a, b) => a.order - b.order);
  const authorsById = new Map(authors.map((a) => [a.id, a]));
  const sectionsById = new Map(sections.map((s) => [s.id, s]));
  const now = getBuildTime();
  // Every article is resolved, drafts included, so a broken reference in a
  // draft is caught before the draft is published.
  const all = articleEntries.map((entry) => toArticle(entry, authorsById, sectionsById));
  const counterparts = linkTranslations(all, (a) => isPublished(a, now));
  const articles = selectPublished(all, { now }).map((article) => {
    const other = counterparts.get(article.id);
    return other
      ? { ...article, translation: { lang: other.lang, path: other.path, title: other.title } }
      : article;
  });
  assertUniquePaths(articles);
  // Drafts may be empty or half-written; what goes out must be sound.
  for (const article of articles) {
    assertSafeHtml(article.filePath, article.entry.rendered?.html ?? '');
    for (const warning of contentWarnings(article.filePath, article))
      console.warn(`[content] warning: ${warning}`);
  }
  const byEdition = new Map(
    SITE.langs.map((lang) => [lang, articles.filter((a) => a.lang === lang)]),
  );
  return { articles, authors, sections, byEdition };
}

function getCatalogue(): Promise<Catalogue> {
  catalogue ??= loadCatalogue();
  return catalogue;
}

/** Published articles, newest first; of one edition when `lang` is given. */
export async function getPublishedArticles(lang?: Lang): Promise<Article[]> {
  const { articles, byEdition } = await getCatalogue();
  return lang === undefined ? articles : (byEdition.get(lang) ?? []);
}

/** Memoises work that many routes ask for (listings feed pages and feeds alike). */
function once<T>(compute: () => Promise<T>): () => Promise<T> {
  let result: Promise<T> | undefined;
  return () => (result ??= compute());
}

/** Memoises per-edition work that every page of an edition asks for. */
function perEdition<T>(compute: (lang: Lang) => Promise<T>): (lang: Lang) => Promise<T> {
  const cache = new Map<Lang, Promise<T>>();
  return (lang) => {
    const cached = cache.get(lang) ?? compute(lang);
    cache.set(lang, cached);
    return cached;
  };
}

/** Sections in navigation order. */
export async function getSections(): Promise<Section[]> {
  return (await getCatalogue()).sections;
}

/** Sections with at least one published article in the edition, in order. */
export const getEditionSections = perEdition(async (lang): Promise<Section[]> => {
  const articles = await getPublishedArticles(lang);
  const used = new Set(articles.map((a) => a.section.id));
  return (await getSections()).filter((s) => used.has(s.id));
});

/** Editions as `getStaticPaths` params. */
export function editionParams(): { params: { lang: Lang } }[] {
  return SITE.langs.map((lang) => ({ params: { lang } }));
}

/** An edition's front page: lead story, latest news, a rail per section. */
export async function getFrontPage(lang: Lang): Promise<{
  lead: Article | undefined;
  latest: Article[];
  rails: { section: Section; articles: Article[] }[];
}> {
  const sections = await getSections();
  const page = composeFrontPage(
    await getPublishedArticles(lang),
    sections.map((s) => s.id),
  );
  return {
    lead: page.lead,
    latest: page.latest,
    rails: page.rails.flatMap(({ sectionId, articles }) => {
      const section = sections.find((s) => s.id === sectionId);
      return section ? [{ section, articles }] : [];
    }),
  };
}

/** A titled list of stories with a feed, cut into pages: section, tag, author, archive. */
export interface Listing<K extends string, T> {
  kind: K;
  lang: Lang;
  /** First page's path. */
  path: string;
  subject: T;
  articles: Article[];
  pages: Page<Article>[];
}

function listing<K extends string, T>(
  kind: K,
  lang: Lang,
  path: string,
  subject: T,
  articles: Article[],
): Listing<K, T> {
  return { kind, lang, path, subject, articles, pages: paginate(articles, PAGE_SIZE, path) };
}

/** Every section of every edition that has articles, with its pages. */
export const getSectionListings = once(async function getSectionListings(): Promise<
  Listing<'section', Section>[]
> {
  const result: Listing<'section', Section>[] = [];
  for (const lang of SITE.langs) {
    const articles = await getPublishedArticles(lang);
    for (const section of await getEditionSections(lang)) {
      result.push(
        listing(
          'section',
          lang,
          sectionPath(lang, section.slug[lang]),
          section,
          articles.filter((a) => a.section.id === section.id),
        ),
      );
    }
  }
  return result;
});

/** Every author with published articles in an edition, with their pages. */
export const getAuthorListings = once(async function getAuthorListings(): Promise<
  Listing<'author', Author>[]
> {
  const { authors } = await getCatalogue();
  const result: Listing<'author', Author>[] = [];
  for (const lang of SITE.langs) {
    const articles = await getPublishedArticles(lang);
    for (const author of authors) {
      const theirs = articles.filter((a) => a.authors.some((x) => x.id === author.id));
      if (theirs.length > 0) {
        result.push(listing('author', lang, authorPath(lang, author.id), author, theirs));
      }
    }
  }
  return result;
});

/** Every tag used in an edition (display form from its newest use), with its pages. */
export const getTagListings = once(async function getTagListings(): Promise<
  Listing<'tag', string>[]
> {
  const result: Listing<'tag', string>[] = [];
  for (const lang of SITE.langs) {
    const byTag = new Map<string, { tag: string; articles: Article[] }>();
    for (const article of await getPublishedArticles(lang)) {
      for (const tag of article.tags) {
        const group = byTag.get(tagSlug(tag)) ?? { tag, articles: [] };
        byTag.set(tagSlug(tag), group);
        if (!group.articles.includes(article)) group.articles.push(article);
      }
    }
    for (const { tag, articles } of byTag.values()) {
      result.push(listing('tag', lang, tagPath(lang, tag), tag, articles));
    }
  }
  return result.sort((a, b) => a.subject.localeCompare(b.subject, a.lang));
});

/** A month of an edition's archive. */
export interface ArchiveMonth {
  year: string;
  month: string;
}

/** Month pages of each edition's archive, newest month first. */
export const getMonthListings = once(async function getMonthListings(): Promise<
  Listing<'month', ArchiveMonth>[]
> {
  const result: Listing<'month', ArchiveMonth>[] = [];
  for (const lang of SITE.langs) {
    const byMonth = Map.groupBy(await getPublishedArticles(lang), (article) => {
      const { year, month } = zonedDateParts(article.publishedAt);
      return `${year}-${month}`;
    });
    for (const [key, articles] of byMonth) {
      const [year = '', month = ''] = key.split('-');
      result.push(
        listing('month', lang, archiveMonthPath(lang, year, month), { year, month }, articles),
      );
    }
  }
  return result;
});

/** Years of an edition's archive, newest first, each with its months and counts. */
export async function getArchiveYears(
  lang: Lang,
): Promise<
  { year: string; path: string; months: { month: string; path: string; count: number }[] }[]
> {
  const months = (await getMonthListings()).filter((m) => m.lang === lang);
  const years = [...new Set(months.map((m) => m.subject.year))].sort().reverse();
  return years.map((year) => ({
    year,
    path: archiveYearPath(lang, year),
    months: months
      .filter((m) => m.subject.year === year)
      .map((m) => ({ month: m.subject.month, path: m.path, count: m.articles.length }))
      .sort((a, b) => b.month.localeCompare(a.month)),
  }));
}

/** What an article page shows around the story: related stories, section neighbours. */
export async function getArticleContext(article: Article): Promise<{
  related: Article[];
  newer: Article | undefined;
  older: Article | undefined;
}> {
  const { findRelated, around } = await editionIndex(article.lang);
  return {
    related: findRelated(article),
    ...(around.get(article.id) ?? { newer: undefined, older: undefined }),
  };
}

/** Per edition, built once: the related-stories finder and each section's stories. */
const editionIndex = perEdition(async (lang) => {
  const edition = await getPublishedArticles(lang);
  const around = sectionNeighbours(edition);
  return { findRelated: createRelatedFinder(edition), around };
});

/** What an article page shows besides its own story. */
export type ArticleContext = Awaited<ReturnType<typeof getArticleContext>>;

/**
 * Keys for Astro's incremental builds (see lib/cache-key.ts): a page is
 * copied from the previous build only while its key is unchanged. Every key
 * holds the parts all pages share (the edition's navigation, the footer's
 * year) and a digest of each story the page shows.
 */
export const getCacheKeys = once(async function getCacheKeys() {
  const shared = digest([
    zonedDateParts(getBuildTime()).year,
    await Promise.all(SITE.langs.map((lang) => getEditionSections(lang))),
  ]);
  const story = createStoryDigest<Article>();
  return {
    articlePage: (article: Article, context: ArticleContext): string =>
      digest([
        shared,
        story(article),
        context.related.map(story),
        context.newer && story(context.newer),
        context.older && story(context.older),
      ]),
    listingPage: <K extends string, T>(listing: Listing<K, T>, page: Page<Article>): string =>
      digest([
        shared,
        listing.kind,
        listing.lang,
        listing.path,
        listing.subject,
        page.number,
        page.total,
        page.items.map(story),
      ]),
  };
});

/** Former article paths and where they lead now; refuses one that shadows a live page. */
export async function getRedirects(): Promise<{ from: string; to: string }[]> {
  const articles = await getPublishedArticles();
  const live = new Set(articles.map((a) => a.path));
  const seen = new Map<string, string>();
  return articles.flatMap((article) =>
    article.previousUrls.map((from) => {
      if (live.has(from)) {
        throw new ContentError(
          article.filePath,
          'previousUrls',
          `${from} is the address of a published article`,
        );
      }
      const other = seen.get(from);
      if (other !== undefined && other !== article.filePath) {
        throw new ContentError(
          article.filePath,
          'previousUrls',
          `${from} is already claimed by ${other}`,
        );
      }
      seen.set(from, article.filePath);
      return { from, to: article.path };
    }),
  );
}

import { getCollection, type CollectionEntry } from 'astro:content';
import type { ImageMetadata } from 'astro';
import { SITE, type Lang } from '../site';
import { getBuildTime } from './build-time';
import { composeFrontPage } from './front-page';
import { assertUniquePaths, resolveReference, selectPublished } from './publishing';
import { articlePath, slugFromId, tagSlug } from './urls';

/**
 * The query module: the only place that reads the content collections and
 * decides what is published and in what order. Pages, feeds and the sitemap
 * all ask here.
 */

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
  order: number;
}

export interface Hero {
  image: ImageMetadata;
  alt: string;
  caption: string | undefined;
  credit: string | undefined;
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
  /** The collection entry, for `render()` and the body HTML. */
  entry: CollectionEntry<'articles'>;
}

function toAuthor(entry: CollectionEntry<'authors'>): Author {
  const { name, role, bio, avatar, links } = entry.data;
  return { id: entry.id, name, role, bio, avatar, links };
}

function toSection(entry: CollectionEntry<'sections'>): Section {
  return { id: entry.id, name: entry.data.name, order: entry.data.order };
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
    entry,
  };
}

interface Catalogue {
  articles: Article[];
  authors: Author[];
  sections: Section[];
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
  // Every article is resolved, drafts included, so a broken reference in a
  // draft is caught before the draft is published.
  const all = articleEntries.map((entry) => toArticle(entry, authorsById, sectionsById));
  const articles = selectPublished(all, { now: getBuildTime() });
  assertUniquePaths(articles);
  return { articles, authors, sections };
}

function getCatalogue(): Promise<Catalogue> {
  catalogue ??= loadCatalogue();
  return catalogue;
}

/** Published articles, newest first; of one edition when `lang` is given. */
export async function getPublishedArticles(lang?: Lang): Promise<Article[]> {
  const { articles } = await getCatalogue();
  return lang === undefined ? articles : articles.filter((a) => a.lang === lang);
}

/** Sections in navigation order. */
export async function getSections(): Promise<Section[]> {
  return (await getCatalogue()).sections;
}

/** Every author, with the published articles of one edition, newest first. */
export async function getAuthorsWithArticles(
  lang: Lang,
): Promise<{ author: Author; articles: Article[] }[]> {
  const { authors } = await getCatalogue();
  const articles = await getPublishedArticles(lang);
  return authors.map((author) => ({
    author,
    articles: articles.filter((a) => a.authors.some((x) => x.id === author.id)),
  }));
}

/** Editions as `getStaticPaths` params. */
export function editionParams(): { params: { lang: Lang } }[] {
  return SITE.langs.map((lang) => ({ params: { lang } }));
}

/** Sections with at least one published article in the edition, in order. */
export async function getEditionSections(lang: Lang): Promise<Section[]> {
  const articles = await getPublishedArticles(lang);
  const used = new Set(articles.map((a) => a.section.id));
  return (await getSections()).filter((s) => used.has(s.id));
}

/** Published articles of one edition grouped by tag, newest first within each. */
export async function getTagsWithArticles(
  lang: Lang,
): Promise<{ tag: string; slug: string; articles: Article[] }[]> {
  const byTag = new Map<string, { tag: string; slug: string; articles: Article[] }>();
  for (const article of await getPublishedArticles(lang)) {
    for (const tag of article.tags) {
      const slug = tagSlug(tag);
      // The first spelling met (on the newest article) names the tag.
      const group = byTag.get(slug) ?? { tag, slug, articles: [] };
      byTag.set(slug, group);
      group.articles.push(article);
    }
  }
  return [...byTag.values()];
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

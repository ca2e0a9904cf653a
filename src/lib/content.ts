import { getCollection, render, type CollectionEntry } from 'astro:content';
import { SITE } from '../site';
import { readBody } from './body-files';
import { getBuildTime, getPageSize } from './build-time';
import { createCatalogue } from './catalogue';
import { editionTypography } from './i18n';
import type { Article, ArticleRecord, Catalogue } from './catalogue-types';
import { renderUpdateText } from './live';
import { relatedStore } from './related-memo';

/**
 * The adapter between Astro's content collections and the catalogue: reads
 * the collections once, hands plain records to `createCatalogue`, and keeps
 * the entries only to render bodies. Every decision about what is published
 * and in what order is the catalogue's (src/lib/catalogue.ts).
 */

export type * from './catalogue-types';

const entries = new Map<string, CollectionEntry<'articles'>>();
let catalogue: Promise<Catalogue> | undefined;

/** The source file of an entry, relative to the project root (the glob loader always sets it). */
const fileOf = (entry: { id: string; filePath?: string | undefined }) => entry.filePath ?? entry.id;

function toRecord(entry: CollectionEntry<'articles'>): ArticleRecord {
  const { id, digest, data } = entry;
  return {
    ...data,
    // Headlines and standfirsts are typed with straight quotes; every page,
    // feed and structured datum shows them with the edition's quotation marks.
    title: editionTypography(data.title, data.lang),
    dek: editionTypography(data.dek, data.lang),
    id,
    filePath: fileOf(entry),
    digest: String(digest ?? ''),
    updatedAt: data.updatedAt,
    hero: data.hero,
    translationOf: data.translationOf,
    coverageEndedAt: data.coverageEndedAt,
    updates: data.updates.map((update) => ({
      date: update.date,
      author: update.author,
      html: renderUpdateText(update.text),
    })),
    section: data.section.id,
    authors: data.authors.map((ref) => ref.id),
  };
}

async function load(): Promise<Catalogue> {
  const [articles, authors, sections, pages] = await Promise.all([
    getCollection('articles'),
    getCollection('authors'),
    getCollection('sections'),
    getCollection('pages'),
  ]);
  for (const entry of articles) entries.set(entry.id, entry);
  const result = createCatalogue({
    articles: articles.map(toRecord),
    authors: authors.map((e) => ({
      id: e.id,
      filePath: fileOf(e),
      ...e.data,
      avatar: e.data.avatar,
    })),
    sections: sections.map((e) => ({ id: e.id, filePath: fileOf(e), ...e.data })),
    settings: {
      langs: SITE.langs,
      pageSize: getPageSize(SITE.pageSize),
      now: getBuildTime(),
      // Every page's footer links the newsroom's pages by title.
      shared: pages.map((page) => [page.id, page.data.title, page.data.role]),
      // A publish takes related stories as the previous build found them
      // when no story's date, tags or section changed (related-memo.ts).
      relatedStore: relatedStore(),
    },
  });
  for (const warning of result.warnings) console.warn(`[content] warning: ${warning}`);
  return result;
}

/** The catalogue of this build, made once. */
export function getCatalogue(): Promise<Catalogue> {
  catalogue ??= load();
  return catalogue;
}

function entryOf(article: Article): CollectionEntry<'articles'> {
  const entry = entries.get(article.id);
  if (!entry) throw new Error(`no collection entry for ${article.filePath}`);
  return entry;
}

/** An article's body, rendered from Markdown, as HTML (feeds), read from its file (lib/body-files.ts). */
export function bodyHtml(article: Article): string {
  return readBody(entryOf(article));
}

/** An article's body as a component (article pages), with its HTML read from its file. */
export function renderBody(article: Article) {
  const entry = entryOf(article);
  const { rendered } = entry;
  return render(rendered ? { ...entry, rendered: { ...rendered, html: readBody(entry) } } : entry);
}

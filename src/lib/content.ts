import { getCollection, render, type CollectionEntry } from 'astro:content';
import { SITE } from '../site';
import { readBody } from './body-files';
import { getBuildTime, getPageSize } from './build-time';
import { createCatalogue } from './catalogue';
import { articleRecord, authorRecord, sectionRecord } from './catalogue-input';
import type { Article, Catalogue } from './catalogue-types';
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

async function load(): Promise<Catalogue> {
  const [articles, authors, sections, pages] = await Promise.all([
    getCollection('articles'),
    getCollection('authors'),
    getCollection('sections'),
    getCollection('pages'),
  ]);
  for (const entry of articles) entries.set(entry.id, entry);
  const result = createCatalogue({
    articles: articles.map(articleRecord),
    authors: authors.map(authorRecord),
    sections: sections.map(sectionRecord),
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

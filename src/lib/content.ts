import { getCollection, render, type CollectionEntry } from 'astro:content';
import { SITE, type Lang } from '../site';
import { getBuildTime, getPageSize } from './build-time';
import { createCatalogue, type Article, type ArticleRecord, type Catalogue } from './catalogue';
import { assertSafeHtml, contentWarnings } from './content-checks';
import { throwProblems, type ContentProblem } from './rules/content-error';

/**
 * The adapter between Astro's content collections and the catalogue: reads
 * the collections once, hands plain records to `createCatalogue`, and keeps
 * the entries only to render bodies. Every decision about what is published
 * and in what order is the catalogue's (src/lib/catalogue.ts).
 */

export type * from './catalogue';

const entries = new Map<string, CollectionEntry<'articles'>>();
let catalogue: Promise<Catalogue> | undefined;

function toRecord({ id, filePath, digest, data }: CollectionEntry<'articles'>): ArticleRecord {
  return {
    ...data,
    id,
    filePath: filePath ?? `content/articles/${id}.md`,
    digest: String(digest ?? ''),
    updatedAt: data.updatedAt,
    hero: data.hero,
    translationOf: data.translationOf,
    section: data.section.id,
    authors: data.authors.map((ref) => ref.id),
  };
}

async function load(): Promise<Catalogue> {
  const [articles, authors, sections] = await Promise.all([
    getCollection('articles'),
    getCollection('authors'),
    getCollection('sections'),
  ]);
  for (const entry of articles) entries.set(entry.id, entry);
  const result = createCatalogue({
    articles: articles.map(toRecord),
    authors: authors.map(({ id, filePath, data }) => ({
      id,
      filePath: filePath ?? `content/authors/${id}.yaml`,
      ...data,
      avatar: data.avatar,
    })),
    sections: sections.map(({ id, filePath, data }) => ({
      id,
      filePath: filePath ?? `content/sections/${id}.yaml`,
      ...data,
    })),
    settings: { langs: SITE.langs, pageSize: getPageSize(SITE.pageSize), now: getBuildTime() },
  });
  // Drafts may be empty or half-written; what goes out must be sound.
  const published = result.published();
  throwProblems(published.flatMap((a) => bodyHtmlProblems(a.filePath, bodyHtml(a))));
  for (const article of published) {
    for (const warning of contentWarnings(article.filePath, article))
      console.warn(`[content] warning: ${warning}`);
  }
  return result;
}

// Stand-in until the sanitiser-based rule lands in src/lib/rules/body-rules.ts.
function bodyHtmlProblems(file: string, html: string): ContentProblem[] {
  try {
    assertSafeHtml(file, html);
    return [];
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return [{ file, field: 'body', problem: message.slice(`${file}: body: `.length) }];
  }
}

/** The catalogue of this build, made once. */
export function getCatalogue(): Promise<Catalogue> {
  catalogue ??= load();
  return catalogue;
}

/** Editions as `getStaticPaths` params. */
export function editionParams(): { params: { lang: Lang } }[] {
  return SITE.langs.map((lang) => ({ params: { lang } }));
}

function entryOf(article: Article): CollectionEntry<'articles'> {
  const entry = entries.get(article.id);
  if (!entry) throw new Error(`no collection entry for ${article.filePath}`);
  return entry;
}

/** An article's body, rendered from Markdown, as HTML (feeds). */
export function bodyHtml(article: Article): string {
  return entryOf(article).rendered?.html ?? '';
}

/** An article's body as a component (article pages). */
export function renderBody(article: Article) {
  return render(entryOf(article));
}

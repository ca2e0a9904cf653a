import type { Lang } from '../site';

import { ContentError } from './rules/content-error';

export { ContentError };

/**
 * The publishing rules, as pure functions over plain objects: what is public
 * at a given moment and in what order. `content.ts` applies them to the
 * content collections; nothing else filters or sorts articles.
 */

/** What the rules need to know about an article. */
export interface Publishable {
  draft: boolean;
  publishedAt: Date;
  lang: Lang;
  featured: boolean;
}

/** Public at `now`: not a draft and not scheduled for later. */
export function isPublished(article: Publishable, now: Date): boolean {
  return !article.draft && article.publishedAt.getTime() <= now.getTime();
}

/** Newest first; ties keep a stable order by the given key. */
export function byNewest<T extends { publishedAt: Date; id: string }>(a: T, b: T): number {
  return b.publishedAt.getTime() - a.publishedAt.getTime() || a.id.localeCompare(b.id);
}

/** Published articles at `now`, optionally of one edition, newest first. */
export function selectPublished<T extends Publishable & { id: string }>(
  articles: readonly T[],
  options: { now: Date; lang?: Lang },
): T[] {
  return articles
    .filter((a) => isPublished(a, options.now))
    .filter((a) => options.lang === undefined || a.lang === options.lang)
    .sort(byNewest);
}

/**
 * The lead story of a list that is already newest first: the newest one
 * marked `featured`, else the newest.
 */
export function pickLead<T extends { featured: boolean }>(articles: readonly T[]): T | undefined {
  return articles.find((a) => a.featured) ?? articles[0];
}

/** Looks up a referenced entry, or throws naming the file and field. */
export function resolveReference<T>(
  byId: ReadonlyMap<string, T>,
  id: string,
  where: { file: string; field: string; kind: string; folder: string },
): T {
  const found = byId.get(id);
  if (found === undefined) {
    const known = [...byId.keys()].sort().join(', ');
    throw new ContentError(
      where.file,
      where.field,
      `unknown ${where.kind} "${id}": there is no ${where.folder}/${id}.yaml (known: ${known})`,
    );
  }
  return found;
}

/** Throws when two articles would be written to the same URL. */
export function assertUniquePaths(articles: readonly { path: string; filePath: string }[]): void {
  const seen = new Map<string, string>();
  for (const article of articles) {
    const other = seen.get(article.path);
    if (other !== undefined) {
      throw new ContentError(
        article.filePath,
        'slug',
        `would be published at ${article.path}, the same URL as ${other}; rename one of the files`,
      );
    }
    seen.set(article.path, article.filePath);
  }
}

/**
 * When an article last changed: the latest of its publication, its update
 * and its corrections. Feeds and structured data report this time.
 */
export function lastModified(article: {
  publishedAt: Date;
  updatedAt?: Date | undefined;
  corrections: readonly { date: Date }[];
}): Date {
  return [article.updatedAt, ...article.corrections.map((c) => c.date)].reduce<Date>(
    (latest, date) => (date && date > latest ? date : latest),
    article.publishedAt,
  );
}

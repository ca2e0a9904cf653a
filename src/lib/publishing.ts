import type { Lang } from '../site';

/**
 * The publishing rules, as pure functions over plain objects: what is public
 * at a given moment and in what order. Only the catalogue (catalogue.ts)
 * applies them.
 */

/** What the rules need to know about an article. */
export interface Publishable {
  draft: boolean;
  publishedAt: Date;
  lang: Lang;
  featured: boolean;
}

/** Public at `now`: not a draft and not scheduled for later. */
export function isPublished(
  article: Pick<Publishable, 'draft' | 'publishedAt'>,
  now: Date,
): boolean {
  return !article.draft && article.publishedAt.getTime() <= now.getTime();
}

/** Newest first; ties keep a stable order by the given key. */
export function byNewest<T extends { publishedAt: Date; id: string }>(a: T, b: T): number {
  return b.publishedAt.getTime() - a.publishedAt.getTime() || a.id.localeCompare(b.id);
}

/**
 * The lead story of a list that is already newest first: the newest one
 * marked `featured`, else the newest.
 */
export function pickLead<T extends { featured: boolean }>(articles: readonly T[]): T | undefined {
  return articles.find((a) => a.featured) ?? articles[0];
}

/**
 * When an article last changed: the latest of its publication, its update,
 * its corrections and its live updates. Feeds and structured data report
 * this time.
 */
export function lastModified(article: {
  publishedAt: Date;
  updatedAt?: Date | undefined;
  corrections: readonly { date: Date }[];
  updates?: readonly { date: Date }[] | undefined;
}): Date {
  return [
    article.updatedAt,
    ...article.corrections.map((c) => c.date),
    ...(article.updates ?? []).map((u) => u.date),
  ].reduce<Date>((latest, date) => (date && date > latest ? date : latest), article.publishedAt);
}

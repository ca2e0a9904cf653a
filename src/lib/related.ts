/**
 * "Related stories" under an article: the stories sharing the most tags,
 * then the same section, newest first among equals. Never the article
 * itself; the caller passes only published stories of the same edition.
 */

export interface Relatable {
  id: string;
  tags: readonly string[];
  section: { id: string };
  publishedAt: Date;
}

/** How close `candidate` is to `article`: two points per shared tag, one for the section. */
export function relatedScore(article: Relatable, candidate: Relatable): number {
  const tags = new Set(article.tags.map((t) => t.toLowerCase()));
  const shared = candidate.tags.filter((t) => tags.has(t.toLowerCase())).length;
  return shared * 2 + (candidate.section.id === article.section.id ? 1 : 0);
}

/**
 * Up to `max` related stories; when fewer than `min` are related at all,
 * the newest other stories fill the list so the block is never a lone link.
 */
export function relatedArticles<T extends Relatable>(
  article: T,
  candidates: readonly T[],
  { min = 3, max = 4 }: { min?: number; max?: number } = {},
): T[] {
  const others = candidates.filter((c) => c.id !== article.id);
  const byNewest = (a: T, b: T) => b.publishedAt.getTime() - a.publishedAt.getTime();
  const scored = others
    .map((candidate) => ({ candidate, score: relatedScore(article, candidate) }))
    .filter(({ score }) => score > 0)
    .sort((a, b) => b.score - a.score || byNewest(a.candidate, b.candidate))
    .map(({ candidate }) => candidate)
    .slice(0, max);
  if (scored.length >= min) return scored;
  const fill = others.filter((c) => !scored.includes(c)).sort(byNewest);
  return [...scored, ...fill].slice(0, min);
}

/** The stories before and after `article` in a newest-first list of its section. */
export function neighbours<T extends { id: string }>(
  article: T,
  sectionArticles: readonly T[],
): { newer: T | undefined; older: T | undefined } {
  const index = sectionArticles.findIndex((a) => a.id === article.id);
  if (index === -1) return { newer: undefined, older: undefined };
  return { newer: sectionArticles[index - 1], older: sectionArticles[index + 1] };
}

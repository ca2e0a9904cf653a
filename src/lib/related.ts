import { byNewest } from './publishing';

/**
 * "Related stories" under an article: the stories sharing the most tags,
 * then the same section, newest first among equals. Never the article
 * itself; the caller passes only published stories of the same edition.
 */

export interface Relatable {
  id: string;
  publishedAt: Date;
  tags: readonly string[];
  section: { id: string };
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

/**
 * For each story of an edition (newest first), the newer and older story
 * of the same section, computed in one pass.
 */
export function sectionNeighbours<T extends { id: string; section: { id: string } }>(
  edition: readonly T[],
): Map<string, { newer: T | undefined; older: T | undefined }> {
  const bySection = Map.groupBy(edition, (article) => article.section.id);
  const around = new Map<string, { newer: T | undefined; older: T | undefined }>();
  for (const list of bySection.values()) {
    list.forEach((article, i) =>
      around.set(article.id, { newer: list[i - 1], older: list[i + 1] }),
    );
  }
  return around;
}

/**
 * `relatedArticles` for a whole edition at once, without comparing every
 * pair: candidates come from an index of the newest stories per tag and
 * per section, so a 10,000-story edition costs thousands of comparisons
 * per article, not millions.
 */
export function createRelatedFinder<T extends Relatable>(
  articles: readonly T[],
  { min = 3, max = 4, perKey = 60 }: { min?: number; max?: number; perKey?: number } = {},
): (article: T) => T[] {
  const newest = [...articles].sort(byNewest);
  const index = new Map<string, T[]>();
  const add = (key: string, article: T) => {
    const list = index.get(key) ?? [];
    if (list.length === 0) index.set(key, list);
    if (list.length < perKey) list.push(article);
  };
  for (const article of newest) {
    for (const tag of new Set(article.tags.map((t) => t.toLowerCase()))) add(`tag:${tag}`, article);
    add(`section:${article.section.id}`, article);
  }
  return (article) => {
    const candidates = new Set<T>();
    for (const tag of article.tags)
      for (const c of index.get(`tag:${tag.toLowerCase()}`) ?? []) candidates.add(c);
    for (const c of index.get(`section:${article.section.id}`) ?? []) candidates.add(c);
    const related = relatedArticles(article, [...candidates], { min: 0, max });
    for (const other of newest) {
      if (related.length >= min) break;
      if (other.id !== article.id && !related.includes(other)) related.push(other);
    }
    return related;
  };
}

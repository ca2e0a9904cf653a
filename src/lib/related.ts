import { byNewest } from './publishing';
import { looseTag } from './tag-identity';

/**
 * "Related stories" under an article: the stories sharing the most tags,
 * then the same section, newest first among equals. Never the article
 * itself, and never a story sharing neither a tag nor the section: a story
 * with nothing related gets no block rather than unrelated news. The caller
 * passes only published stories of the same edition.
 */

export interface Relatable {
  id: string;
  publishedAt: Date;
  tags: readonly string[];
  section: { id: string };
}

const tagSets = new WeakMap<Relatable, Set<string>>();

/** An article's tags as `looseTag` tells them apart, computed once per article. */
function tagsOf(article: Relatable): Set<string> {
  let tags = tagSets.get(article);
  if (tags === undefined) {
    tags = new Set(article.tags.map(looseTag));
    tagSets.set(article, tags);
  }
  return tags;
}

/** Scores candidates against one article: two points per shared tag, one for the section. */
function scorer(article: Relatable): (candidate: Relatable) => number {
  const tags = tagsOf(article);
  return (candidate) => {
    let shared = 0;
    for (const tag of tagsOf(candidate)) if (tags.has(tag)) shared += 1;
    return shared * 2 + (candidate.section.id === article.section.id ? 1 : 0);
  };
}

/** How close `candidate` is to `article`: two points per shared tag, one for the section. */
export function relatedScore(article: Relatable, candidate: Relatable): number {
  return scorer(article)(candidate);
}

/**
 * Up to `max` related stories, best first: more shared tags, then the same
 * section, then newer. Stories sharing neither are never listed, so the list
 * may be shorter than `max`, or empty.
 */
export function relatedArticles<T extends Relatable>(
  article: T,
  candidates: Iterable<T>,
  { max = 4 }: { max?: number } = {},
): T[] {
  if (max <= 0) return [];
  const scoreOf = scorer(article);
  // The best `max` by score, then newest first: kept in order as they come
  // rather than sorting every candidate (a few hundred per story, for each
  // of the archive's stories on every build), with no object made for a
  // candidate that does not make it.
  const best: T[] = [];
  const scores: number[] = [];
  const ranksBefore = (candidate: T, score: number, at: number): boolean => {
    const other = scores[at] as number;
    return score > other || (score === other && byNewest(candidate, best[at] as T) < 0);
  };
  for (const candidate of candidates) {
    if (candidate.id === article.id) continue;
    const score = scoreOf(candidate);
    if (score <= 0) continue;
    if (best.length >= max && !ranksBefore(candidate, score, max - 1)) continue;
    let at = best.length;
    while (at > 0 && ranksBefore(candidate, score, at - 1)) at -= 1;
    best.splice(at, 0, candidate);
    scores.splice(at, 0, score);
    if (best.length > max) {
      best.pop();
      scores.pop();
    }
  }
  return best;
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
  { max = 4, perKey = 60 }: { max?: number; perKey?: number } = {},
): (article: T) => T[] {
  const newest = [...articles].sort(byNewest);
  const index = new Map<string, T[]>();
  const add = (key: string, article: T) => {
    const list = index.get(key) ?? [];
    if (list.length === 0) index.set(key, list);
    if (list.length < perKey) list.push(article);
  };
  for (const article of newest) {
    for (const tag of tagsOf(article)) add(`tag:${tag}`, article);
    add(`section:${article.section.id}`, article);
  }
  return (article) => {
    const candidates = new Set<T>();
    for (const tag of tagsOf(article))
      for (const c of index.get(`tag:${tag}`) ?? []) candidates.add(c);
    for (const c of index.get(`section:${article.section.id}`) ?? []) candidates.add(c);
    return relatedArticles(article, candidates, { max });
  };
}

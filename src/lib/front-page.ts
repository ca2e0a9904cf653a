import { pickLead } from './publishing';

/** How many stories each block of a front page shows. */
export interface FrontPageLimits {
  latest: number;
  perRail: number;
}

export interface FrontPage<T> {
  lead: T | undefined;
  latest: T[];
  rails: { sectionId: string; articles: T[] }[];
}

/**
 * Lays out an edition's front page from its published articles (newest
 * first): the lead story, the latest news, then a rail per section in
 * navigation order. No story appears twice; a section with nothing left to
 * show gets no rail.
 */
export function composeFrontPage<
  T extends { id: string; featured: boolean; section: { id: string } },
>(
  articles: readonly T[],
  sectionIds: readonly string[],
  limits: FrontPageLimits = { latest: 4, perRail: 4 },
): FrontPage<T> {
  const lead = pickLead(articles);
  const rest = articles.filter((a) => a !== lead);
  const latest = rest.slice(0, limits.latest);
  const shown = new Set<T>([...(lead ? [lead] : []), ...latest]);
  const rails = sectionIds
    .map((sectionId) => ({
      sectionId,
      articles: rest
        .filter((a) => a.section.id === sectionId && !shown.has(a))
        .slice(0, limits.perRail),
    }))
    .filter((rail) => rail.articles.length > 0);
  return { lead, latest, rails };
}

import { byFrontOrder, leadLayout } from './front-layout';
import { pickLead } from './publishing';

/** How many stories each block of a front page shows. */
export interface FrontPageLimits {
  latest: number;
  perRail: number;
  /** Stories in the column beside a lead that has no photo. */
  beside: number;
}

export interface FrontPage<T> {
  lead: T | undefined;
  /** The column of stories beside a lead without a photo (empty beside a photo lead). */
  beside: T[];
  latest: T[];
  rails: { sectionId: string; articles: T[] }[];
}

/** What the front page needs to know of a story. */
export interface FrontStory {
  id: string;
  featured: boolean;
  priority: number;
  publishedAt: Date;
  hero?: unknown;
  section: { id: string };
}

/**
 * Lays out an edition's front page from its published articles: the lead
 * story (the first `featured` one in front order, else the first in front
 * order), beside a lead without a photo a column of the next stories, the
 * latest news, then a rail per section in navigation order. Every block
 * takes its stories in front order: higher `priority` first, then newer. No
 * story appears twice; a section with nothing left to show gets no rail.
 */
export function composeFrontPage<T extends FrontStory>(
  articles: readonly T[],
  sectionIds: readonly string[],
  limits: FrontPageLimits = { latest: 4, perRail: 4, beside: 3 },
): FrontPage<T> {
  const ranked = [...articles].sort(byFrontOrder);
  const lead = pickLead(ranked);
  const rest = ranked.filter((a) => a !== lead);
  const besideCount = lead && leadLayout(lead) === 'text' ? limits.beside : 0;
  const beside = rest.slice(0, besideCount);
  const latest = rest.slice(beside.length, beside.length + limits.latest);
  const shown = new Set<T>([...(lead ? [lead] : []), ...beside, ...latest]);
  const rails = sectionIds
    .map((sectionId) => ({
      sectionId,
      articles: rest
        .filter((a) => a.section.id === sectionId && !shown.has(a))
        .slice(0, limits.perRail),
    }))
    .filter((rail) => rail.articles.length > 0);
  return { lead, beside, latest, rails };
}

/**
 * Where a page sits in the site, as one trail used both for the visible
 * breadcrumbs and for the BreadcrumbList structured data: the edition's
 * front page, then the section.
 */
import type { Lang } from '../site';
import { t } from './i18n';
import { editionPath, sectionPath } from './urls';

/** One step of a trail: what a reader sees and where it leads. */
export interface Crumb {
  name: string;
  path: string;
}

/** The section a page belongs to: its name and URL slug per edition. */
export interface TrailSection {
  name: Record<Lang, string>;
  slug: Record<Lang, string>;
}

/**
 * The trail to a page of an edition: the front page ("Portada", "Home"),
 * then the section when the page belongs to one.
 */
export function breadcrumbTrail(lang: Lang, section?: TrailSection): Crumb[] {
  const home = { name: t(lang).home, path: editionPath(lang) };
  if (!section) return [home];
  return [home, { name: section.name[lang], path: sectionPath(lang, section.slug[lang]) }];
}

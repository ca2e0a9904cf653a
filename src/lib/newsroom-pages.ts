import type { Lang } from '../site';
import type { ContentProblem } from './rules/content-error';
import { newsroomPageProblems } from './rules/page-rules';
import { editionPath } from './urls';

/**
 * The pages a newsroom publishes about itself (About, Contact, the
 * corrections and ethics policies, Privacy): `content/pages/<lang>/<slug>.md`,
 * published at `/<lang>/<slug>/`. Each says in frontmatter which `role` it
 * plays; the footer links them in role order and the publisher's structured
 * data names them (src/lib/publisher.ts). Pages of the same role in several
 * editions are translations of each other.
 */

/** What a newsroom page is for, in the order the footer lists them. */
export const PAGE_ROLES = [
  'about',
  'contact',
  'corrections-policy',
  'ethics-policy',
  'privacy-policy',
] as const;

export type PageRole = (typeof PAGE_ROLES)[number];

/** A page as its Markdown file states it. */
export interface NewsroomPageRecord {
  /** Entry id: `<lang>/<slug>`. */
  id: string;
  /** Source file, relative to the project root. */
  filePath: string;
  title: string;
  /** One sentence for search results and the meta description. */
  description: string;
  role: PageRole;
  /** Last substantive change, shown on the page. */
  updatedAt: Date | undefined;
}

/** A page ready to publish, with its edition, URL and versions in other editions. */
export interface NewsroomPage extends NewsroomPageRecord {
  lang: Lang;
  slug: string;
  /** Site path, `/es/sobre-nosotros/`. */
  path: string;
  /** The page of the same role in the other editions. */
  translations: { lang: Lang; path: string; title: string }[];
}

/** Where sections already live, so a page cannot take their address. */
export interface SectionAddress {
  id: string;
  file: string;
  /** URL segment per edition. */
  slug: Readonly<Record<string, string>>;
}

/**
 * Turns page records into publishable pages, or the problems that stop the
 * build (`file: field: problem`): a folder that is no edition, a slug that
 * is not a URL segment or is taken by a section or other pages, two pages of
 * one role in one edition.
 */
export function newsroomPages(
  records: readonly NewsroomPageRecord[],
  langs: readonly Lang[],
  sections: readonly SectionAddress[],
): { pages: NewsroomPage[]; problems: ContentProblem[] } {
  const placed = records.map((record) => {
    const [folder = '', ...rest] = record.id.split('/');
    return { record, folder, slug: rest.join('/') };
  });
  const problems = newsroomPageProblems(placed, langs, sections);
  if (problems.length > 0) return { pages: [], problems };
  const pages = placed.map(({ record, folder, slug }) => {
    const lang = folder as Lang;
    return {
      ...record,
      lang,
      slug,
      path: `${editionPath(lang)}${slug}/`,
      translations: [] as NewsroomPage['translations'],
    };
  });
  for (const page of pages) {
    page.translations = langs.flatMap((lang) =>
      pages
        .filter((other) => other.lang === lang && other !== page && other.role === page.role)
        .map((other) => ({ lang: other.lang, path: other.path, title: other.title })),
    );
  }
  pages.sort(
    (a, b) =>
      langs.indexOf(a.lang) - langs.indexOf(b.lang) ||
      PAGE_ROLES.indexOf(a.role) - PAGE_ROLES.indexOf(b.role),
  );
  return { pages, problems: [] };
}

/** An edition's pages, in footer order. */
export function editionPages(pages: readonly NewsroomPage[], lang: Lang): NewsroomPage[] {
  return pages.filter((page) => page.lang === lang);
}

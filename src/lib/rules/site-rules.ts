import type { ContentProblem } from './content-error';

/**
 * Rules that need the whole site: every address the build writes has
 * exactly one owner. A redirect may not take the address of a page (hosts
 * such as Cloudflare Pages apply `_redirects` even where a file exists), two
 * sections may not share a path, two different tags may not share a tag
 * page, two articles may not share a URL.
 */

/** Path segments a section may not take, because other pages live there. */
const RESERVED_SEGMENTS = new Set(['author', 'tag', 'archive', 'page', 'og']);

/**
 * A section's URL segment per edition may not be one other pages use: a
 * reserved folder (`tag`, `author`…), a number (years) or a file name
 * (`rss.xml`).
 */
export function sectionPathProblems(
  file: string,
  slugs: Readonly<Record<string, string>>,
): ContentProblem[] {
  return Object.entries(slugs).flatMap(([lang, value]) => {
    const problem = reservedSegmentProblem(value);
    return problem ? [{ file, field: `path.${lang}`, problem }] : [];
  });
}

/**
 * Why a URL segment under an edition is taken by other pages (a reserved
 * folder, a number, a file name), or undefined when it is free. Sections
 * and the newsroom's own pages both live there.
 */
export function reservedSegmentProblem(value: string): string | undefined {
  return RESERVED_SEGMENTS.has(value) || /^\d+$/.test(value) || /\.\w+$/.test(value)
    ? `"${value}" is taken by other pages of the site; choose another path`
    : undefined;
}

/** Something the build writes at `path`, and who asked for it. */
export interface PathClaim {
  path: string;
  /** What owns it, for messages: `an article`, `section "world"`, `tag "C++"`. */
  owner: string;
  /**
   * Claims with the same key are one owner claiming again (the same tag on
   * many stories). Without a key, every claim is its own owner.
   */
  key?: string | undefined;
  /** The content file and field that asked for it; absent for pages the site derives. */
  file?: string | undefined;
  field?: string | undefined;
}

function describe(claim: PathClaim): string {
  return claim.file ? `${claim.owner} (${claim.file}: ${claim.field})` : claim.owner;
}

/** One problem for each claim on an address that another owner already holds. */
export function siteProblems(claims: readonly PathClaim[]): ContentProblem[] {
  const owners = new Map<string, PathClaim>();
  const problems: ContentProblem[] = [];
  for (const claim of claims) {
    const first = owners.get(claim.path);
    if (first === undefined) {
      owners.set(claim.path, claim);
      continue;
    }
    if (claim.key !== undefined && claim.key === first.key) continue;
    // Report against the content file that can be changed: the later claim's
    // if it has one, else the first's.
    const [blamed, other] = claim.file ? [claim, first] : [first, claim];
    if (!blamed.file) {
      throw new Error(`two pages of the site are both written at ${claim.path}`);
    }
    problems.push({
      file: blamed.file,
      field: blamed.field ?? '',
      problem: `${blamed.owner} would be at ${claim.path}, the same URL as ${describe(other)}; every URL has one owner: change one of them`,
    });
  }
  return problems;
}

import type { ContentProblem } from './content-error';
import { reservedSegmentProblem, siteProblems, type PathClaim } from './site-rules';

/**
 * Rules for the newsroom's own pages (`content/pages/<lang>/<slug>.md`):
 * each lives in an edition's folder, its file name is its URL segment, it
 * may not take the address of a section or of other pages, and an edition
 * has at most one page per role.
 */

/** A page file as the rules see it: its record, its folder and its slug. */
interface PlacedPage {
  record: { filePath: string; role: string };
  folder: string;
  slug: string;
}

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Every problem with where the pages would be published, as `file: field: problem`. */
export function newsroomPageProblems(
  pages: readonly PlacedPage[],
  langs: readonly string[],
  sections: readonly { id: string; file: string; slug: Readonly<Record<string, string>> }[],
): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const claims: PathClaim[] = sections.flatMap((section) =>
    langs.map((lang) => ({
      path: `/${lang}/${section.slug[lang] ?? section.id}/`,
      owner: `section "${section.id}"`,
      file: section.file,
      field: `path.${lang}`,
    })),
  );
  const roles = new Map<string, string>();
  for (const { record, folder, slug } of pages) {
    const file = record.filePath;
    if (!langs.includes(folder) || slug === '' || slug.includes('/')) {
      problems.push({
        file,
        field: 'file name',
        problem: `a page lives in content/pages/<edition>/<slug>.md with an edition of ${langs.join(', ')}; move it there`,
      });
      continue;
    }
    if (!SLUG.test(slug)) {
      problems.push({
        file,
        field: 'slug',
        problem: `"${slug}" is the page's URL segment: name the file with lower-case letters, digits and hyphens`,
      });
      continue;
    }
    const reserved = reservedSegmentProblem(slug);
    if (reserved) {
      problems.push({ file, field: 'slug', problem: reserved });
      continue;
    }
    const role = `${folder}:${record.role}`;
    const first = roles.get(role);
    if (first !== undefined) {
      problems.push({
        file,
        field: 'role',
        problem: `${first} is already the "${record.role}" page of the ${folder} edition; an edition has one page per role`,
      });
    } else {
      roles.set(role, file);
    }
    claims.push({ path: `/${folder}/${slug}/`, owner: 'a newsroom page', file, field: 'slug' });
  }
  return [...problems, ...siteProblems(claims)];
}

import { slug } from 'github-slugger';
import type { ContentProblem } from './content-error';

/**
 * Rules on the names of content files, checked once per build over the
 * folder listing: the glob loader only sees `*.md` (`*.yaml`) files, and
 * gives two files the same entry id when their names differ only in case or
 * punctuation, keeping one of them without a word.
 */

/** Extensions of Markdown files other than `.md` (compared in lower case). */
const MARKDOWN_LIKE = new Set([
  '.md',
  '.markdown',
  '.mdown',
  '.mkdn',
  '.mkd',
  '.mdwn',
  '.mdx',
  '.markdn',
  '.mdtxt',
  '.mdtext',
  '.rmd',
]);
/** Extensions of YAML files other than `.yaml`. */
const YAML_LIKE = new Set(['.yaml', '.yml']);

/** `.md` of `2026/story.md`, or '' for a name without one. */
function extensionOf(path: string): string {
  const name = path.split('/').at(-1) ?? path;
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot) : '';
}

/**
 * Ids already made, by path: a build asks for each article's twice (the
 * folder's problems, then the index references are checked against), and
 * slugging 10,000 names took 30-50 ms each time.
 */
const ids = new Map<string, string>();

/**
 * The id Astro's glob loader gives a file (path relative to the collection
 * folder): the extension dropped, each folder and the name slugged as
 * github-slugger does (lower case, punctuation dropped, spaces to hyphens),
 * a trailing `/index` dropped. `2026/Dup-Case.md` → `2026/dup-case`,
 * `Jane Doe.yaml` → `jane-doe`.
 */
export function entryIdOf(relativePath: string): string {
  const known = ids.get(relativePath);
  if (known !== undefined) return known;
  const withoutExtension = relativePath.slice(
    0,
    relativePath.length - extensionOf(relativePath).length,
  );
  const id = withoutExtension
    .split('/')
    .map((segment) => slug(segment))
    .join('/')
    .replace(/\/index$/, '');
  ids.set(relativePath, id);
  return id;
}

/** Whether an id can be part of a URL: every segment has a letter or a digit. */
function usableId(id: string): boolean {
  return id.split('/').every((segment) => /[\p{L}\p{N}]/u.test(segment));
}

/**
 * Problems in the listing of a collection folder (`files` relative to
 * `folder`, with `/`): files the loader would skip because of their
 * extension, ids that come out empty, and files that share an id.
 * `extension` is what the loader reads (`.md`, `.yaml`).
 */
export function folderProblems(
  folder: string,
  files: readonly string[],
  extension: '.md' | '.yaml',
): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const similar = extension === '.md' ? MARKDOWN_LIKE : YAML_LIKE;
  const byId = new Map<string, string>();
  for (const path of [...files].sort()) {
    const file = `${folder}/${path}`;
    const ext = extensionOf(path);
    if (ext !== extension) {
      if (similar.has(ext.toLowerCase())) {
        const renamed = `${path.slice(0, path.length - ext.length)}${extension}`;
        problems.push({
          file,
          field: 'file name',
          problem: `only ${extension} files are read, so this one would be left out without a word; rename it to ${renamed}`,
        });
      }
      continue;
    }
    const id = entryIdOf(path);
    if (!usableId(id)) {
      problems.push({
        file,
        field: 'file name',
        problem: `gives the id "${id}", which cannot be part of a URL; name the file with letters or digits (lower case, hyphens)`,
      });
      continue;
    }
    const other = byId.get(id);
    if (other !== undefined) {
      problems.push({
        file,
        field: 'file name',
        problem: `has the same id "${id}" as ${folder}/${other} (ids ignore case and punctuation), so one would be dropped; rename one of them`,
      });
      problems.push({
        file: `${folder}/${other}`,
        field: 'file name',
        problem: `has the same id "${id}" as ${file}; rename one of them`,
      });
    } else {
      byId.set(id, path);
    }
  }
  return problems;
}

/** Entry id → file (relative to `folder`) of the files the loader reads. */
export function entryIds(
  files: readonly string[],
  extension: '.md' | '.yaml',
): Map<string, string> {
  const ids = new Map<string, string>();
  for (const path of files) if (extensionOf(path) === extension) ids.set(entryIdOf(path), path);
  return ids;
}

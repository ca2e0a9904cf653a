import { posix } from 'node:path';
import { tagSlug } from '../urls';
import { bodyImageReferences, bodySourceProblems } from './body-rules';
import type { ContentProblem } from './content-error';
import { bodyOf, frontmatterDateProblems, frontmatterOf } from './date-rules';
import { entryIds, folderProblems } from './file-rules';
import { imageFileProblem, type FileProbe } from './file-reference-rules';
import { textFieldProblems } from './text-rules';
import { authorLinkProblems } from './yaml-url-rules';

/**
 * The rules an article, author or section file must pass on its own text,
 * before the schema and before any page is built, so `npm run check:content`
 * (astro sync) finds them in seconds. The loader wrapper in
 * src/content.config.ts calls these, and checks each rendered body
 * (body-rules.ts) before it is stored; the catalogue adds the rules that
 * need the whole site (site-rules.ts).
 */

/** Where each collection's files live, relative to the project root. */
export const CONTENT_FOLDERS = {
  articles: 'content/articles',
  authors: 'content/authors',
  sections: 'content/sections',
} as const;

/** The entry ids of every collection, read once per build from the folder listings. */
export interface ContentIndex {
  /** Entry id → file name relative to its folder, per collection. */
  articles: Map<string, string>;
  authors: Map<string, string>;
  sections: Map<string, string>;
}

/** Lists the content folders once: the index references are checked against. */
export function contentIndex(probe: FileProbe): ContentIndex {
  return {
    articles: entryIds(probe.list(CONTENT_FOLDERS.articles), '.md'),
    authors: entryIds(probe.list(CONTENT_FOLDERS.authors), '.yaml'),
    sections: entryIds(probe.list(CONTENT_FOLDERS.sections), '.yaml'),
  };
}

/** The extension each collection's loader reads. */
const EXTENSIONS = { articles: '.md', authors: '.yaml', sections: '.yaml' } as const;

/** Problems in the names of one collection's files (checked once per build, before its entries). */
export function contentFolderProblems(
  probe: FileProbe,
  collection: keyof typeof CONTENT_FOLDERS,
): ContentProblem[] {
  const folder = CONTENT_FOLDERS[collection];
  return folderProblems(folder, probe.list(folder), EXTENSIONS[collection]);
}

/**
 * Why `written` names no entry of a collection, or undefined when it does.
 * A file name used as an id (`Jane Doe` for `Jane Doe.yaml`, whose id is
 * `jane-doe`) gets the id to write instead.
 */
function referenceProblem(
  kind: 'author' | 'section' | 'article',
  written: string,
  ids: Map<string, string>,
  folder: string,
): string | undefined {
  if (ids.has(written)) return undefined;
  const extension = kind === 'article' ? '.md' : '.yaml';
  for (const [id, path] of ids) {
    if (path.slice(0, -extension.length) === written) {
      return `"${written}" is a file name, not an id: ${folder}/${path} has the id "${id}"; write "${id}" (and rename the file to ${id}${extension} to avoid the confusion)`;
    }
  }
  return kind === 'article'
    ? `no article has the id "${written}" (expected ${folder}/${written}.md)`
    : `unknown ${kind} "${written}": there is no ${folder}/${written}.yaml`;
}

/** The text of a field if it is a string. */
function stringAt(data: Record<string, unknown>, key: string): string | undefined {
  const value = data[key];
  return typeof value === 'string' ? value : undefined;
}

/**
 * Every problem an article file has on its own text: text fields with
 * characters feeds cannot carry, timestamps without offset or with
 * impossible dates, references to authors, sections, translations and
 * images that do not resolve, tags without a usable URL slug, and a body
 * that is empty (drafts may be), only comments, or has an unclosed comment.
 * `file` is relative to the project root; `data` is the parsed frontmatter.
 */
export function articleSourceProblems(input: {
  file: string;
  source: string;
  data: Record<string, unknown>;
  index: ContentIndex;
  probe: FileProbe;
}): ContentProblem[] {
  const { file, source, data, index, probe } = input;
  const problems: ContentProblem[] = [
    ...textFieldProblems(file, data),
    ...frontmatterDateProblems(file, frontmatterOf(source)),
  ];
  const authors = Array.isArray(data['authors']) ? data['authors'] : [];
  authors.forEach((id: unknown, i) => {
    if (typeof id !== 'string') return;
    const problem = referenceProblem('author', id, index.authors, CONTENT_FOLDERS.authors);
    if (problem) problems.push({ file, field: `authors[${i}]`, problem });
  });
  const section = stringAt(data, 'section');
  if (section !== undefined) {
    const problem = referenceProblem('section', section, index.sections, CONTENT_FOLDERS.sections);
    if (problem) problems.push({ file, field: 'section', problem });
  }
  const original = stringAt(data, 'translationOf');
  if (original !== undefined) {
    const problem = referenceProblem('article', original, index.articles, CONTENT_FOLDERS.articles);
    if (problem) problems.push({ file, field: 'translationOf', problem });
  }
  const tags = Array.isArray(data['tags']) ? data['tags'] : [];
  tags.forEach((tag: unknown, i) => {
    const text = typeof tag === 'string' || typeof tag === 'number' ? String(tag).trim() : '';
    if (text !== '' && tagSlug(text) === '') {
      problems.push({
        file,
        field: `tags[${i}]`,
        problem: `"${text}" has no letter or digit to make its page address (/tag/…/) from; write the topic in words`,
      });
    }
  });
  const folder = posix.dirname(file);
  const hero = data['hero'];
  const heroImage =
    hero && typeof hero === 'object' ? (hero as Record<string, unknown>)['image'] : undefined;
  if (typeof heroImage === 'string') {
    const problem = imageFileProblem(heroImage, posix.join(folder, heroImage), probe);
    if (problem) problems.push({ file, field: 'hero.image', problem });
  }
  const { body, firstLine } = bodyOf(source);
  problems.push(...bodySourceProblems(file, body, { firstLine, required: data['draft'] !== true }));
  for (const image of bodyImageReferences(body, firstLine)) {
    const problem = imageFileProblem(image.path, posix.join(folder, image.path), probe);
    if (problem) problems.push({ file, field: 'body', problem: `line ${image.line}: ${problem}` });
  }
  return problems;
}

/** Problems an author file has on its own: text, link URLs and the avatar file. */
export function authorProblems(
  file: string,
  data: Record<string, unknown>,
  probe: FileProbe,
): ContentProblem[] {
  const problems = [...textFieldProblems(file, data), ...authorLinkProblems(file, data)];
  const avatar = stringAt(data, 'avatar');
  if (avatar !== undefined) {
    const problem = imageFileProblem(avatar, posix.join(posix.dirname(file), avatar), probe);
    if (problem) problems.push({ file, field: 'avatar', problem });
  }
  return problems;
}

/** Problems a section file has on its own: its names and paths as text. */
export function sectionProblems(file: string, data: Record<string, unknown>): ContentProblem[] {
  return textFieldProblems(file, data);
}

/** Longest dek that still reads as a standfirst and fits search snippets. */
export const MAX_DEK_LENGTH = 300;
/** Narrowest hero that still fills Google Discover and share cards. */
export const MIN_HERO_WIDTH = 1200;

/** Things worth an editor's look that do not stop the build, as `file: field: advice` lines. */
export function contentWarnings(
  file: string,
  article: { dek: string; hero: { image: { width: number } } | undefined },
): string[] {
  const warnings: string[] = [];
  // Runs for every article on every build: a string has at least as many
  // UTF-16 units as characters, so only a long one is counted.
  const dekLength = article.dek.length > MAX_DEK_LENGTH ? [...article.dek].length : 0;
  if (dekLength > MAX_DEK_LENGTH) {
    warnings.push(
      `${file}: dek: ${dekLength} characters; keep it under ${MAX_DEK_LENGTH} so it reads as a standfirst and fits search results`,
    );
  }
  if (article.hero && article.hero.image.width < MIN_HERO_WIDTH) {
    warnings.push(
      `${file}: hero.image: ${article.hero.image.width} px wide; use at least ${MIN_HERO_WIDTH} px for sharp share cards and Google Discover`,
    );
  }
  return warnings;
}

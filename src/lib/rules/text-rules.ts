import type { ContentProblem } from './content-error';

/**
 * Text that editors paste (from word processors, wire copy, chat apps) can
 * carry invisible control characters. XML 1.0 forbids most of them, so one
 * such character makes every RSS and Atom feed and the news sitemap
 * unreadable to aggregators. The rule: refuse, never strip, so the editor
 * sees where the stray character is and nothing is changed behind their back.
 *
 * Refused: C0 controls other than tab, line feed and carriage return
 * (U+0000–U+0008, U+000B, U+000C, U+000E–U+001F), DEL and the C1 controls
 * (U+007F–U+009F: allowed by XML 1.0 but "discouraged", and in practice the
 * trace of text decoded with the wrong encoding), Unicode noncharacters
 * (U+FDD0–U+FDEF and every U+xFFFE/U+xFFFF; HTML calls them parse errors)
 * and lone surrogates (not text at all).
 */

/** One forbidden code point in a text, 1-based position. */
export interface ForbiddenCharacter {
  /** `U+0001`. */
  codePoint: string;
  /** 1-based index in code points (what an editor counts) in the value. */
  position: number;
  /** 1-based line and column, for multi-line text such as a body. */
  line: number;
  column: number;
}

/** U+xFFFE and U+xFFFF of the supplementary planes 1–16. */
const PLANE_NONCHARACTERS = Array.from({ length: 16 }, (_, i) => {
  const plane = (i + 1).toString(16).toUpperCase();
  return `\\u{${plane}FFFE}\\u{${plane}FFFF}`;
}).join('');

/**
 * In `u` mode a surrogate pair is one code point, so `[\uD800-\uDFFF]`
 * matches only lone surrogates.
 */
const FORBIDDEN = new RegExp(
  `[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F\\uFDD0-\\uFDEF\\uFFFE\\uFFFF\\uD800-\\uDFFF${PLANE_NONCHARACTERS}]`,
  'u',
);

/** `U+0001`: how a code point is named in messages. */
function codePointName(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Every forbidden character in `text`, with position, line and column (all 1-based). */
export function forbiddenCharacters(text: string): ForbiddenCharacter[] {
  // Fast path: nearly every text is clean, and one regex test is cheap.
  if (!FORBIDDEN.test(text)) return [];
  const found: ForbiddenCharacter[] = [];
  let position = 0;
  let line = 1;
  let column = 0;
  // Walk code points (a string iterator yields lone surrogates one by one).
  for (const char of text) {
    position += 1;
    column += 1;
    if (FORBIDDEN.test(char))
      found.push({ codePoint: codePointName(char), position, line, column });
    if (char === '\n') {
      line += 1;
      column = 0;
    }
  }
  return found;
}

/** The message for forbidden characters in a one-line field ("U+0001 at character 7"). */
function describe(found: ForbiddenCharacter[], where: (f: ForbiddenCharacter) => string): string {
  const list = found
    .slice(0, 5)
    .map((f) => `${f.codePoint} at ${where(f)}`)
    .join(', ');
  const more = found.length > 5 ? ` and ${found.length - 5} more` : '';
  return `contains a control or non-character code point that feeds and pages cannot carry (${list}${more}); delete it and retype the text around it`;
}

/**
 * Problems for every string in a parsed YAML value (frontmatter, an author
 * or section file), named by path: `title`, `hero.caption`, `tags[2]`,
 * `corrections[0].text`, `links[1].label`.
 */
export function textFieldProblems(file: string, data: unknown, path = ''): ContentProblem[] {
  if (typeof data === 'string') {
    const found = forbiddenCharacters(data);
    if (found.length === 0) return [];
    const where = (f: ForbiddenCharacter) =>
      f.line > 1 ? `line ${f.line}, column ${f.column}` : `character ${f.position}`;
    return [{ file, field: path || '(value)', problem: describe(found, where) }];
  }
  if (Array.isArray(data)) {
    return data.flatMap((item, index) => textFieldProblems(file, item, `${path}[${index}]`));
  }
  if (data && typeof data === 'object' && !(data instanceof Date)) {
    return Object.entries(data).flatMap(([key, value]) => [
      ...textFieldProblems(file, key, path ? `${path}.${key}` : key).map((p) => ({
        ...p,
        problem: `the field name ${p.problem}`,
      })),
      ...textFieldProblems(file, value, path ? `${path}.${key}` : key),
    ]);
  }
  return [];
}

/**
 * Forbidden characters in a Markdown body, by line and column of the
 * article file (`firstLine` is the file line the body starts on).
 */
export function bodyTextProblems(file: string, body: string, firstLine = 1): ContentProblem[] {
  const found = forbiddenCharacters(body);
  if (found.length === 0) return [];
  const where = (f: ForbiddenCharacter) => `line ${f.line + firstLine - 1}, column ${f.column}`;
  return [{ file, field: 'body', problem: describe(found, where) }];
}

/**
 * Every string in a parsed YAML value in Unicode normalisation form C, so
 * that "é" typed as one code point or as "e" plus an accent is the same
 * text in headlines, tag pages, search and feeds. Returns a new value.
 */
export function normaliseText<T>(data: T): T {
  if (typeof data === 'string') return data.normalize('NFC') as T;
  if (Array.isArray(data)) return data.map((item) => normaliseText(item)) as T;
  if (data && typeof data === 'object' && !(data instanceof Date)) {
    return Object.fromEntries(
      Object.entries(data).map(([key, value]) => [key, normaliseText(value)]),
    ) as T;
  }
  return data;
}

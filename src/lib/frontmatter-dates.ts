/**
 * YAML reads an unquoted `2024-11-12T10:30:00` as UTC without a word, which
 * would move a Texas story by five or six hours. The schema only sees the
 * parsed date, so this check reads the raw frontmatter text instead.
 */

/** ISO 8601 date-time that ends in `Z` or `±hh:mm`. */
export const ISO_WITH_OFFSET =
  /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})$/;

/**
 * Timestamp fields of `frontmatter` whose value has no UTC offset. Fields
 * are matched at any depth, in mappings and list items (`- date: …`).
 */
export function datesWithoutOffset(
  frontmatter: string,
  fields: readonly string[],
): { field: string; value: string }[] {
  const problems: { field: string; value: string }[] = [];
  for (const line of frontmatter.split(/\r?\n/)) {
    const match = /^\s*(?:-\s+)?([A-Za-z_]\w*):\s*(.*?)\s*(#.*)?$/.exec(line);
    if (!match?.[1] || !fields.includes(match[1])) continue;
    const value = (match[2] ?? '').replace(/^(['"])(.*)\1$/, '$2');
    if (value !== '' && !ISO_WITH_OFFSET.test(value)) problems.push({ field: match[1], value });
  }
  return problems;
}

/** A Markdown file's frontmatter block (group 1), with its fences and the line end after them. */
const FRONTMATTER = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---(?:\r?\n)?/;

/** The frontmatter block of a Markdown file, or '' when there is none. */
export function frontmatterOf(source: string): string {
  return FRONTMATTER.exec(source)?.[1] ?? '';
}

/** A Markdown file's text after its frontmatter (all of it when there is none). */
export function bodyOf(source: string): string {
  return source.replace(FRONTMATTER, '');
}

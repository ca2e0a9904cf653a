// One of our articles as a post of Astro's blog starter (bench/starter.mjs):
// the same body text, with the starter's own frontmatter.
import { parse } from 'yaml';

/** Frontmatter between the opening `---` line and the next `---` line. */
const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/;

/** YAML scalar: JSON strings are valid YAML double-quoted scalars. */
const q = (value) => JSON.stringify(value);

/**
 * Turns the text of one of our articles (`content/articles/<yyyy>/<slug>.md`)
 * into the text of a starter post: `title` stays the title, our standfirst
 * (`dek`) becomes the `description`, `publishedAt` becomes `pubDate`, no
 * hero image; the body after the frontmatter is kept byte for byte.
 * Throws, naming `file`, when the article lacks one of those fields.
 * @param {string} text the article's Markdown, frontmatter included
 * @param {string} [file] its path, for error messages
 * @returns {string}
 */
export function starterPost(text, file = 'article') {
  const match = FRONTMATTER.exec(text);
  if (!match) throw new Error(`${file}: frontmatter: missing`);
  const data = parse(match[1] ?? '') ?? {};
  for (const field of ['title', 'dek', 'publishedAt']) {
    if (data[field] === undefined || data[field] === null || data[field] === '') {
      throw new Error(`${file}: ${field}: missing`);
    }
  }
  // The YAML library's core schema keeps timestamps as strings; a Date (from
  // another parser) is written as an ISO string, which z.coerce.date reads.
  const published =
    data.publishedAt instanceof Date ? data.publishedAt.toISOString() : String(data.publishedAt);
  const fields = [
    `title: ${q(String(data.title))}`,
    `description: ${q(String(data.dek))}`,
    `pubDate: ${q(published)}`,
  ];
  return `---\n${fields.join('\n')}\n---\n${text.slice(match[0].length)}`;
}

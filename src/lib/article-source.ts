import { posix } from 'node:path';
import { assertSafeBody } from './content-checks';
import { datesWithoutOffset, frontmatterOf } from './frontmatter-dates';
import { ContentError } from './publishing';

/**
 * Checks an article file can pass on its own text, before the schema and
 * before any page is built, so `astro sync` (npm run check:content) catches
 * them in seconds: dates without offsets, references to files that do not
 * exist, and bodies that are empty or would run code.
 */

/** Fields that hold timestamps and must carry a UTC offset (`date` is a correction's). */
export const TIMESTAMP_FIELDS = ['publishedAt', 'updatedAt', 'date'];

/** File names sharp can read as a photo. */
const IMAGE_FILE = /\.(jpe?g|png|webp|avif|gif|tiff?)$/i;

/** Where referenced entries live, relative to the project root. */
export const REFERENCE_FILES = {
  author: (id: string) => `content/authors/${id}.yaml`,
  section: (id: string) => `content/sections/${id}.yaml`,
  article: (id: string) => `content/articles/${id}.md`,
};

/** Throws the first problem found in an article's source, naming file and field. */
export function checkArticleSource(input: {
  file: string;
  source: string;
  data: Record<string, unknown>;
  body: string | undefined;
  exists: (path: string) => boolean;
}): void {
  const { file, data, exists } = input;
  const [date] = datesWithoutOffset(frontmatterOf(input.source), TIMESTAMP_FIELDS);
  if (date) {
    throw new ContentError(
      file,
      date.field,
      `"${date.value}" has no UTC offset; write it as ISO 8601 with one, for example 2024-11-12T10:30:00-06:00`,
    );
  }
  const authors = Array.isArray(data['authors']) ? data['authors'] : [];
  authors.forEach((id, index) => {
    if (typeof id === 'string' && !exists(REFERENCE_FILES.author(id))) {
      throw new ContentError(
        file,
        `authors[${index}]`,
        `unknown author "${id}": there is no ${REFERENCE_FILES.author(id)}`,
      );
    }
  });
  const section = data['section'];
  if (typeof section === 'string' && !exists(REFERENCE_FILES.section(section))) {
    throw new ContentError(
      file,
      'section',
      `unknown section "${section}": there is no ${REFERENCE_FILES.section(section)}`,
    );
  }
  const hero = data['hero'];
  const image =
    hero && typeof hero === 'object' ? (hero as Record<string, unknown>)['image'] : undefined;
  if (typeof image === 'string') {
    const path = posix.join(posix.dirname(file), image);
    if (!IMAGE_FILE.test(image)) {
      throw new ContentError(
        file,
        'hero.image',
        `"${image}" is not an image; use a JPEG, PNG, WebP or AVIF file`,
      );
    }
    if (!exists(path))
      throw new ContentError(file, 'hero.image', `"${image}" does not exist (looked for ${path})`);
  }
  const original = data['translationOf'];
  if (typeof original === 'string' && !exists(REFERENCE_FILES.article(original))) {
    throw new ContentError(
      file,
      'translationOf',
      `no article has the id "${original}" (expected ${REFERENCE_FILES.article(original)})`,
    );
  }
  // A draft may still be empty; anything else must have a sound body.
  if (data['draft'] !== true) assertSafeBody(file, input.body, '');
}

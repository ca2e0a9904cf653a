// The writer's command line (`npm run new`, `npm run translate`): the pure
// part. It decides slugs, sections and the text of a new file; the scripts
// read the folder, run the content rules (src/lib/rules/) over the file
// they are about to write, and write it only when the rules find nothing.
import slugify from '@sindresorhus/slugify';
import { stringify } from 'yaml';
import { formatProblem, type ContentProblem } from '../src/lib/rules/content-error.ts';
import { ARTICLE_KINDS } from '../src/lib/article-kinds.ts';

/** A section file as the command line needs it: its id and its path per edition. */
export interface SectionEntry {
  id: string;
  path?: Record<string, string | undefined> | undefined;
}

/** A URL slug folded from a headline: lower case, accents dropped, hyphens (`Título de la nota` → `titulo-de-la-nota`). */
export function slugFromTitle(title: string): string {
  return slugify(title, { decamelize: false });
}

/**
 * The section id a writer means: its id, or its path in any edition
 * (`mundo` and `world` both give `world`). Undefined when none matches;
 * the content rules then say which sections exist.
 */
export function resolveSection(
  given: string,
  sections: readonly SectionEntry[],
): string | undefined {
  const byId = sections.find((s) => s.id === given);
  if (byId) return byId.id;
  return sections.find((s) => Object.values(s.path ?? {}).includes(given))?.id;
}

/** The fields of a new article's frontmatter, in the order README documents them. */
export interface NewArticle {
  title: string;
  dek: string;
  /** ISO 8601 with the newsroom's offset. */
  publishedAt: string;
  authors: string[];
  section: string;
  tags: string[];
  lang: string;
  kind: string;
  hero?: Record<string, string> | undefined;
  translationOf?: string | undefined;
  draft: true;
}

/** A Markdown file: the frontmatter as YAML, then the body. */
export function articleSource(article: NewArticle, body: string): string {
  const data = Object.fromEntries(Object.entries(article).filter(([, v]) => v !== undefined));
  const yaml = stringify(data, { lineWidth: 0 }).replace(
    /^publishedAt: "(.*)"$/m,
    'publishedAt: $1',
  );
  return `---\n${yaml}---\n\n${body.trim()}\n`;
}

/**
 * Why a slug cannot be used: another article file of the same name, in any
 * year (its page would differ only by date, and editors search by slug).
 */
export function slugProblem(
  file: string,
  slug: string,
  existing: ReadonlyMap<string, string>,
): ContentProblem | undefined {
  for (const [id, path] of existing) {
    if (id.split('/').at(-1) === slug) {
      return {
        file,
        field: 'slug',
        problem: `"${slug}" is already the slug of content/articles/${path}; choose another headline or pass --slug`,
      };
    }
  }
  return undefined;
}

/** Why `kind` is not one the site knows (src/lib/article-kinds.ts). */
export function kindProblem(file: string, kind: string | undefined): ContentProblem | undefined {
  if (kind === undefined || (ARTICLE_KINDS as readonly string[]).includes(kind)) return undefined;
  return { file, field: 'kind', problem: `"${kind}" is not a kind (${ARTICLE_KINDS.join(', ')})` };
}

/** What the translation scaffold needs of the original. */
export interface Original {
  /** Entry id, `2026/slug`. */
  id: string;
  data: Record<string, unknown>;
  body: string;
}

/**
 * The paired translation of an article: same section, authors, kind, tags
 * and photo, the text to translate, `lang` the target edition,
 * `translationOf` the story's original (the original's own original when it
 * is itself a translation), a draft dated now. The pages then link the two
 * both ways (src/lib/translations.ts).
 */
export function translationOf(
  original: Original,
  to: string,
  publishedAt: string,
): { article: NewArticle; body: string } {
  const { data } = original;
  const text = (key: string) => (typeof data[key] === 'string' ? (data[key] as string) : '');
  const list = (key: string) =>
    Array.isArray(data[key]) ? (data[key] as unknown[]).map(String) : [];
  const hero = data['hero'];
  return {
    article: {
      title: text('title'),
      dek: text('dek'),
      publishedAt,
      authors: list('authors'),
      section: text('section'),
      tags: list('tags'),
      lang: to,
      kind: text('kind') || 'news',
      hero:
        hero && typeof hero === 'object'
          ? Object.fromEntries(Object.entries(hero).map(([k, v]) => [k, String(v)]))
          : undefined,
      translationOf: text('translationOf') || original.id,
      draft: true,
    },
    body: original.body,
  };
}

/** Prints the problems as the content check does and stops the command. */
export function fail(problems: readonly (ContentProblem | string)[]): never {
  for (const p of problems) console.error(typeof p === 'string' ? p : formatProblem(p));
  process.exit(1);
}

import { ContentError } from './publishing';

/**
 * Checks on an article that the schema cannot express: the rendered body,
 * and advice that should not stop a deadline build.
 */

/** Markup in a body that would run code on our pages. */
const UNSAFE_BODY: { pattern: RegExp; problem: string }[] = [
  { pattern: /<script\b/i, problem: 'contains a <script> element' },
  { pattern: /<[a-z][^>]*\son[a-z]+\s*=/i, problem: 'contains an inline event handler (on…=)' },
  {
    pattern: /\s(?:href|src|action|formaction|xlink:href)\s*=\s*["']?\s*javascript:/i,
    problem: 'contains a javascript: URL',
  },
  {
    pattern: /<(iframe|object|embed)\b/i,
    problem: 'embeds another document (<iframe>, <object> or <embed>)',
  },
];

/** Throws when a body is empty or carries markup that could run code. */
export function assertSafeBody(file: string, source: string | undefined, html: string): void {
  if (!source || source.trim() === '')
    throw new ContentError(file, 'body', 'is empty; an article needs text under its frontmatter');
  assertSafeHtml(file, source);
  assertSafeHtml(file, html);
}

/**
 * Throws when markup could run code. The build checks rendered bodies with it:
 * the Markdown source was checked when the file was loaded, and is not kept
 * in memory afterwards (`retainBody: false`).
 */
export function assertSafeHtml(file: string, html: string): void {
  for (const { pattern, problem } of UNSAFE_BODY) {
    if (pattern.test(html)) {
      throw new ContentError(file, 'body', `${problem}; raw HTML may format text but not run code`);
    }
  }
}

/** Longest dek that still reads as a standfirst and fits search snippets. */
export const MAX_DEK_LENGTH = 300;
/** Narrowest hero that still fills Google Discover and share cards. */
export const MIN_HERO_WIDTH = 1200;

/** Things worth an editor's look that do not stop the build. */
export function contentWarnings(
  file: string,
  article: { dek: string; hero: { image: { width: number } } | undefined },
): string[] {
  const warnings: string[] = [];
  const dekLength = [...article.dek].length;
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

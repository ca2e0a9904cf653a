import { contentWarnings } from './rules/article-rules';
import { bodyHtmlProblems } from './rules/body-rules';
import { throwProblems } from './rules/content-error';

/**
 * The query module's old entry points, kept so it builds while it is being
 * rewritten. The rules themselves live in src/lib/rules/; call
 * `bodyHtmlProblems` (rules/body-rules.ts) and `contentWarnings`
 * (rules/article-rules.ts) directly and delete this file.
 */

export { contentWarnings };

/** Throws a ContentError when the sanitiser would change an article's rendered body. */
export function assertSafeHtml(file: string, html: string): void {
  throwProblems(bodyHtmlProblems(file, html));
}

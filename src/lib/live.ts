import { fromHtml } from 'hast-util-from-html';
import { markdownToHtml } from 'satteri';
import { SITE } from '../site';
import { isoWithOffset } from './dates';
import { externalLinks } from './external-links';
import { bodyHtmlProblems } from './rules/body-rules';
import type { ContentProblem } from './rules/content-error';

/**
 * Live coverage: a `kind: live` article keeps its updates in its own
 * frontmatter, as a list a journalist adds to at the top:
 *
 * ```yaml
 * updates:
 *   - date: 2026-11-28T14:32:00-06:00
 *     author: daniela-ortiz
 *     text: Firefighters say the fire is **contained**.
 * ```
 *
 * One file per story means an update is one save, checked by the same rules
 * as the rest of the article, and an incremental build re-renders only that
 * story and the listings and feeds that show it.
 */

/** An update's Markdown as HTML, with the same link handling as article bodies. */
export function renderUpdateText(text: string): string {
  return markdownToHtml(text, { hastPlugins: [externalLinks(SITE.url)] }).html;
}

/**
 * The fragment id of an update, from its time in the newsroom's zone
 * (`update-20261128-143200`): stable while the update exists, and readable
 * in a shared link.
 */
export function updateAnchor(date: Date, timeZone: string = SITE.timeZone): string {
  const local = isoWithOffset(date, timeZone).slice(0, 19).replace(/[-:]/g, '');
  return `update-${local.replace('T', '-')}`;
}

/** Updates newest first (pages, structured data); the input is left as it is. */
export function newestFirst<T extends { date: Date }>(updates: readonly T[]): T[] {
  return [...updates].sort((a, b) => b.date.getTime() - a.date.getTime());
}

/** What a page says about live coverage: when it started, whether it has ended, its latest update. */
export interface CoverageStatus {
  startedAt: Date;
  endedAt: Date | undefined;
  /** Still running: no end given. */
  running: boolean;
  /** Time of the newest update, if any. */
  latestUpdate: Date | undefined;
}

/** The coverage of a live article: started at publication, ended when `coverageEndedAt` is given. */
export function coverageStatus(article: {
  publishedAt: Date;
  coverageEndedAt: Date | undefined;
  updates: readonly { date: Date }[];
}): CoverageStatus {
  const latestUpdate = newestFirst(article.updates)[0]?.date;
  return {
    startedAt: article.publishedAt,
    endedAt: article.coverageEndedAt,
    running: article.coverageEndedAt === undefined,
    latestUpdate,
  };
}

/**
 * Problems in the updates of an article's frontmatter once rendered: the
 * same sanitiser as bodies (src/lib/rules/body-rules.ts), named
 * `updates[n].text`.
 */
export function liveUpdateProblems(file: string, data: Record<string, unknown>): ContentProblem[] {
  const updates = Array.isArray(data['updates']) ? (data['updates'] as unknown[]) : [];
  return updates.flatMap((update, index) => {
    const text =
      update && typeof update === 'object'
        ? (update as Record<string, unknown>)['text']
        : undefined;
    if (typeof text !== 'string') return [];
    return bodyHtmlProblems(file, renderUpdateText(text)).map((problem) => ({
      ...problem,
      field: `updates[${index}].text`,
    }));
  });
}

const BLOCKS = new Set(['p', 'li', 'br', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'tr']);

/** An update's HTML as plain text (structured data), whitespace collapsed. */
export function updateText(html: string): string {
  const parts: string[] = [];
  const walk = (node: { type: string; value?: string; tagName?: string; children?: unknown[] }) => {
    if (node.type === 'text' && node.value) parts.push(node.value);
    for (const child of node.children ?? []) walk(child as typeof node);
    // Blocks end with a space so paragraphs do not run together; inline elements do not.
    if (node.tagName && BLOCKS.has(node.tagName)) parts.push(' ');
  };
  walk(fromHtml(html, { fragment: true }));
  return parts.join('').replace(/\s+/g, ' ').trim();
}

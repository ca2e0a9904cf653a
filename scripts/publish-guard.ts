// The publish guard of scripts/build.mjs: before a new build replaces the
// live output folder, compare the article pages of both and refuse a swap
// that would empty the site or silently drop a share of its stories (a
// content folder that went missing, a loader that read nothing, a bad merge).
// Pure functions over file lists, so the rules are unit-tested
// (publish-guard.test.ts); the script does the file system work.

/** The share of the previous output's article pages a build may lose by default. */
export const DEFAULT_MAX_LOSS = 0.1;

/**
 * An article page: `<lang>/<yyyy>/<mm>/<dd>/<slug>/index.html`, where `lang`
 * is any language tag folder (`es`, `pt-br`, `zh-Hant`), not a fixed list.
 */
const ARTICLE_PAGE =
  /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*\/\d{4}\/\d{2}\/\d{2}\/[^/]+\/index\.html$/;

/**
 * The article pages among a build's files (paths relative to the output
 * folder, with `/` or `\` separators), as sorted `/`-separated paths.
 */
export function articlePages(files: Iterable<string>): string[] {
  return [...files]
    .map((file) => file.split('\\').join('/'))
    .filter((file) => ARTICLE_PAGE.test(file))
    .sort();
}

/** What the guard needs to decide. */
export interface GuardInput {
  /** Article pages of the output being replaced (none when there is no previous output). */
  before: readonly string[];
  /** Article pages of the new build. */
  after: readonly string[];
  /** The largest share (0–1) of `before` the new build may lose. */
  maxLoss: number;
  /** The editor removed stories on purpose: any loss, even an empty site, is allowed. */
  allowShrink: boolean;
}

/** The guard's verdict, with the figures it printed. */
export interface GuardDecision {
  ok: boolean;
  before: number;
  after: number;
  /** Pages of `before` missing from `after`. */
  lost: string[];
  /** `lost` as a share of `before` (0 when there was nothing before). */
  lostShare: number;
  /** Why a build was refused; empty when `ok`. */
  reason: string;
}

/**
 * Decides whether a new build may replace the previous output. Refuses a
 * build with no article pages, and one that lost more than `maxLoss` of the
 * previous output's article pages (a page is lost when its path is gone,
 * whatever else was added), unless `allowShrink` is set.
 */
export function decidePublish({ before, after, maxLoss, allowShrink }: GuardInput): GuardDecision {
  const kept = new Set(after);
  const lost = before.filter((page) => !kept.has(page));
  const lostShare = before.length === 0 ? 0 : lost.length / before.length;
  const figures = { before: before.length, after: after.length, lost, lostShare };
  let reason = '';
  if (after.length === 0) reason = 'the new build has no article pages';
  else if (lostShare > maxLoss) {
    reason = `the new build lost ${percent(lostShare)} of the article pages, more than the ${percent(maxLoss)} allowed`;
  }
  if (reason === '' || allowShrink) return { ok: true, ...figures, reason: '' };
  return { ok: false, ...figures, reason };
}

/**
 * Reads the largest share of article pages a build may lose: a number from 0
 * to 1 (`0.25`) or a percentage (`25%`); `undefined` or blank gives the default.
 * Throws on anything else, naming where the value came from.
 */
export function parseMaxLoss(raw: string | undefined, source: string): number {
  if (raw === undefined || raw.trim() === '') return DEFAULT_MAX_LOSS;
  const text = raw.trim();
  const value = text.endsWith('%') ? Number(text.slice(0, -1)) / 100 : Number(text);
  if (!Number.isFinite(value) || value < 0 || value > 1) {
    throw new Error(`${source}="${raw}" must be a share from 0 to 1 (0.25) or a percentage (25%).`);
  }
  return value;
}

/** The lines the build prints about the guard's decision. */
export function guardReport(
  decision: GuardDecision,
  { outDir, maxLoss, allowShrink }: { outDir: string; maxLoss: number; allowShrink: boolean },
): string[] {
  const lines = [
    `article pages in ${outDir}/ now: ${decision.before}; in the new build: ${decision.after}; ` +
      `lost: ${decision.lost.length} (${percent(decision.lostShare)}); limit: ${percent(maxLoss)}` +
      (allowShrink ? ' (--allow-shrink: any loss allowed)' : ''),
  ];
  if (decision.ok) return lines.map((line) => `Publish guard: ${line}`);
  const sample = decision.lost.slice(0, 5).map((page) => `  lost: ${page}`);
  if (decision.lost.length > sample.length) {
    sample.push(`  … and ${decision.lost.length - sample.length} more`);
  }
  return [
    `Publish guard: refused to replace ${outDir}/: ${decision.reason}.`,
    `  ${lines[0]}`,
    ...sample,
    `The new build was discarded; ${outDir}/ was left as it was.`,
    'If the stories were removed on purpose, build again with `npm run build -- --allow-shrink` (or ALLOW_SHRINK=1).',
    'To change the limit, set PUBLISH_GUARD_MAX_LOSS (for example PUBLISH_GUARD_MAX_LOSS=0.25) or pass --max-loss 0.25.',
  ];
}

function percent(share: number): string {
  return `${Math.round(share * 1000) / 10} %`;
}

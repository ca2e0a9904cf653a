/** Settings a build may take from the environment. */

/**
 * The setting that fixes the build's "now". scripts/build.mjs sets it for
 * the Astro it runs (as Astro starts, or as a build started ahead is told
 * to go: publish-gate.ts, goAt), so every page reads the same instant.
 */
export const BUILD_TIME_ENV = 'BUILD_TIME';

/**
 * The moment the build considers "now". Articles published after it are
 * scheduled and left out. Set `BUILD_TIME` (ISO 8601 with offset) to build the
 * site as it will look at another time, for tests or to preview an embargo.
 */
export function getBuildTime(env: Record<string, string | undefined> = process.env): Date {
  const raw = env[BUILD_TIME_ENV];
  if (raw === undefined || raw.trim() === '') return new Date();
  const date = new Date(raw);
  if (!/(Z|[+-]\d{2}:?\d{2})$/.test(raw.trim()) || Number.isNaN(date.getTime())) {
    throw new Error(
      `BUILD_TIME="${raw}" is not an ISO 8601 timestamp with a UTC offset (for example 2026-11-28T12:00:00-06:00).`,
    );
  }
  return date;
}

/**
 * Stories per listing page: `SITE.pageSize`, unless `PAGE_SIZE` overrides it
 * (the end-to-end build uses a small size so that pagination is exercised by
 * the sample content).
 */
export function getPageSize(
  fallback: number,
  env: Record<string, string | undefined> = process.env,
): number {
  const raw = env['PAGE_SIZE'];
  if (raw === undefined || raw.trim() === '') return fallback;
  const size = Number(raw);
  if (!Number.isInteger(size) || size < 1) {
    throw new Error(`PAGE_SIZE="${raw}" must be a positive whole number.`);
  }
  return size;
}

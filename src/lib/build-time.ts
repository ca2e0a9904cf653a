/**
 * The moment the build considers "now". Articles published after it are
 * scheduled and left out. Set `BUILD_TIME` (ISO 8601 with offset) to build the
 * site as it will look at another time, for tests or to preview an embargo.
 */
export function getBuildTime(env: Record<string, string | undefined> = process.env): Date {
  const raw = env['BUILD_TIME'];
  if (raw === undefined || raw.trim() === '') return new Date();
  const date = new Date(raw);
  if (!/(Z|[+-]\d{2}:?\d{2})$/.test(raw.trim()) || Number.isNaN(date.getTime())) {
    throw new Error(
      `BUILD_TIME="${raw}" is not an ISO 8601 timestamp with a UTC offset (for example 2026-11-28T12:00:00-06:00).`,
    );
  }
  return date;
}

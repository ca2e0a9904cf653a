/** The middle value of a list of numbers (the mean of the two middle ones for an even count); NaN when empty. */
export function median(list) {
  if (list.length === 0) return NaN;
  const sorted = [...list].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Text made safe for SVG/XML element content and attributes. */
export function escapeXml(text) {
  return String(text).replace(
    /[&<>"]/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c],
  );
}

/** Round maximum for a chart axis: 1, 2, 2.5 or 5 times a power of ten. */
export function niceMax(value) {
  if (!(value > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  return [1, 2, 2.5, 5, 10].map((m) => m * power).find((m) => m >= value * 1.05) ?? 10 * power;
}

/**
 * The run of median wall time among repeated runs of one kind (the lower
 * of the two middle ones for an even count), with every run's figures as
 * `repeats` when there were several.
 */
export function medianRun(runs) {
  const sorted = [...runs].sort((a, b) => a.wallS - b.wallS);
  const middle = sorted[Math.floor((sorted.length - 1) / 2)];
  if (runs.length === 1) return middle;
  return {
    ...middle,
    repeats: runs.map((r) => ({
      wallS: r.wallS,
      cpuS: r.cpuS,
      peakRssMb: r.peakRssMb,
      treeRssMb: r.treeRssMb,
      load1m: r.load1m,
    })),
  };
}

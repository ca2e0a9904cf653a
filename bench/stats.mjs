/** The middle value of a list of numbers (the mean of the two middle ones for an even count); NaN when empty. */
export function median(list) {
  if (list.length === 0) return NaN;
  const sorted = [...list].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

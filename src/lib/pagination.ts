/**
 * Splitting a newest-first list into numbered pages: `/<base>/` is page 1,
 * `/<base>/page/2/` and on are the rest. A list never yields an empty page
 * 1 unless it is itself empty.
 */

export interface Page<T> {
  /** 1-based page number. */
  number: number;
  total: number;
  items: T[];
  /** Site path of this page. */
  path: string;
  prevPath: string | undefined;
  nextPath: string | undefined;
}

/** Path of page `n` of a listing whose first page is `base` (ends in `/`). */
export function pagePath(base: string, n: number): string {
  return n <= 1 ? base : `${base}page/${n}/`;
}

/** Cuts `items` into pages of `size`; an empty list gives one empty page. */
export function paginate<T>(items: readonly T[], size: number, base: string): Page<T>[] {
  if (!Number.isInteger(size) || size < 1)
    throw new RangeError(`page size must be a positive integer, got ${size}`);
  const total = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: total }, (_, index) => {
    const number = index + 1;
    return {
      number,
      total,
      items: items.slice(index * size, number * size),
      path: pagePath(base, number),
      prevPath: number > 1 ? pagePath(base, number - 1) : undefined,
      nextPath: number < total ? pagePath(base, number + 1) : undefined,
    };
  });
}

/**
 * Page numbers to show in a pager: first, last, and a window around the
 * current one, with `null` where numbers are left out ("1 … 4 5 6 … 20").
 */
export function pagerNumbers(current: number, total: number, radius = 1): (number | null)[] {
  const shown = new Set([1, total]);
  for (let n = current - radius; n <= current + radius; n++) if (n >= 1 && n <= total) shown.add(n);
  const sorted = [...shown].sort((a, b) => a - b);
  const result: (number | null)[] = [];
  for (const [i, n] of sorted.entries()) {
    const previous = sorted[i - 1];
    if (previous !== undefined && n - previous > 1) result.push(null);
    result.push(n);
  }
  return result;
}

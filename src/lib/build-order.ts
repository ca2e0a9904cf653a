/**
 * The order the build renders its paths in (src/integrations/search-index.ts
 * hands it to Astro's prerenderer). Output does not depend on it; time and
 * memory do:
 *
 * - `first` paths lead, in their own order: the search records, so Pagefind
 *   can index them while the pages are rendered.
 * - `spread` paths are set evenly among the rest instead of in one run: the
 *   archive feed documents (RFC 5005), each the full text of up to 50
 *   stories, up to 300 KB. Six hundred of them in a row at 10,000 articles
 *   made strings too large for V8's young generation faster than it
 *   collected them: the heap grew from 350 MB to 1 GB for four seconds and
 *   set the build's peak (1.82 GB; spread out, 1.47 GB).
 *
 * - Each further `spread` group is set evenly among the others the same
 *   way: the share cards. Astro renders four paths at once, route after
 *   route, so the 10,000 cards of a 10,000-article build came in one run
 *   that kept libvips' threads busy and the page renderer waiting, then the
 *   pages came in another that left the second core to Pagefind alone.
 *   Among the pages, the cards are drawn on one core while the pages render
 *   on the other.
 *
 * Every other path keeps the order Astro gave it.
 */
export function buildOrder<P>(
  paths: readonly P[],
  rules: { first: (path: P) => boolean; spread: readonly ((path: P) => boolean)[] },
): P[] {
  const first: P[] = [];
  const groups: P[][] = rules.spread.map(() => []);
  let rest: P[] = [];
  for (const path of paths) {
    if (rules.first(path)) {
      first.push(path);
      continue;
    }
    const group = rules.spread.findIndex((rule) => rule(path));
    if (group === -1) rest.push(path);
    else groups[group]?.push(path);
  }
  // The first group ends up the most evenly spread; later groups are spread
  // among the rest and the earlier groups together.
  for (const group of groups) rest = spreadAmong(rest, group);
  return [...first, ...rest];
}

/** `spread` set evenly among `rest`, both in their order. */
function spreadAmong<P>(rest: readonly P[], spread: readonly P[]): P[] {
  const ordered: P[] = [];
  // The k-th spread path goes after the floor(k × gap)-th of the rest.
  const gap = rest.length / (spread.length + 1);
  let next = 0;
  rest.forEach((path, index) => {
    ordered.push(path);
    while (next < spread.length && index + 1 >= Math.floor((next + 1) * gap)) {
      ordered.push(spread[next] as P);
      next += 1;
    }
  });
  return [...ordered, ...spread.slice(next)];
}

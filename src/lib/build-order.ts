/**
 * The order the build renders its paths in (src/integrations/search-index.ts
 * hands it to Astro's prerenderer). Output does not depend on it; time and
 * memory do:
 *
 * - `first` paths lead, in their own order: the search records, so Pagefind
 *   can index them while the pages are rendered.
 * - `spread` paths are set evenly among the rest instead of in one run: the
 *   archive feed documents (RFC 5005), each the full text of a page of
 *   stories, about 300 KB. Six hundred of them in a row at 10,000 articles
 *   made strings too large for V8's young generation faster than it
 *   collected them: the heap grew from 350 MB to 1 GB for four seconds and
 *   set the build's peak (1.82 GB; spread out, 1.47 GB).
 *
 * Every other path keeps the order Astro gave it.
 */
export function buildOrder<P>(
  paths: readonly P[],
  rules: { first: (path: P) => boolean; spread: (path: P) => boolean },
): P[] {
  const first: P[] = [];
  const spread: P[] = [];
  const rest: P[] = [];
  for (const path of paths) {
    if (rules.first(path)) first.push(path);
    else if (rules.spread(path)) spread.push(path);
    else rest.push(path);
  }
  const ordered = [...first];
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

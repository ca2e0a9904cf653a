/**
 * The pathname Astro gives a `getStaticPaths` entry of a route, made the
 * way Astro 7.3 makes it (astro/dist/core/routing/params.js,
 * `stringifyParams`, and generator.js, `getRouteGenerator`), from the
 * route's pattern as `getStaticPaths` is told it (`routePattern`,
 * `/[lang]/[year]/[month]/[day]/[slug]`) and its kind.
 *
 * Astro makes it twice for every path of every route, sanitising each
 * static part of the route again each time: about 20 µs a path, 0.3 s of
 * every publish at 10,000 articles (26,000 paths) and 1.5 s at 50,000.
 * Made once per route here, a path costs a string join. The pathnames a
 * build hands Astro are checked against Astro’s own (paths-to-render.ts,
 * `expandKeptPaths`), so a difference stops the build instead of keeping
 * the wrong file.
 */

/** Astro's `trailingSlash` setting. */
export type TrailingSlash = 'always' | 'never' | 'ignore';

interface Part {
  /** A parameter's name (`slug`, `...page` for a rest parameter), or the static text. */
  content: string;
  dynamic: boolean;
  spread: boolean;
}

/** Astro's split of a route segment into its parts (routing/parts.js). */
const DYNAMIC = /\[(.+?\(.+?\)|.+?)\]/;

function partsOf(segment: string): Part[] {
  const parts: Part[] = [];
  segment.split(DYNAMIC).forEach((text, i) => {
    if (!text) return;
    const dynamic = i % 2 === 1;
    const content = dynamic ? (/([^(]+)$/.exec(text)?.[1] ?? text) : text;
    parts.push({ content, dynamic, spread: dynamic && /^\.{3}.+$/.test(content) });
  });
  return parts;
}

/** A route whose file name has an extension (`[slug].jpg`): Astro gives its endpoint no trailing slash. */
const WITH_FILE_EXTENSION = /\/[^/]+\.\w+$/;

/** A static part as Astro writes it in every path (getParameter). */
const staticText = (content: string) =>
  content
    .normalize()
    .replace(/\?/g, '%3F')
    .replace(/#/g, '%23')
    .replace(/%5B/g, '[')
    .replace(/%5D/g, ']');

/** What a parameter's value must hold for Astro to write it otherwise than as it is. */
const REWRITTEN = /[^ -~]|[/#?]/;

/**
 * A parameter's value as Astro writes it: slashes at its ends trimmed, then
 * sanitised. Most values (dates, ASCII slugs) have nothing to trim, escape
 * or normalise, and are written as they are without four passes over them.
 */
const paramText = (value: string) =>
  !REWRITTEN.test(value)
    ? value
    : value
        .replace(/^\/|\/$/g, '')
        .normalize()
        .replace(/#/g, '%23')
        .replace(/\?/g, '%3F');

/**
 * The function from an entry's params to its pathname, for a route of
 * `type` with the pattern `routePattern`. It returns undefined where Astro
 * would throw (a parameter that is not a string, a required one missing),
 * so that Astro itself sees the entry and says what is wrong.
 */
export function routePathname(
  routePattern: string,
  type: 'page' | 'endpoint',
  trailingSlash: TrailingSlash,
): (params: Readonly<Record<string, unknown>>) => string | undefined {
  const slash =
    type === 'endpoint' && WITH_FILE_EXTENSION.test(routePattern) ? 'never' : trailingSlash;
  const segments = routePattern
    .split('/')
    .filter((segment) => segment !== '')
    .map(partsOf);
  // Each part, made once: static text as it is written, a parameter by name.
  const plan = segments.map((parts) =>
    parts.map((part) =>
      part.spread
        ? { param: part.content.slice(3), required: false }
        : part.dynamic
          ? { param: part.content, required: true }
          : { text: staticText(part.content) },
    ),
  );
  const trailing = slash === 'always' && segments.length > 0 ? '/' : '';
  return (params) => {
    for (const value of Object.values(params)) {
      if (value !== undefined && typeof value !== 'string') return undefined;
    }
    let path = '';
    for (const parts of plan) {
      let segment = '';
      for (const part of parts) {
        if ('text' in part) {
          segment += part.text;
          continue;
        }
        const value = params[part.param] as string | undefined;
        if (value === undefined) {
          if (part.required) return undefined;
          continue;
        }
        segment += paramText(value);
      }
      if (segment !== '') path += `/${segment}`.replace(/^\/{2,}/, '/');
    }
    return path + trailing || '/';
  };
}

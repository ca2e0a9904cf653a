import type { ContentProblem } from './content-error';

/**
 * URLs typed into YAML (an author's profile links) are printed as live
 * links on every page that shows the author, so they follow the same rule as
 * links in article bodies: `http:`, `https:` or `mailto:` only. A
 * `javascript:`, `data:` or `vbscript:` link would run or load code from our
 * pages.
 */

/** Schemes a link written in content may use. */
export const LINK_SCHEMES = ['http:', 'https:', 'mailto:'] as const;

/** Why `url` may not be printed as a link, or undefined when it may. */
export function urlProblem(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `"${url}" is not a full URL; write it with https:// (or mailto: for email)`;
  }
  // URL() lower-cases the scheme and drops tabs and line breaks, as browsers do.
  if (!(LINK_SCHEMES as readonly string[]).includes(parsed.protocol)) {
    return `"${url}" uses a ${parsed.protocol} URL; links may use http(s) or mailto only`;
  }
  if (parsed.protocol !== 'mailto:' && parsed.hostname === '') {
    return `"${url}" has no host name`;
  }
  return undefined;
}

/** Problems in an author file's `links` (each `{ label, url }`), named `links[i].url`. */
export function authorLinkProblems(file: string, data: Record<string, unknown>): ContentProblem[] {
  const links = Array.isArray(data['links']) ? data['links'] : [];
  return links.flatMap((link: unknown, index) => {
    const url =
      link && typeof link === 'object' ? (link as Record<string, unknown>)['url'] : undefined;
    const problem = typeof url === 'string' ? urlProblem(url) : undefined;
    return problem ? [{ file, field: `links[${index}].url`, problem }] : [];
  });
}

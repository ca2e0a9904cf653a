/**
 * Rules for the host's `_redirects` file that send a reader who opens `/`
 * to the edition in their browser's language. Netlify reads the
 * `Language=` condition (matched against the Accept-Language header) and
 * needs `!` to redirect from an address that has a page. Cloudflare Pages
 * has no conditions: it ignores a line that is not `source destination
 * [code]`, so these lines are skipped there and `/` shows the main
 * edition's front with its link to the others.
 */
export function editionRedirects<L extends string>(
  langs: readonly L[],
  defaultLang: L,
  editionPath: (lang: L) => string,
): string[] {
  return langs
    .filter((lang) => lang !== defaultLang)
    .map((lang) => `/ ${editionPath(lang)} 302! Language=${lang}`);
}

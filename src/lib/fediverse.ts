/**
 * Authors on the fediverse (issue 15): Mastodon shows "More from @user" under
 * a shared link when the page names its author with
 * `<meta name="fediverse:creator" content="@user@server">` (Mastodon 4.3,
 * "Highlighting journalism on Mastodon"), and the server lists the site
 * among the account's verified ones.
 */

/** A fediverse handle as authors' YAML gives it: `@user@server.tld`. */
export const FEDIVERSE_HANDLE = /^@[A-Za-z0-9_][A-Za-z0-9_.-]*@(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,}$/;

/** The `fediverse:creator` values of an article: each author's handle once, in byline order. */
export function fediverseCreators(
  authors: readonly { fediverse?: string | undefined }[],
): string[] {
  return [...new Set(authors.flatMap((a) => (a.fediverse ? [a.fediverse] : [])))];
}

import { getCatalogue, type Listing } from './content';

/**
 * `getStaticPaths` entries for paginated listings served by a `[...page]`
 * route: page 1 at the listing's path, later pages under `page/<n>/`, each
 * with the key that lets an incremental build reuse it while it is unchanged.
 */
export async function listingPagePaths<K extends string, T, P extends Record<string, string>>(
  listings: readonly Listing<K, T>[],
  params: (listing: Listing<K, T>) => P,
) {
  const keys = (await getCatalogue()).cacheKeys;
  return listings.flatMap((listing) =>
    listing.pages.map((page) => ({
      params: { ...params(listing), page: page.number === 1 ? undefined : `page/${page.number}` },
      props: { listing, page },
      cacheKey: keys.listingPage(listing, page),
    })),
  );
}

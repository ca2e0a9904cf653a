import { getCatalogue, type Listing } from './content';
import { pathsToRender } from './paths-to-render';

/**
 * `getStaticPaths` entries for paginated listings served by a `[...page]`
 * route (`routePattern`, as `getStaticPaths` is told it): page 1 at the
 * listing's path, later pages under `page/<n>/`, each with the key that
 * lets an incremental build reuse it while it is unchanged, and left out
 * before Astro lists them when it is (pathsToRender).
 */
export async function listingPagePaths<K extends string, T, P extends Record<string, string>>(
  routePattern: string,
  listings: readonly Listing<K, T>[],
  params: (listing: Listing<K, T>) => P,
) {
  const keys = (await getCatalogue()).cacheKeys;
  return pathsToRender(
    routePattern,
    'page',
    listings.flatMap((listing) =>
      listing.pages.map((page) => ({
        params: { ...params(listing), page: page.number === 1 ? undefined : `page/${page.number}` },
        props: { listing, page },
        cacheKey: keys.listingPage(listing, page),
      })),
    ),
  );
}

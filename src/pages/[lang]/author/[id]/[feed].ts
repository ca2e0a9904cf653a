import type { GetStaticPaths } from 'astro';
import { getCatalogue } from '../../../../lib/content';
import { pathsToRender } from '../../../../lib/paths-to-render';
import { listingFeedPaths, serveListingFeed } from '../../../../lib/feed-response';
import { authorName } from '../../../../lib/i18n';

export const getStaticPaths = (async ({ routePattern }) => {
  const catalogue = await getCatalogue();
  return pathsToRender(
    routePattern,
    'endpoint',
    listingFeedPaths(
      catalogue.authorListings,
      (listing) => ({ lang: listing.lang, id: listing.subject.id }),
      (listing) => authorName(listing.subject, listing.lang),
      catalogue.cacheKeys.stories,
    ),
  );
}) satisfies GetStaticPaths;

export const GET = serveListingFeed;

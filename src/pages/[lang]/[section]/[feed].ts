import type { GetStaticPaths } from 'astro';
import { getCatalogue } from '../../../lib/content';
import { pathsToRender } from '../../../lib/paths-to-render';
import { listingFeedPaths, serveListingFeed } from '../../../lib/feed-response';

export const getStaticPaths = (async ({ routePattern }) => {
  const catalogue = await getCatalogue();
  return pathsToRender(
    routePattern,
    'endpoint',
    listingFeedPaths(
      catalogue.sectionListings,
      (listing) => ({ lang: listing.lang, section: listing.subject.slug[listing.lang] }),
      (listing) => listing.subject.name[listing.lang],
      catalogue.cacheKeys.stories,
    ),
  );
}) satisfies GetStaticPaths;

export const GET = serveListingFeed;

import type { GetStaticPaths } from 'astro';
import { getCatalogue } from '../../../lib/content';
import { listingFeedPaths, serveListingFeed } from '../../../lib/feed-response';

export const getStaticPaths = (async () => {
  const catalogue = await getCatalogue();
  return listingFeedPaths(
    catalogue.sectionListings,
    (listing) => ({ lang: listing.lang, section: listing.subject.slug[listing.lang] }),
    (listing) => listing.subject.name[listing.lang],
    catalogue.cacheKeys.stories,
  );
}) satisfies GetStaticPaths;

export const GET = serveListingFeed;

import type { GetStaticPaths } from 'astro';
import { getAuthorListings } from '../../../../lib/content';
import { listingFeedPaths, serveListingFeed } from '../../../../lib/feed-response';

export const getStaticPaths = (async () =>
  listingFeedPaths(
    await getAuthorListings(),
    (listing) => ({ lang: listing.lang, id: listing.subject.id }),
    (listing) => listing.subject.name,
  )) satisfies GetStaticPaths;

export const GET = serveListingFeed;

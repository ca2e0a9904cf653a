import type { GetStaticPaths } from 'astro';
import { getCatalogue } from '../../../../lib/content';
import { listingFeedPaths, serveListingFeed } from '../../../../lib/feed-response';

export const getStaticPaths = (async () =>
  listingFeedPaths(
    (await getCatalogue()).authorListings,
    (listing) => ({ lang: listing.lang, id: listing.subject.id }),
    (listing) => listing.subject.name,
  )) satisfies GetStaticPaths;

export const GET = serveListingFeed;

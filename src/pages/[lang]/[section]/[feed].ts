import type { GetStaticPaths } from 'astro';
import { getCatalogue } from '../../../lib/content';
import { listingFeedPaths, serveListingFeed } from '../../../lib/feed-response';

export const getStaticPaths = (async () =>
  listingFeedPaths(
    (await getCatalogue()).sectionListings,
    (listing) => ({ lang: listing.lang, section: listing.subject.slug[listing.lang] }),
    (listing) => listing.subject.name[listing.lang],
  )) satisfies GetStaticPaths;

export const GET = serveListingFeed;

import type { GetStaticPaths } from 'astro';
import { getCatalogue } from '../../../../../lib/content';
import { archiveFeedPaths, serveArchiveFeed } from '../../../../../lib/feed-response';
import { SITE } from '../../../../../site';

/** RFC 5005 archive documents of each edition feed: `/es/archive/feed/<name>/rss.xml`, named after its oldest story. */
export const getStaticPaths = (async () => {
  const catalogue = await getCatalogue();
  return archiveFeedPaths(
    SITE.langs,
    (lang) => catalogue.published(lang),
    catalogue.cacheKeys.stories,
  );
}) satisfies GetStaticPaths;

export const GET = serveArchiveFeed;

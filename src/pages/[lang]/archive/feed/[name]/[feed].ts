import type { GetStaticPaths } from 'astro';
import { getCatalogue } from '../../../../../lib/content';
import { pathsToRender } from '../../../../../lib/paths-to-render';
import { archiveFeedPaths, serveArchiveFeed } from '../../../../../lib/feed-response';
import { SITE } from '../../../../../site';

/** RFC 5005 archive documents of each edition feed: `/es/archive/feed/<name>/rss.xml`, named after its oldest story. */
export const getStaticPaths = (async ({ routePattern }) => {
  const catalogue = await getCatalogue();
  return pathsToRender(
    routePattern,
    'endpoint',
    archiveFeedPaths(SITE.langs, (lang) => catalogue.published(lang), catalogue.cacheKeys.stories),
  );
}) satisfies GetStaticPaths;

export const GET = serveArchiveFeed;

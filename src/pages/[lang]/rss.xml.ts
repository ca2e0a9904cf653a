import type { APIRoute } from 'astro';
import { editionParams, getPublishedArticles } from '../../lib/content';
import { feedResponse, feedTitle } from '../../lib/feed-response';
import { editionPath, feedPath } from '../../lib/urls';
import type { Lang } from '../../site';

export const getStaticPaths = editionParams;

export const GET: APIRoute = async ({ params, site }) => {
  const lang = params['lang'] as Lang;
  return feedResponse({
    lang,
    title: feedTitle(lang),
    pagePath: editionPath(lang),
    feedPath: feedPath(lang),
    articles: await getPublishedArticles(lang),
    site,
  });
};

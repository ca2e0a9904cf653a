import type { APIRoute } from 'astro';
import { editionParams, getPublishedArticles } from '../../lib/content';
import { getBuildTime } from '../../lib/build-time';
import { feedImage } from '../../lib/feed-image';
import { renderEditionFeed, toFeedItem } from '../../lib/feed';
import { feedPath } from '../../lib/urls';
import { SITE, type Lang } from '../../site';

export const getStaticPaths = editionParams;

export const GET: APIRoute = async ({ params, site }) => {
  const lang = params['lang'] as Lang;
  if (!site) throw new Error('astro.config.mjs must set `site` for absolute feed URLs.');
  const articles = (await getPublishedArticles(lang)).slice(0, SITE.feedSize);
  const items = await Promise.all(
    articles.map(async (article) =>
      toFeedItem(article, {
        site,
        html: article.entry.rendered?.html ?? '',
        image: article.hero && (await feedImage(article.hero.image, site)),
      }),
    ),
  );
  const xml = await renderEditionFeed({
    lang,
    site,
    selfUrl: new URL(feedPath(lang), site).href,
    items,
    buildTime: getBuildTime(),
  });
  return new Response(xml, { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
};

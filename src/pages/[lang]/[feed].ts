import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { getCatalogue } from '../../lib/content';
import {
  editionArchive,
  editionFeedResponse,
  feedCacheKey,
  feedFileParams,
  feedTitle,
} from '../../lib/feed-response';
import { SITE } from '../../site';

export const getStaticPaths = (async () => {
  const catalogue = await getCatalogue();
  return SITE.langs.flatMap((lang) => {
    const published = catalogue.published(lang);
    // What the feed shows: its newest stories and the link to the newest archive document.
    const cacheKey = feedCacheKey(
      catalogue.cacheKeys.stories,
      [feedTitle(lang), editionArchive(published).newest],
      published,
    );
    return feedFileParams({ lang }).map((path) => ({ ...path, cacheKey }));
  });
}) satisfies GetStaticPaths;

export const GET: APIRoute<
  InferGetStaticPropsType<typeof getStaticPaths>,
  { lang: (typeof SITE.langs)[number] }
> = async ({ params, props, site }) =>
  editionFeedResponse({
    format: props.format,
    lang: params.lang,
    title: feedTitle(params.lang),
    articles: (await getCatalogue()).published(params.lang),
    site,
  });

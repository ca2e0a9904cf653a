import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { getCatalogue } from '../../../lib/content';
import { correctionsParams } from '../../../lib/corrections';
import { correctionsFeedResponse, feedCacheKey, feedFileParams } from '../../../lib/feed-response';

export const getStaticPaths = (async () => {
  const catalogue = await getCatalogue();
  return correctionsParams().flatMap(({ params, props }) => {
    const corrections = catalogue.corrections(props.lang);
    // What the feed shows: the newest corrections, each by its story and place.
    const cacheKey = feedCacheKey(
      catalogue.cacheKeys.stories,
      [props.lang, corrections.map((c) => c.index)],
      corrections.map((c) => c.article),
    );
    return feedFileParams(params).map((path) => ({
      ...path,
      props: { ...path.props, ...props },
      cacheKey,
    }));
  });
}) satisfies GetStaticPaths;

export const GET: APIRoute<InferGetStaticPropsType<typeof getStaticPaths>> = async ({
  props,
  site,
}) =>
  correctionsFeedResponse({
    format: props.format,
    lang: props.lang,
    corrections: (await getCatalogue()).corrections(props.lang),
    site,
  });

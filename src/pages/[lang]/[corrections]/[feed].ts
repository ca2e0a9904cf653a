import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { getCatalogue } from '../../../lib/content';
import { correctionsParams } from '../../../lib/corrections';
import { correctionsFeedResponse, feedFileParams } from '../../../lib/feed-response';

export const getStaticPaths = (() =>
  correctionsParams().flatMap(({ params, props }) =>
    feedFileParams(params).map((path) => ({ ...path, props: { ...path.props, ...props } })),
  )) satisfies GetStaticPaths;

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

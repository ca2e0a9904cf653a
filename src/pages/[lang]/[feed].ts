import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { getCatalogue } from '../../lib/content';
import { editionFeedResponse, feedFileParams, feedTitle } from '../../lib/feed-response';
import { SITE } from '../../site';

export const getStaticPaths = (() =>
  SITE.langs.flatMap((lang) => feedFileParams({ lang }))) satisfies GetStaticPaths;

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

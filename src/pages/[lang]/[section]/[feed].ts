import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { getSectionListings } from '../../../lib/content';
import { feedFileParams, feedResponse, feedTitle } from '../../../lib/feed-response';

export const getStaticPaths = (async () =>
  (await getSectionListings()).flatMap((listing) =>
    feedFileParams({ lang: listing.lang, section: listing.subject.slug[listing.lang] }).map(
      (path) => ({
        ...path,
        props: { ...path.props, listing },
      }),
    ),
  )) satisfies GetStaticPaths;

export const GET: APIRoute<InferGetStaticPropsType<typeof getStaticPaths>> = ({ props, site }) =>
  feedResponse({
    format: props.format,
    lang: props.listing.lang,
    title: feedTitle(props.listing.lang, props.listing.subject.name[props.listing.lang]),
    pagePath: props.listing.path,
    articles: props.listing.articles,
    site,
  });

import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { getAuthorListings } from '../../../../lib/content';
import { feedResponse, feedTitle } from '../../../../lib/feed-response';
import { listingFeedPath } from '../../../../lib/urls';

export const getStaticPaths = (async () =>
  (await getAuthorListings()).map((listing) => ({
    params: { lang: listing.lang, id: listing.subject.id },
    props: { listing },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute<InferGetStaticPropsType<typeof getStaticPaths>> = ({ props, site }) =>
  feedResponse({
    lang: props.listing.lang,
    title: feedTitle(props.listing.lang, props.listing.subject.name),
    pagePath: props.listing.path,
    feedPath: listingFeedPath(props.listing.path),
    articles: props.listing.articles,
    site,
  });

import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { getSectionListings } from '../../../lib/content';
import { feedResponse, feedTitle } from '../../../lib/feed-response';
import { listingFeedPath } from '../../../lib/urls';

export const getStaticPaths = (async () =>
  (await getSectionListings()).map((listing) => ({
    params: { lang: listing.lang, section: listing.subject.slug[listing.lang] },
    props: { listing },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute<InferGetStaticPropsType<typeof getStaticPaths>> = ({ props, site }) =>
  feedResponse({
    lang: props.listing.lang,
    title: feedTitle(props.listing.lang, props.listing.subject.name[props.listing.lang]),
    pagePath: props.listing.path,
    feedPath: listingFeedPath(props.listing.path),
    articles: props.listing.articles,
    site,
  });

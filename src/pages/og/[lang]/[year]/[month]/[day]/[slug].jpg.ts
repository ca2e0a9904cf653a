import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { getCatalogue } from '../../../../../../lib/content';
import { pathsToRender } from '../../../../../../lib/paths-to-render';
import { digest } from '../../../../../../lib/cache-key';
import { renderSocialCard } from '../../../../../../lib/social-card';
import { articleParams } from '../../../../../../lib/urls';
import { SITE } from '../../../../../../site';

/** Share cards for published articles without a hero (those with one use a crop of it). */
export const getStaticPaths = (async ({ routePattern }) =>
  pathsToRender(
    routePattern,
    'endpoint',
    (await getCatalogue()).drawnCards.map((article) => {
      const card = { headline: article.title, section: article.section.name[article.lang] };
      return {
        params: articleParams(article.path),
        props: { card },
        // The card shows only these; an incremental build redraws it when they change.
        cacheKey: digest(card),
      };
    }),
  )) satisfies GetStaticPaths;

export const GET: APIRoute<InferGetStaticPropsType<typeof getStaticPaths>> = async ({ props }) => {
  const jpeg = await renderSocialCard({ ...props.card, outlet: SITE.name });
  return new Response(new Uint8Array(jpeg), { headers: { 'Content-Type': 'image/jpeg' } });
};

import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { getPublishedArticles } from '../../../../../../lib/content';
import { renderSocialCard } from '../../../../../../lib/social-card';
import { SITE } from '../../../../../../site';

/** Share cards for published articles without a hero (those with one use a crop of it). */
export const getStaticPaths = (async () =>
  (await getPublishedArticles())
    .filter((article) => !article.hero)
    .map((article) => {
      const [, lang, year, month, day, slug] = article.path.split('/');
      return { params: { lang, year, month, day, slug }, props: { article } };
    })) satisfies GetStaticPaths;

export const GET: APIRoute<InferGetStaticPropsType<typeof getStaticPaths>> = async ({ props }) => {
  const { article } = props;
  const jpeg = await renderSocialCard({
    headline: article.title,
    section: article.section.name[article.lang],
    outlet: SITE.name,
  });
  return new Response(new Uint8Array(jpeg), { headers: { 'Content-Type': 'image/jpeg' } });
};

import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { bodyHtml, getCatalogue } from '../../../lib/content';
import { plainText, searchParams, searchRecord } from '../../../lib/search';

// An edition's search records, for src/integrations/search-index.ts to
// index and delete: this file never reaches the live folder.
export const getStaticPaths = searchParams satisfies GetStaticPaths;

export const GET: APIRoute<InferGetStaticPropsType<typeof getStaticPaths>> = async ({ props }) => {
  const articles = (await getCatalogue()).published(props.lang);
  const records = articles.map((article) => searchRecord(article, plainText(bodyHtml(article))));
  return new Response(JSON.stringify(records), {
    headers: { 'content-type': 'application/json' },
  });
};

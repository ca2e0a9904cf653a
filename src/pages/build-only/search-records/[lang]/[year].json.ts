import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { bodyHtml, getCatalogue } from '../../../../lib/content';
import { plainText, searchRecord, storiesByYear, type SearchRecord } from '../../../../lib/search';
import { SITE } from '../../../../site';

// An edition's search records of one publication year, for
// src/integrations/search-index.ts to index into that year's bundle. The
// build-only folder never reaches the live folder. The key is the year's
// stories as pages show them (bodies by their source's digest), so an
// incremental build writes only the files of years whose stories changed.
export const getStaticPaths = (async () => {
  const catalogue = await getCatalogue();
  return SITE.langs.flatMap((lang) =>
    storiesByYear(catalogue.published(lang)).map(([year, articles]) => ({
      params: { lang, year },
      props: { articles },
      cacheKey: catalogue.cacheKeys.stories(articles),
    })),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute<InferGetStaticPropsType<typeof getStaticPaths>> = ({ props }) => {
  const records: SearchRecord[] = props.articles.map((article) =>
    searchRecord(article, plainText(bodyHtml(article))),
  );
  return new Response(JSON.stringify(records), {
    headers: { 'content-type': 'application/json' },
  });
};

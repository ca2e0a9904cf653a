import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { getCatalogue } from '../../../../lib/content';
import { getBuildTime } from '../../../../lib/build-time';
import { storiesByBundle } from '../../../../lib/search';
import { SITE } from '../../../../site';

// What each search records file (../search-records/) was made from, story
// by story (cacheKeys.searchInputs), under the same key, so it is written
// with it. The next publish's guess of an edited story's bundle is
// confirmed against these (src/lib/speculative-records.ts) instead of the
// bundle's thousand records being made again. Build-only: never in dist/.
export const getStaticPaths = (async () => {
  const catalogue = await getCatalogue();
  const now = getBuildTime();
  return SITE.langs.flatMap((lang) =>
    storiesByBundle(catalogue.published(lang), now).map(([bundle, articles]) => ({
      params: { lang, bundle },
      props: { articles },
      cacheKey: catalogue.cacheKeys.searchRecords(articles),
    })),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute<InferGetStaticPropsType<typeof getStaticPaths>> = async ({ props }) =>
  new Response(JSON.stringify((await getCatalogue()).cacheKeys.searchInputs(props.articles)), {
    headers: { 'content-type': 'application/json' },
  });

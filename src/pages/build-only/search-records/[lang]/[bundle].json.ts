import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { bodyHtml, getCatalogue } from '../../../../lib/content';
import { getBuildTime } from '../../../../lib/build-time';
import {
  plainText,
  searchRecord,
  storiesByBundle,
  type SearchRecord,
} from '../../../../lib/search';
import { SITE } from '../../../../site';

// An edition's search records of one bundle (a recent month, or a year:
// searchBundleKey), for src/integrations/search-index.ts to index. The
// build-only folder never reaches the live folder. The key is the bundle's
// stories as pages show them (bodies by their source's digest), so an
// incremental build writes only the files of bundles whose stories changed.
export const getStaticPaths = (async () => {
  const catalogue = await getCatalogue();
  const now = getBuildTime();
  return SITE.langs.flatMap((lang) =>
    storiesByBundle(catalogue.published(lang), now).map(([bundle, articles]) => ({
      params: { lang, bundle },
      props: { articles, bundle },
      cacheKey: catalogue.cacheKeys.stories(articles),
    })),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute<InferGetStaticPropsType<typeof getStaticPaths>> = ({ props }) => {
  const records: SearchRecord[] = props.articles.map((article) =>
    searchRecord(article, plainText(bodyHtml(article)), props.bundle),
  );
  return new Response(JSON.stringify(records), {
    headers: { 'content-type': 'application/json' },
  });
};

import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { bodyHtml, getCatalogue } from '../../../../lib/content';
import { getBuildTime } from '../../../../lib/build-time';
import { earlyRecords } from '../../../../lib/early-records';
import {
  plainText,
  searchRecord,
  storiesByBundle,
  type SearchRecord,
} from '../../../../lib/search';
import { SITE } from '../../../../site';
import type { Article } from '../../../../lib/catalogue-types';

// An edition's search records of one bundle (a recent month, or a year:
// searchBundleKey), for src/integrations/search-index.ts to index. The
// build-only folder never reaches the live folder. The key is the bundle's
// stories as their records show them (bodies by their source's digest), so
// an incremental build writes only the files of bundles whose records
// changed: an edit to a story leaves its translation's bundle alone.
// In such a build, a changed bundle's records are rendered as soon as its
// path is listed, and indexed while Astro lists the other routes' paths
// (src/lib/early-records.ts); its render then returns the same bytes. What
// each file was made from is kept beside it (../../search-inputs/).
export const getStaticPaths = (async () => {
  const catalogue = await getCatalogue();
  const now = getBuildTime();
  const early = earlyRecords();
  return SITE.langs.flatMap((lang) =>
    storiesByBundle(catalogue.published(lang), now).map(([bundle, articles]) => {
      const cacheKey = catalogue.cacheKeys.searchRecords(articles);
      if (early?.wanted(lang, bundle, cacheKey)) {
        // An edit's records guessed before the pages were bundled are
        // taken when the bundle's inputs, story by story, are those the
        // guess was made for (speculative-records.ts, inputsWithEdits).
        const guessed = early.confirmed(lang, bundle, () =>
          JSON.stringify(catalogue.cacheKeys.searchInputs(articles)),
        );
        early.start(lang, bundle, guessed ?? recordsBytes(articles, bundle));
      }
      return { params: { lang, bundle }, props: { lang, articles, bundle }, cacheKey };
    }),
  );
}) satisfies GetStaticPaths;

function recordsBytes(articles: readonly Article[], bundle: string): Uint8Array<ArrayBuffer> {
  const records: SearchRecord[] = articles.map((article) =>
    searchRecord(article, plainText(bodyHtml(article)), bundle),
  );
  return new TextEncoder().encode(JSON.stringify(records));
}

export const GET: APIRoute<InferGetStaticPropsType<typeof getStaticPaths>> = ({ props }) => {
  const bytes =
    earlyRecords()?.take(props.lang, props.bundle) ?? recordsBytes(props.articles, props.bundle);
  return new Response(bytes as Uint8Array<ArrayBuffer>, {
    headers: { 'content-type': 'application/json' },
  });
};

import type { APIRoute } from 'astro';
import { getPublishedArticles } from '../lib/content';
import { getBuildTime } from '../lib/build-time';
import { renderNewsSitemap, selectForNewsSitemap } from '../lib/google-news';
import { SITE } from '../site';

export const GET: APIRoute = async ({ site }) => {
  const recent = selectForNewsSitemap(await getPublishedArticles(), getBuildTime());
  const xml = renderNewsSitemap(
    recent.map((article) => ({
      url: new URL(article.path, site).href,
      title: article.title,
      publishedAt: article.publishedAt,
      language: article.lang,
    })),
    SITE.name,
  );
  return new Response(xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};

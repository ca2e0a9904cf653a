import type { APIRoute } from 'astro';
import { getCatalogue } from '../lib/content';
import { renderNewsSitemap } from '../lib/google-news';
import { SITE } from '../site';

export const GET: APIRoute = async ({ site }) => {
  const { newsSitemap } = await getCatalogue();
  const xml = renderNewsSitemap(
    newsSitemap.map((article) => ({
      url: new URL(article.path, site).href,
      title: article.title,
      publishedAt: article.publishedAt,
      language: article.lang,
    })),
    SITE.name,
  );
  return new Response(xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};

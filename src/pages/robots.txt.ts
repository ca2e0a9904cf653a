import type { APIRoute } from 'astro';
import { distributionPolicy, robotsTxt } from '../lib/robots';
import { SITE } from '../site';

export const GET: APIRoute = ({ site }) =>
  new Response(
    robotsTxt(distributionPolicy(SITE.distribution), [
      new URL('/sitemap-index.xml', site).href,
      new URL('/news-sitemap.xml', site).href,
    ]),
    { headers: { 'Content-Type': 'text/plain; charset=utf-8' } },
  );

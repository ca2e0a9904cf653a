import type { APIRoute } from 'astro';
import { getCatalogue } from '../lib/content';
import { editionRedirects } from '../lib/edition-redirects';
import { editionPath } from '../lib/urls';
import { SITE } from '../site';

/**
 * `_redirects` for Netlify and Cloudflare Pages: readers sent from `/` to
 * their browser's language where the host can (edition-redirects.ts), then
 * a 301 from each former article address.
 */
export const getStaticPaths = () => [{ params: { file: '_redirects' } }];

export const GET: APIRoute = async () => {
  const lines = [
    ...editionRedirects(SITE.langs, SITE.defaultLang, editionPath),
    ...(await getCatalogue()).redirects.map(({ from, to }) => `${from} ${to} 301`),
  ];
  return new Response(`${lines.join('\n')}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
};

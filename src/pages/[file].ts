import type { APIRoute } from 'astro';
import { getCatalogue } from '../lib/content';

/** `_redirects` for Netlify and Cloudflare Pages: a 301 from each former article address. */
export const getStaticPaths = () => [{ params: { file: '_redirects' } }];

export const GET: APIRoute = async () => {
  const lines = (await getCatalogue()).redirects.map(({ from, to }) => `${from} ${to} 301`);
  return new Response(`${lines.join('\n')}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
};

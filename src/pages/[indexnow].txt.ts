import type { APIRoute } from 'astro';
import { indexNowKeyFile } from '../lib/notify-plan';
import { SITE } from '../site';

/** IndexNow's key file, `/<key>.txt`, when `SITE.distribution.indexNow` is configured. */
export const getStaticPaths = () => {
  const file = indexNowKeyFile(SITE.distribution?.indexNow?.key);
  return file ? [{ params: { indexnow: file.name }, props: { body: file.body } }] : [];
};

export const GET: APIRoute<{ body: string }> = ({ props }) =>
  new Response(props.body, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

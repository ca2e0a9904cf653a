import type { APIRoute } from 'astro';
import { distributionPolicy, tdmRepJson } from '../../lib/robots';
import { SITE } from '../../site';

/** W3C TDM Reservation Protocol: the outlet's text-and-data-mining reservation. */
export const GET: APIRoute = () =>
  new Response(tdmRepJson(distributionPolicy(SITE.distribution).tdm), {
    headers: { 'Content-Type': 'application/json' },
  });
